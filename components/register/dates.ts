/** Today's date in Dongguan (Asia/Shanghai), as YYYY-MM-DD: the default date of new records. */
export function todayInShanghai(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
