/** dub's assert-local-database: tests create and drop databases, so never point them at a real server. */
export function assertLocalDatabase(url: string) {
  const host = new URL(url).hostname;
  if (!['localhost', '127.0.0.1', '::1', '[::1]'].includes(host)) {
    throw new Error(`Refusing to run tests against non-local database host "${host}".`);
  }
}
