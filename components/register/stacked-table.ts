// A table that reads as a list of cards on a phone: each cell shows its column name (data-label)
// before the value below the sm breakpoint, and the usual table from sm up. One DOM for both.

export const stacked = {
  table: 'block w-full border-collapse text-left text-sm sm:table',
  head: 'hidden bg-slate-50 sm:table-header-group',
  th: 'px-3 py-2',
  body: 'block sm:table-row-group',
  row: 'block border-t border-slate-200 px-3 py-2 first:border-t-0 sm:table-row sm:p-0 sm:align-top sm:first:border-t',
  cell: 'flex gap-3 py-0.5 before:w-32 before:shrink-0 before:text-muted before:content-[attr(data-label)] sm:table-cell sm:px-3 sm:py-2 sm:before:content-none',
} as const;
