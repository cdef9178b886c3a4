/** A town as people read it: Chinese only in Chinese; in English the pinyin name, then the Chinese one. */
export function townName(town: { nameZh: string; nameEn: string }, locale: string): string {
  return locale === 'en' ? `${town.nameEn} ${town.nameZh}` : town.nameZh;
}
