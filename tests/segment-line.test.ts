import { describe, expect, it } from 'vitest';
import { FIELD, SegmentLine } from '../server/compliance/segment-line';

// The reader of the history query's lines (server/compliance/segment-line.ts): one pass over the
// characters, numbers digit by digit, BigInt beyond 15 digits or when negative.
describe('SegmentLine', () => {
  const line = new SegmentLine();
  const fields = (values: string[]) => values.join('|');

  it('reads text, flags, counts and areas from one line', () => {
    line.read(fields(['441900003014', 'village', '441900003', '1734', '9496', '', '', '1', '', '1', '', '60150000', '', '109410000', '', '', '', '83430000', '', '157500000']));
    expect(line.text(FIELD.code)).toBe('441900003014');
    expect(line.is(FIELD.kind, 'village')).toBe(true);
    expect(line.is(FIELD.kind, 'villag')).toBe(false);
    expect(line.is(FIELD.town, '441900003')).toBe(true);
    expect(line.is(FIELD.town, '441900004')).toBe(false);
    expect(line.integer(FIELD.registered)).toBe(1734);
    expect(line.integer(FIELD.registeredDays)).toBe(9496);
    expect(line.isEmpty(FIELD.resident)).toBe(true);
    expect(line.integer(FIELD.resident)).toBe(0);
    expect(line.isSet(FIELD.centre)).toBe(true);
    expect(line.isSet(FIELD.otherBasis)).toBe(false);
    expect(line.isSet(FIELD.otherBasis + 1)).toBe(true);
    expect(line.integer(FIELD.areas)).toBe(60_150_000);
    expect(line.integer(FIELD.areas + 1)).toBe(0);
    expect(line.integer(FIELD.areas + 8)).toBe(157_500_000);
  });

  it('reads numbers of 15 digits exactly, longer ones and negative ones as BigInt', () => {
    const areas = ['999999999999999', '1234567890123456789', '-5', '9007199254740993'];
    line.read(fields(['441900003014', 'community', '441900003', '', '', '', '', '', '', '', '', ...areas, '', '', '', '', '']));
    expect(line.integer(FIELD.areas)).toBe(999_999_999_999_999);
    expect(line.integer(FIELD.areas + 1)).toBe(1234567890123456789n);
    expect(line.integer(FIELD.areas + 2)).toBe(-5);
    expect(line.integer(FIELD.areas + 3)).toBe(9007199254740993n);
  });

  it('forgets the line before: a shorter line reads its missing fields as empty', () => {
    line.read(fields(['441900003014', 'village', '441900003', '12', '34', '56', '78', '1', '1', '1', '1', '1', '2', '3', '4', '5', '6', '7', '8', '9']));
    line.read('441900003015|community|441900003|7');
    expect(line.integer(FIELD.registered)).toBe(7);
    expect(line.isEmpty(FIELD.registeredDays)).toBe(true);
    expect(line.integer(FIELD.areas + 8)).toBe(0);
    expect(line.is(FIELD.kind, 'community')).toBe(true);
  });

  it('reads no further than its 20 fields', () => {
    line.read(fields(['441900003014', 'village', '441900003', '12', '34', '56', '78', '1', '1', '1', '1', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'more', 'still more']));
    expect(line.integer(FIELD.areas + 8)).toBe(9);
    expect(line.text(FIELD.areas + 8)).toBe('9');
  });
});
