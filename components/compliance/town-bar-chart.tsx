import { getLocale, getTranslations } from 'next-intl/server';
import type { TownShare } from '@/server/compliance/report-views';
import { figure, localName } from './format';
import { bandOf, NO_DATA } from './scale';

const ROW = 26;
const LABEL = 130;
const BAR = 380;
const WIDTH = LABEL + BAR + 150;
const TOP = 28;

/**
 * Each town's passing share as a horizontal bar, lowest first: the worst town leads. Each bar
 * links to the town; the figures are printed beside the bars and listed in the town table.
 */
export async function TownBarChart({ shares, hrefFor, title, tableId }: { shares: TownShare[]; hrefFor: (townCode: string) => string; title: string; tableId: string }) {
  const [t, locale] = await Promise.all([getTranslations('audit'), getLocale()]);
  const height = TOP + shares.length * ROW + 8;
  const ticks = [0, 25, 50, 75, 100];
  return (
    <figure className="break-inside-avoid">
      <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={title}>
        <svg viewBox={`0 0 ${WIDTH} ${height}`} className="h-auto w-full min-w-[36rem] max-w-3xl print:min-w-0" role="group" aria-labelledby="bar-chart-title" aria-describedby={tableId}>
          <title id="bar-chart-title">{title}</title>
          {ticks.map((tick) => (
            <g key={tick} aria-hidden="true">
              <line x1={LABEL + (tick / 100) * BAR} x2={LABEL + (tick / 100) * BAR} y1={TOP - 6} y2={height - 6} stroke="#94a3b8" strokeDasharray={tick === 0 ? undefined : '3 3'} />
              <text x={LABEL + (tick / 100) * BAR} y={TOP - 10} fontSize={12} textAnchor="middle" fill="#4a5565">
                {tick}%
              </text>
            </g>
          ))}
          {shares.map((share, i) => {
            const y = TOP + i * ROW;
            const band = bandOf(share.passShare);
            const value = share.passShare ?? 0;
            const name = localName({ nameZh: share.townNameZh, nameEn: share.townNameEn }, locale);
            const label =
              share.passShare === null
                ? t('tileNoData', { town: name })
                : t('tileLabel', { town: name, share: figure(share.passShare), pass: share.pass, total: share.communities });
            return (
              <a key={share.townCode} href={hrefFor(share.townCode)} aria-label={label} className="group" data-town={share.townCode} data-share={share.passShare ?? ''}>
                <title>{label}</title>
                <rect x={0} y={y} width={WIDTH} height={ROW} fill="transparent" className="group-hover:fill-slate-100 group-focus-visible:fill-amber-50" />
                <text x={LABEL - 8} y={y + ROW / 2 + 5} textAnchor="end" fontSize={14} fill="#1c2430" className="group-hover:underline">
                  {name}
                </text>
                <rect x={LABEL} y={y + 4} width={Math.max((value / 100) * BAR, 1)} height={ROW - 8} fill={band?.fill ?? NO_DATA.fill} stroke="#1c2430" strokeWidth={0.75} />
                <text x={LABEL + (value / 100) * BAR + 6} y={y + ROW / 2 + 5} fontSize={13} fill="#1c2430" stroke="#ffffff" strokeWidth={4} paintOrder="stroke" className="tabular-nums">
                  {share.passShare === null ? '—' : `${figure(share.passShare)}% (${share.pass}/${share.communities})`}
                </text>
              </a>
            );
          })}
        </svg>
      </div>
    </figure>
  );
}
