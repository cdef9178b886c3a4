import { divide, exactInNumbers, floorDivide, fromInteger, max, mulDiv, parseDecimal, SCALE, toNumber, type Decimal, type Millionths } from './decimal';

// A rule's figures for one community — the value shown, pass or fail, the gap in m² — computed
// exactly. A national report computes over a million of them: each is first tried in plain
// numbers, where the bounds of decimal.ts make every step exact, and otherwise (figures no
// register holds: areas of tens of thousands of m² against millions of households) in BigInt,
// by the definitions as written. Both give the same figures (tests/compliance-figures.test.ts).

export interface Figures {
  value: number;
  pass: boolean;
  /** m² missing to pass (0 when passing); null when no amount of space would pass. */
  gapM2: number | null;
}

/** A rule's threshold, read once per report. */
export interface Threshold {
  /** In millionths. */
  exact: Decimal;
  /** The same as a number; NaN when it is not a non-negative safe integer (then BigInt decides). */
  units: number;
  /**
   * For percentages: threshold / 100% reduced to lowest terms, t / e (60% is 3 / 5), so that
   * comparing activity × e with t × total stays within numbers for any real building.
   */
  ratio: { t: number; e: number };
}

const HUNDRED_PERCENT = 100 * Number(SCALE);

function gcd(a: number, b: number): number {
  while (b > 0) [a, b] = [b, a % b];
  return a;
}

export function readThreshold(text: string): Threshold {
  const exact = parseDecimal(text);
  const units = exact >= 0n && exact <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(exact) : NaN;
  const common = Number.isNaN(units) ? 1 : gcd(HUNDRED_PERCENT, units);
  return { exact, units, ratio: { t: units / common, e: HUNDRED_PERCENT / common } };
}

/** Area per 100 households: area / households × 100 ≥ threshold, households > 0. */
export function perHouseholdFigures(threshold: Threshold, area: Millionths, households: number): Figures {
  if (typeof area === 'number' && households > 0) {
    const scaled = area * 100;
    const needed = threshold.units * households;
    if (exactInNumbers(scaled) && exactInNumbers(needed)) {
      const required = floorDivide(needed, 100);
      return {
        // ⌊⌊area × 100 / households⌋ / 100⌋ = ⌊area / households⌋, in ten-thousandths.
        value: floorDivide(area, households) / 10_000,
        pass: scaled >= needed,
        gapM2: required > area ? floorDivide(required - area, 100) / 10_000 : 0,
      };
    }
  }
  const exactArea = BigInt(area);
  const count = BigInt(households);
  // area / households × 100 ≥ threshold  ⇔  area × 100 ≥ threshold × households
  const required = mulDiv(threshold.exact, count, 100n);
  return {
    value: toNumber(mulDiv(exactArea, 100n, count)),
    pass: exactArea * 100n >= threshold.exact * count,
    gapM2: toNumber(max(0n, required - exactArea)),
  };
}

/** Residents' activity space as a share of the area counted (area > 0). */
export function activityShareFigures(threshold: Threshold, area: Millionths, activity: Millionths): Figures {
  if (typeof area === 'number' && typeof activity === 'number' && area > 0 && activity >= 0) {
    const { t, e } = threshold.ratio;
    const shown = activity * 1_000_000;
    const have = activity * e;
    const want = t * area;
    if (exactInNumbers(area) && exactInNumbers(shown) && exactInNumbers(have) && exactInNumbers(want) && exactInNumbers(100 * Math.abs(e - t))) {
      const pass = have >= want;
      return {
        // ⌊activity × 100% / area⌋ in ten-thousandths of a percent.
        value: floorDivide(shown, area) / 10_000,
        pass,
        // The BigInt route's ⌊⌊(threshold × area − activity × 100%) / headroom⌋ / 100⌋, both sides
        // divided by the threshold's common factor with 100%.
        gapM2: pass ? 0 : e > t ? floorDivide(want - have, 100 * (e - t)) / 10_000 : null,
      };
    }
  }
  const exactArea = BigInt(area);
  const exactActivity = BigInt(activity);
  // activity / total × 100 ≥ threshold, both sides in millionths².
  const surplus = exactActivity * 100n * SCALE - threshold.exact * exactArea;
  // Activity space x to add so that (activity + x) / (total + x) × 100 ≥ threshold.
  const headroom = fromInteger(100) - threshold.exact;
  return {
    value: toNumber(divide(exactActivity * 100n, exactArea)),
    pass: surplus >= 0n,
    gapM2: surplus >= 0n ? 0 : headroom > 0n ? toNumber(-surplus / headroom) : null,
  };
}

/** An absolute area: area ≥ threshold. */
export function absoluteFigures(threshold: Threshold, area: Millionths): Figures {
  if (typeof area === 'number' && exactInNumbers(area) && exactInNumbers(threshold.units)) {
    const { units } = threshold;
    return { value: floorDivide(area, 100) / 10_000, pass: area >= units, gapM2: units > area ? floorDivide(units - area, 100) / 10_000 : 0 };
  }
  const exactArea = BigInt(area);
  return { value: toNumber(exactArea), pass: exactArea >= threshold.exact, gapM2: toNumber(max(0n, threshold.exact - exactArea)) };
}
