import { toMillionths, type Millionths } from './decimal';

/**
 * Fields of one line of the history query (historyFactsSql): code | kind | town, then the
 * segment's `facts` (db/schema/compliance-history.ts): registered households | their date (days
 * after 2000-01-01) | resident households | date | centre | the three other-basis flags | the
 * nine areas in millionths of a m²; '' for null, '1' for true.
 */
export const FIELD = { code: 0, kind: 1, town: 2, registered: 3, registeredDays: 4, resident: 5, residentDays: 6, centre: 7, otherBasis: 8, areas: 11 } as const;
const FIELDS = 20;
const PIPE = 124;
const MINUS = 45;
const ZERO = 48;
/** Up to this many digits a field's value read digit by digit is exact (below 2⁵³). */
const EXACT_DIGITS = 15;

/**
 * A reader of such lines that reads every field in one pass over the characters, numbers digit
 * by digit, without splitting the line into strings: a national report reads 615,000 lines of
 * 20 fields, and most fields are numbers. Call read() with a line, then ask for its fields.
 */
export class SegmentLine {
  private line = '';
  /** Where each field starts; field i ends one character before field i + 1 starts. */
  private readonly starts = new Int32Array(FIELDS + 1);
  /** Each field read as decimal digits (meaningless for text, and for what integer() reads as BigInt). */
  private readonly values = new Float64Array(FIELDS);

  read(line: string): void {
    this.line = line;
    const { starts, values } = this;
    let field = 0;
    let value = 0;
    starts[0] = 0;
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (c === PIPE) {
        values[field] = value;
        value = 0;
        // Whatever follows the last field is not read.
        if (++field === FIELDS) {
          starts[FIELDS] = i + 1;
          return;
        }
        starts[field] = i + 1;
      } else {
        value = value * 10 + (c - ZERO);
      }
    }
    values[field] = value;
    // Fields the line lacks are empty: each starts where the line ends, plus one (as if each
    // were followed by a separator), and reads as 0.
    for (let f = field + 1; f < FIELDS; f++) {
      starts[f] = line.length + 1 + (f - field - 1);
      values[f] = 0;
    }
    starts[FIELDS] = line.length + 1 + (FIELDS - field - 1);
  }

  text(field: number): string {
    return this.line.slice(this.starts[field]!, this.starts[field + 1]! - 1);
  }

  /** Whether a field is `text`, compared in place (no string is made). */
  is(field: number, text: string): boolean {
    const start = this.starts[field]!;
    if (this.starts[field + 1]! - 1 - start !== text.length) return false;
    for (let i = 0; i < text.length; i++) if (this.line.charCodeAt(start + i) !== text.charCodeAt(i)) return false;
    return true;
  }

  isEmpty(field: number): boolean {
    return this.starts[field + 1]! - 1 === this.starts[field]!;
  }

  /** A non-empty field. */
  isSet(field: number): boolean {
    return !this.isEmpty(field);
  }

  /** An integer field ('' reads as 0): as read in the pass up to 15 digits, otherwise as a BigInt. */
  integer(field: number): Millionths {
    const start = this.starts[field]!;
    const end = this.starts[field + 1]! - 1;
    if (end - start > EXACT_DIGITS || this.line.charCodeAt(start) === MINUS) return toMillionths(BigInt(this.line.slice(start, end)));
    return this.values[field]!;
  }
}
