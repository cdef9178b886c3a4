/**
 * RFC 4180 CSV with a BOM (Excel in China reads UTF-8 only with it) and CRLF line ends. A text
 * cell starting with = + - @ would run as a formula in a spreadsheet, so it is quoted with '.
 */
export function csvText(rows: string[][]): string {
  const escape = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  return `\uFEFF${rows.map((cells) => cells.map(escape).join(',')).join('\r\n')}\r\n`;
}
