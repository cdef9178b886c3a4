// Runs once when a server instance starts: a production server without AUTH_SECRET refuses to start.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { getAuthSecret } = await import('./server/auth/secret');
    getAuthSecret();
  }
}
