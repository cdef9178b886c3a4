import { describe, expect, it } from 'vitest';
import { addMillionths, EXACT_LIMIT, millionthsToNumber, toMillionths, toNumber } from '../server/compliance/decimal';
import { absoluteFigures, activityShareFigures, perHouseholdFigures, readThreshold, type Figures } from '../server/compliance/figures';

// The figures are computed in numbers where that is exact and in BigInt otherwise; a bigint
// argument always takes the BigInt route, so each case is computed both ways and compared.

const THRESHOLDS = ['0', '20', '30', '32', '60', '80', '100', '150', '600', '12.5', '99.999999', '150.75', '120'].map(readThreshold);

/** A random integer below 10^digits. */
function random(digits: number): number {
  return Math.floor(Math.random() * 10 ** digits);
}

function same(a: Figures, b: Figures) {
  expect(Object.is(a.value, b.value) && a.pass === b.pass && Object.is(a.gapM2, b.gapM2)).toBe(true);
}

/** Areas in millionths: real ones (up to 100,000 m²), exact multiples, and some at the bounds. */
function areas(): number[] {
  const values = [0, 1, 99, 100, 999_999, 1_000_000, 20_000_000, Math.floor(EXACT_LIMIT / 100), Math.floor(EXACT_LIMIT / 100) + 1, EXACT_LIMIT, Number.MAX_SAFE_INTEGER];
  for (let i = 0; i < 3_000; i++) values.push(random(1 + (i % 17)) % Number.MAX_SAFE_INTEGER);
  for (let i = 0; i < 500; i++) values.push(random(6) * 10_000); // whole hundredths of a m², as measured
  return values;
}

describe('figures in numbers equal figures in BigInt', () => {
  it('area per 100 households', () => {
    const households = [1, 2, 3, 7, 100, 997, 1_000, 4_321, 65_536, 2_147_483_647];
    for (const threshold of THRESHOLDS) {
      for (const area of areas()) {
        for (const count of [households[random(1)]!, 1 + random(5)]) same(perHouseholdFigures(threshold, area, count), perHouseholdFigures(threshold, BigInt(area), count));
      }
      // Exactly at the threshold: area × 100 = threshold × households passes, one millionth less fails.
      for (const count of households) {
        const exact = Number((threshold.exact * BigInt(count)) / 100n);
        for (const area of [exact - 1, exact, exact + 1].filter((a) => a >= 0)) same(perHouseholdFigures(threshold, area, count), perHouseholdFigures(threshold, BigInt(area), count));
      }
    }
  });

  it("residents' activity share", () => {
    for (const threshold of THRESHOLDS) {
      for (const area of areas().filter((a) => a > 0)) {
        for (const activity of [0, area, Math.floor(area / 2), Math.floor((area * 3) / 5), random(Math.max(1, String(area).length))]) {
          same(activityShareFigures(threshold, area, activity), activityShareFigures(threshold, BigInt(area), BigInt(activity)));
        }
      }
    }
  });

  it('absolute areas', () => {
    for (const threshold of THRESHOLDS) for (const area of areas()) same(absoluteFigures(threshold, area), absoluteFigures(threshold, BigInt(area)));
  });

  it('millionths: sums, canonical form and figures for JSON', () => {
    const max = Number.MAX_SAFE_INTEGER;
    expect(addMillionths(max - 1, 1)).toBe(max);
    expect(addMillionths(max, 1)).toBe(2n ** 53n);
    expect(addMillionths(2n ** 53n, -1)).toBe(max);
    expect(toMillionths(-5n)).toBe(-5);
    for (const value of areas()) expect(Object.is(millionthsToNumber(value), toNumber(BigInt(value)))).toBe(true);
  });
});
