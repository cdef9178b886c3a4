import { getLocale, getTranslations } from 'next-intl/server';
import { GRID_COLS, GRID_ROWS, type GridTile, type TownShare } from '@/server/compliance/report-views';
import { figure, localName } from './format';
import { bandOf, NO_DATA, SHARE_BANDS } from './scale';

const CELL = 100;
const TILE = 94;

interface TileMapProps {
  tiles: GridTile[];
  shares: TownShare[];
  /** Each town's page, with the report's filters. */
  hrefFor: (townCode: string) => string;
  ruleName: string;
  basis: string;
  /** Every town's names, for tiles outside the selection. */
  names: Map<string, { nameZh: string; nameEn: string }>;
}

/**
 * Dongguan's towns on a 7 × 10 tile grid (db/seed/dongguan-town-grid.csv): each square is a town,
 * coloured by the share of its communities that pass, with the figure printed on it and a
 * legend in words. Server-rendered SVG; it scales with its viewBox.
 */
export async function TileMap({ tiles, shares, hrefFor, ruleName, basis, names }: TileMapProps) {
  const [t, locale] = await Promise.all([getTranslations('audit'), getLocale()]);
  const byCode = new Map(shares.map((share) => [share.townCode, share]));
  const width = GRID_COLS * CELL;
  const height = GRID_ROWS * CELL;
  return (
    <figure className="break-inside-avoid">
      <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={t('tileMapRegion')}>
        <svg viewBox={`0 0 ${width} ${height}`} className="h-auto w-full min-w-[34rem] max-w-4xl print:min-w-0" role="group" aria-labelledby="tile-map-title" aria-describedby="tile-map-legend">
          <title id="tile-map-title">{t('tileMapTitle', { rule: ruleName, basis })}</title>
          <defs>
            <pattern id="tile-no-data" width="10" height="10" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="10" height="10" fill={NO_DATA.fill} />
              <line x1="0" y1="0" x2="0" y2="10" stroke="#94a3b8" strokeWidth="3" />
            </pattern>
          </defs>
          {tiles.map((tile) => {
            const share = byCode.get(tile.code);
            const band = bandOf(share?.passShare ?? null);
            const name = share ? localName({ nameZh: share.townNameZh, nameEn: share.townNameEn }, locale) : localName(names.get(tile.code) ?? { nameZh: tile.nameZh, nameEn: tile.nameZh }, locale);
            const x = tile.col * CELL + (CELL - TILE) / 2;
            const y = tile.row * CELL + (CELL - TILE) / 2;
            const text = band?.text ?? NO_DATA.text;
            const label = share
              ? share.passShare === null
                ? t('tileNoData', { town: name })
                : t('tileLabel', { town: name, share: figure(share.passShare), pass: share.pass, total: share.communities })
              : t('tileNotInSelection', { town: name });
            const long = name.length > 9;
            return (
              <a key={tile.code} href={hrefFor(tile.code)} aria-label={label} className="group" data-town={tile.code} data-share={share?.passShare ?? ''}>
                <title>{label}</title>
                <rect
                  x={x}
                  y={y}
                  width={TILE}
                  height={TILE}
                  rx={8}
                  fill={band ? band.fill : 'url(#tile-no-data)'}
                  stroke="#1c2430"
                  strokeWidth={1}
                  className="group-hover:stroke-[4] group-focus-visible:stroke-[#b45309] group-focus-visible:stroke-[8]"
                />
                <text x={x + TILE / 2} y={y + 30} textAnchor="middle" fontSize={locale === 'en' ? 15 : 19} fontWeight={600} fill={text} {...(long ? { textLength: TILE - 10, lengthAdjust: 'spacingAndGlyphs' } : {})}>
                  {name}
                </text>
                <text x={x + TILE / 2} y={y + 62} textAnchor="middle" fontSize={21} fontWeight={700} fill={text}>
                  {share?.passShare != null ? `${figure(share.passShare)}%` : '—'}
                </text>
                <text x={x + TILE / 2} y={y + 84} textAnchor="middle" fontSize={15} fill={text}>
                  {share ? `${share.pass}/${share.communities}` : ''}
                </text>
              </a>
            );
          })}
        </svg>
      </div>
      <figcaption id="tile-map-legend" className="mt-2 text-sm">
        <p className="mb-1">{t('tileMapCaption')}</p>
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {SHARE_BANDS.map((band, i) => (
            <li key={band.from} className="inline-flex items-center gap-1">
              <span aria-hidden="true" className="inline-block size-4 rounded-sm border border-slate-800 print:[print-color-adjust:exact]" style={{ backgroundColor: band.fill }} />
              {i === SHARE_BANDS.length - 1 ? t('legendBandLast', { from: band.from }) : t('legendBand', { from: band.from, to: band.to })}
            </li>
          ))}
          <li className="inline-flex items-center gap-1">
            <span aria-hidden="true" className="inline-block size-4 rounded-sm border border-slate-800" style={{ background: `repeating-linear-gradient(45deg, ${NO_DATA.fill} 0 3px, #94a3b8 3px 5px)` }} />
            {t('legendNoData')}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
