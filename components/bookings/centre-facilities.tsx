import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';
import type { listPublicFacilities } from '@/server/registry/facility-queries';
import { openingHoursLines } from './opening-hours';
import { roomFacts } from './room-facts';

type Facility = Awaited<ReturnType<typeof listPublicFacilities>>[number];

/** A community's facilities as a resident reads them: hours, address, and the rooms to book. */
export async function CentreFacilities({ facilities, level = 2 }: { facilities: Facility[]; level?: 2 | 3 }) {
  const t = await getTranslations('bookings');
  const Heading = level === 2 ? 'h2' : 'h3';
  const RoomHeading = level === 2 ? 'h3' : 'h4';
  if (facilities.length === 0) return <p className="rounded-md bg-slate-50 p-4">{t('noFacilities')}</p>;
  return (
    <div className="space-y-8">
      {facilities.map((facility) => {
        const rooms = facility.spaces.filter((space) => space.bookable);
        const others = facility.spaces.filter((space) => !space.bookable);
        return (
          <section key={facility.id} aria-labelledby={`facility-${facility.id}`} className="space-y-4">
            <div className="space-y-1">
              <Heading id={`facility-${facility.id}`} className="text-xl font-bold">
                {facility.name}
              </Heading>
              <p className="text-muted">{t(`facilityKind.${facility.kind}`)}</p>
              {facility.address ? <p>{t('address', { address: facility.address })}</p> : null}
              <dl>
                <dt className="font-medium">{t('openingHours')}</dt>
                {openingHoursLines(facility.openingHours, t).map((line) => (
                  <dd key={line}>{line}</dd>
                ))}
              </dl>
            </div>
            {rooms.length > 0 ? (
              <div>
                <p className="mb-2 font-medium">{t('bookableRooms')}</p>
                <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3 elder:grid-cols-1!">
                  {rooms.map((room) => (
                    <li key={room.id} className="flex flex-col gap-2 rounded-md border border-slate-300 p-4">
                      <RoomHeading className="text-lg font-semibold">{room.name}</RoomHeading>
                      <ul className="flex-1 text-base">
                        {roomFacts(room, t).map((fact) => (
                          <li key={fact}>{fact}</li>
                        ))}
                      </ul>
                      <Link href={`/rooms/${room.id}`} className={buttonClass('primary', 'w-full')}>
                        <span className="sr-only">{room.name}：</span>
                        {t('seeFreeTime')}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <p className="rounded-md bg-slate-50 p-4">{t('noBookableRooms')}</p>
            )}
            {others.length > 0 ? <p className="text-muted">{t('otherSpaces', { names: others.map((space) => space.name).join(t('listSeparator')) })}</p> : null}
          </section>
        );
      })}
    </div>
  );
}
