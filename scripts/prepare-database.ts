import { migrateDatabase } from '../db/migrate';
import type { SeedSummary } from '../db/seed/seed';

/** Applies migrations and the idempotent demo seed to the database at `url`. */
export async function prepareDatabase(url: string, options: { seed: boolean }): Promise<SeedSummary | null> {
  await migrateDatabase(url);
  if (!options.seed) return null;
  process.env.DATABASE_URL = url;
  // Imported late: the client reads DATABASE_URL when first used.
  const [{ db, closeDb }, { seedDatabase }] = await Promise.all([import('../db/client'), import('../db/seed/seed')]);
  try {
    return await seedDatabase(db);
  } finally {
    await closeDb();
  }
}
