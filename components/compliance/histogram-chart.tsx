import { getTranslations } from 'next-intl/server';
import type { HistogramBin } from '@/server/compliance/report-views';
import { figure } from './format';

const WIDTH = 640;
const HEIGHT = 260;
const LEFT = 44;
const RIGHT = 16;
const TOP = 40;
const BOTTOM = 48;
const BELOW = '#b45309';
const ABOVE = '#0d7a68';

interface HistogramProps {
  bins: HistogramBin[];
  threshold: number;
  unit: string;
  title: string;
  /** Communities without a value (insufficient data). */
  withoutValue: number;
}

/**
 * How many communities fall in each band of the rule's value, with the threshold drawn as a line:
 * bars left of it fail. A visually hidden table carries the same counts for screen readers.
 */
export async function HistogramChart({ bins, threshold, unit, title, withoutValue }: HistogramProps) {
  const t = await getTranslations('audit');
  const max = Math.max(1, ...bins.map((bin) => bin.count));
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const barWidth = plotWidth / bins.length;
  const span = bins.length * (bins[0] ? (bins[0].to ?? 0) - bins[0].from : 1);
  const xOf = (value: number) => LEFT + (Math.min(value, span) / span) * plotWidth;
  const range = (bin: HistogramBin) => (bin.to === null ? t('binOpen', { from: figure(bin.from) }) : t('binRange', { from: figure(bin.from), to: figure(bin.to) }));
  return (
    <figure className="break-inside-avoid">
      <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={title}>
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full min-w-[32rem] max-w-3xl print:min-w-0" role="img" aria-labelledby="histogram-title histogram-desc">
          <title id="histogram-title">{title}</title>
          <desc id="histogram-desc">{t('histogramDesc', { threshold: figure(threshold), unit, without: withoutValue })}</desc>
          <line x1={LEFT} x2={WIDTH - RIGHT} y1={TOP + plotHeight} y2={TOP + plotHeight} stroke="#1c2430" />
          {bins.map((bin, i) => {
            const h = (bin.count / max) * plotHeight;
            const x = LEFT + i * barWidth;
            return (
              <g key={bin.from}>
                <rect x={x + 1} y={TOP + plotHeight - h} width={barWidth - 2} height={h} fill={bin.below ? BELOW : ABOVE} />
                {bin.count > 0 ? (
                  <text x={x + barWidth / 2} y={TOP + plotHeight - h - 4} fontSize={11} textAnchor="middle" fill="#1c2430">
                    {bin.count}
                  </text>
                ) : null}
                {i % 2 === 0 || bin.to === null ? (
                  <text x={x} y={TOP + plotHeight + 16} fontSize={11} textAnchor="middle" fill="#4a5565">
                    {bin.to === null ? `≥${figure(bin.from).replace(/\.00$/, '')}` : figure(bin.from).replace(/\.00$/, '')}
                  </text>
                ) : null}
              </g>
            );
          })}
          {bins.at(-1)?.to != null ? (
          <text x={WIDTH - RIGHT} y={TOP + plotHeight + 16} fontSize={11} textAnchor="middle" fill="#4a5565">
            {figure(bins.at(-1)!.to).replace(/\.00$/, '')}
          </text>
        ) : null}
        <line x1={xOf(threshold)} x2={xOf(threshold)} y1={16} y2={TOP + plotHeight} stroke="#1c2430" strokeWidth={2} strokeDasharray="6 3" />
          <text x={xOf(threshold) + 4} y={12} fontSize={12} fontWeight={700} fill="#1c2430">
            {t('thresholdMarker', { threshold: figure(threshold).replace(/\.00$/, '') })}
          </text>
          <text x={LEFT + plotWidth / 2} y={HEIGHT - 8} fontSize={12} textAnchor="middle" fill="#1c2430">
            {unit}
          </text>
        </svg>
      </div>
      <figcaption className="mt-2 text-sm">
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          <li className="inline-flex items-center gap-1">
            <span aria-hidden="true" className="inline-block size-4 rounded-sm" style={{ backgroundColor: BELOW }} />
            {t('histogramBelow')}
          </li>
          <li className="inline-flex items-center gap-1">
            <span aria-hidden="true" className="inline-block size-4 rounded-sm" style={{ backgroundColor: ABOVE }} />
            {t('histogramAbove')}
          </li>
          <li>{t('histogramWithout', { count: withoutValue })}</li>
        </ul>
      </figcaption>
      {/* A table ignores width: 1px, so the wrapper is what hides it. */}
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('binColumn', { unit })}</th>
              <th scope="col">{t('countColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {bins.map((bin) => (
              <tr key={bin.from}>
                <th scope="row">{range(bin)}</th>
                <td>{bin.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
