import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../db/seed/demo-accounts';

export function printDemoSignIns(baseUrl: string) {
  const width = Math.max(...DEMO_ACCOUNTS.map((account) => account.email.length));
  console.log(`\n  Linli (邻里) is running at ${baseUrl}\n`);
  console.log(`  Demo sign-ins (password for all: ${DEMO_PASSWORD})`);
  for (const account of DEMO_ACCOUNTS) {
    const mobile = account.mobile ? `  or ${account.mobile}` : '';
    console.log(`    ${account.role.padEnd(9)} ${account.email.padEnd(width)}${mobile}  ${account.name}`);
  }
  console.log('\n  Stop with Ctrl-C.\n');
}
