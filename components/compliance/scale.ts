/**
 * The colour scale of passing shares (BrBG, safe for the common colour-vision deficiencies), with
 * the text colour that keeps a printed figure at ≥ 4.5:1 on each fill.
 */
export const SHARE_BANDS = [
  { from: 0, to: 20, fill: '#8c510a', text: '#ffffff' },
  { from: 20, to: 40, fill: '#dfc27d', text: '#1c2430' },
  { from: 40, to: 60, fill: '#f6e8c3', text: '#1c2430' },
  { from: 60, to: 80, fill: '#80cdc1', text: '#1c2430' },
  { from: 80, to: 100, fill: '#01665e', text: '#ffffff' },
] as const;

export const NO_DATA = { fill: '#e2e8f0', text: '#1c2430' } as const;

export function bandOf(share: number | null) {
  if (share === null) return null;
  return SHARE_BANDS.find((band) => share < band.to) ?? SHARE_BANDS[SHARE_BANDS.length - 1]!;
}
