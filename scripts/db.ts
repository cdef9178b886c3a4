/** `npm run db:migrate | db:seed | db:reset`, against DATABASE_URL or the embedded server. */
import postgres from 'postgres';
import { prepareDatabase } from './prepare-database';
import { startAppDatabase } from './postgres';

const command = process.argv[2];

async function reset(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe('DROP SCHEMA IF EXISTS drizzle CASCADE; DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  } finally {
    await sql.end();
  }
}

async function main() {
  if (!['migrate', 'seed', 'reset'].includes(command ?? '')) {
    console.error('usage: tsx scripts/db.ts migrate|seed|reset');
    process.exit(2);
  }
  const database = await startAppDatabase();
  try {
    if (command === 'reset') {
      await reset(database.url);
      console.log('Database emptied.');
    }
    const summary = await prepareDatabase(database.url, { seed: command !== 'migrate' });
    console.log('Migrations applied.');
    if (summary) console.log(`Seeded: ${JSON.stringify(summary)}`);
  } finally {
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
