import { toMillionths, type Millionths } from './decimal';

/**
 * Fields of one line of the history query (historyFactsSql): id | code | kind | town, then the
 * segment's `facts` (db/schema/compliance-history.ts): registered households | their date (days
 * after 2000-01-01) | resident households | date | centre | the three other-basis flags | the
 * nine areas in millionths of a m²; '' for null, '1' for true.
 */
export const FIELD = { id: 0, code: 1, kind: 2, town: 3, registered: 4, registeredDays: 5, resident: 6, residentDays: 7, centre: 8, otherBasis: 9, areas: 12 } as const;
const FIELDS = 21;
const MINUS = 45;
const ZERO = 48;

/**
 * A reader of such lines that reads numbers from the characters, without splitting the line
 * into strings: a national report reads 615,000 lines of 21 fields, and most fields are numbers.
 * Call read() with a line, then ask for its fields.
 */
export class SegmentLine {
  private line = '';
  /** Where each field starts; field i ends one character before field i + 1 starts. */
  private readonly starts = new Int32Array(FIELDS + 1);

  read(line: string): void {
    this.line = line;
    let at = 0;
    for (let i = 0; i < FIELDS; i++) {
      this.starts[i] = at;
      const pipe = line.indexOf('|', at);
      at = pipe < 0 ? line.length + 1 : pipe + 1;
    }
    this.starts[FIELDS] = at;
  }

  text(field: number): string {
    return this.line.slice(this.starts[field]!, this.starts[field + 1]! - 1);
  }

  isEmpty(field: number): boolean {
    return this.starts[field + 1]! - 1 === this.starts[field]!;
  }

  /** A non-empty field. */
  isSet(field: number): boolean {
    return !this.isEmpty(field);
  }

  /** An integer field ('' reads as 0). Up to 15 digits it is read digit by digit, exactly (below 2⁵³). */
  integer(field: number): Millionths {
    const start = this.starts[field]!;
    const end = this.starts[field + 1]! - 1;
    if (end - start > 15 || this.line.charCodeAt(start) === MINUS) return toMillionths(BigInt(this.line.slice(start, end)));
    let value = 0;
    for (let i = start; i < end; i++) value = value * 10 + (this.line.charCodeAt(i) - ZERO);
    return value;
  }
}
