import { defineConfig } from 'drizzle-kit';

// Used only by `npm run db:generate`, which diffs the schema against the migration snapshots
// and needs no database. Migrations are applied by db/migrate.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  casing: 'snake_case',
});
