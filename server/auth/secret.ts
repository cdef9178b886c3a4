import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const DEV_SECRET_FILE = path.resolve('.data/dev-auth-secret');

/**
 * The key that signs session tokens. Production refuses to run without AUTH_SECRET; development
 * generates a local one under .data/ so that sessions survive restarts.
 */
export function getAuthSecret(): string {
  const configured = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (configured) {
    if (configured.length < 32) throw new Error('AUTH_SECRET must be at least 32 characters.');
    return configured;
  }
  if (process.env.NODE_ENV === 'production') {
    throw new Error('AUTH_SECRET is not set. Linli refuses to start in production without it (generate one with `openssl rand -base64 32`).');
  }
  if (!existsSync(DEV_SECRET_FILE)) {
    mkdirSync(path.dirname(DEV_SECRET_FILE), { recursive: true });
    writeFileSync(DEV_SECRET_FILE, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(DEV_SECRET_FILE, 'utf8').trim();
}
