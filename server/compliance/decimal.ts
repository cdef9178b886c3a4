/**
 * Exact decimal arithmetic for compliance figures: areas (2 decimals) times shares (2 decimals)
 * need 6 decimals, and "不少于 20" must compare 19.999999 as less than 20. Floats cannot promise
 * that; scaled BigInts can. Values are held in millionths.
 */
export const SCALE = 1_000_000n;
const DIGITS = 6;

export type Decimal = bigint;

/** Parses a numeric string from PostgreSQL ('128.50', '-3', '0.000001'). More digits are cut. */
export function parseDecimal(text: string | number): Decimal {
  const value = String(text).trim();
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(value);
  if (!match) throw new Error(`not a decimal: ${value}`);
  const [, sign, whole, fraction = ''] = match;
  const units = BigInt(whole!) * SCALE + BigInt(fraction.slice(0, DIGITS).padEnd(DIGITS, '0'));
  return sign ? -units : units;
}

export function fromInteger(value: number): Decimal {
  return BigInt(value) * SCALE;
}

/** a × b / c for non-negative values, truncated toward zero at millionths. */
export function mulDiv(a: Decimal, b: bigint, c: bigint): Decimal {
  return (a * b) / c;
}

/** a / b as a decimal, truncated at millionths (both in millionths). */
export function divide(a: Decimal, b: Decimal): Decimal {
  return (a * SCALE) / b;
}

export function max(a: Decimal, b: Decimal): Decimal {
  return a > b ? a : b;
}

/** The decimal as a string with `places` decimals, truncated (never rounded up: 19.999 → '19.99'). */
export function truncated(value: Decimal, places = 2): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = abs / SCALE;
  const fraction = (abs % SCALE).toString().padStart(DIGITS, '0').slice(0, places);
  return `${negative ? '-' : ''}${whole}${places > 0 ? `.${fraction}` : ''}`;
}

const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

/** For JSON: a number truncated at 4 decimals, so it never shows a failing 19.99999 as 20. */
export function toNumber(value: Decimal): number {
  // q / 10⁴ with q = value truncated to ten-thousandths: both Number(q) / 10000 and parsing the
  // decimal text give the double nearest to that exact value (q below 2⁵³ is exact and IEEE
  // division rounds correctly), so this is the text route's result without building the text.
  // Negative values keep the text route, which writes -0 for a value in (-0.0001, 0).
  if (value >= 0n) {
    const q = value / 100n;
    if (q <= MAX_EXACT) return Number(q) / 10000;
  }
  return Number(truncated(value, 4));
}

// ---------------------------------------------------------------------------------------------
// Millionths in JavaScript numbers. A national report handles millions of figures; a BigInt is a
// heap object and every operation on one allocates, so the facts hold plain numbers wherever
// that is exact, and the figures fall back to BigInt only where it would not be.

/** Millionths of a unit, as the facts hold them: a number when a safe integer (every real figure), else a bigint. */
export type Millionths = number | bigint;

/**
 * The bound under which the figures compute in numbers: inputs and products at most 2⁵², so that
 * the sum of two, or a quotient times its divisor, stays at most 2⁵³ and every step is exact. A
 * product of non-negative integers computed in doubles is at most 2⁵² exactly when the true
 * product is (every integer up to 2⁵³ is a double, and rounding is monotonic), so testing the
 * double tests the exact product.
 */
export const EXACT_LIMIT = 2 ** 52;

/** Whether a non-negative integer (or a product of such, computed in doubles) is within EXACT_LIMIT. */
export function exactInNumbers(value: number): boolean {
  return value >= 0 && value <= EXACT_LIMIT;
}

/** The canonical form: a number when it is a safe integer. */
export function toMillionths(value: bigint): Millionths {
  return value >= -MAX_EXACT && value <= MAX_EXACT ? Number(value) : value;
}

export function addMillionths(a: Millionths, b: Millionths): Millionths {
  if (typeof a === 'number' && typeof b === 'number') {
    const sum = a + b;
    // An exact sum beyond 2⁵³ - 1 rounds to a double beyond it too.
    if (Number.isSafeInteger(sum)) return sum;
  }
  return toMillionths(BigInt(a) + BigInt(b));
}

/**
 * ⌊a / b⌋ for integers 0 ≤ a and 0 < b with a + b ≤ 2⁵³. The division in doubles rounds
 * correctly, so it is either the quotient or, rounded up past an integer, one more; q × b (at
 * most a + b) is exact and tells which.
 */
export function floorDivide(a: number, b: number): number {
  const q = Math.floor(a / b);
  return q * b > a ? q - 1 : q;
}

/** toNumber for millionths: the figure for JSON, truncated at 4 decimals. */
export function millionthsToNumber(value: Millionths): number {
  return typeof value === 'number' && exactInNumbers(value) ? floorDivide(value, 100) / 10_000 : toNumber(BigInt(value));
}
