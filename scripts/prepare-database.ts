import { migrateDatabase } from '../db/migrate';
import type { SeedSummary } from '../db/seed/seed';

/**
 * Applies migrations and the reference data every installation needs (the rule sets), then,
 * when asked, the idempotent demo seed, to the database at `url`.
 */
export async function prepareDatabase(url: string, options: { seed: boolean }): Promise<SeedSummary | null> {
  await migrateDatabase(url);
  process.env.DATABASE_URL = url;
  // Imported late: the client reads DATABASE_URL when first used.
  const [{ db, closeDb }, { seedRuleSets }, { seedDatabase }] = await Promise.all([
    import('../db/client'),
    import('../db/seed/rule-sets'),
    import('../db/seed/seed'),
  ]);
  try {
    await db.transaction((tx) => seedRuleSets(tx));
    return options.seed ? await seedDatabase(db) : null;
  } finally {
    await closeDb();
  }
}
