import { getTranslations } from 'next-intl/server';
import type { ParticipationRow } from '@/server/activities/queries';

/** Participation per community and month; the attendance rate is said as a percentage, or "not yet taken". */
export async function ParticipationTable({ rows, showCommunity = true }: { rows: ParticipationRow[]; showCommunity?: boolean }) {
  const t = await getTranslations('staffActivities.participation');
  if (rows.length === 0) return <p className="rounded-md bg-slate-50 p-4">{t('none')}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full border-collapse text-left">
        <caption className="sr-only">{t('heading')}</caption>
        <thead>
          <tr className="border-b-2 border-slate-400">
            {showCommunity ? <th scope="col" className="px-3 py-2">{t('community')}</th> : null}
            <th scope="col" className="px-3 py-2">{t('month')}</th>
            <th scope="col" className="px-3 py-2 text-right">{t('sessions')}</th>
            <th scope="col" className="px-3 py-2 text-right">{t('places')}</th>
            <th scope="col" className="px-3 py-2 text-right">{t('signups')}</th>
            <th scope="col" className="px-3 py-2 text-right">{t('attendance')}</th>
            <th scope="col" className="px-3 py-2 text-right">{t('waitlistJoins')}</th>
            <th scope="col" className="px-3 py-2 text-right">{t('stillWaiting')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.communityId}-${row.month}`} className="border-b border-slate-200">
              {showCommunity ? <td className="px-3 py-2">{row.communityName}</td> : null}
              <td className="px-3 py-2">{row.month}</td>
              <td className="px-3 py-2 text-right">{row.sessions}</td>
              <td className="px-3 py-2 text-right">{row.places}</td>
              <td className="px-3 py-2 text-right">{row.signups}</td>
              <td className="px-3 py-2 text-right">
                {row.attendanceRate === null ? t('notTaken') : t('rate', { percent: Math.round(row.attendanceRate * 100), attended: row.attended, checked: row.attended + row.absent })}
              </td>
              <td className="px-3 py-2 text-right">{row.waitlistJoins}</td>
              <td className="px-3 py-2 text-right">{row.stillWaiting}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
