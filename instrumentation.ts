// Runs once when a server instance starts: a production server without AUTH_SECRET refuses to
// start, and the background jobs (booking reminders, automatic no-shows) begin.
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { getAuthSecret } = await import('./server/auth/secret');
    getAuthSecret();
    if (process.env.LINLI_JOBS !== 'off' && process.env.DATABASE_URL) {
      const { startJobScheduler } = await import('./server/jobs/scheduler');
      startJobScheduler();
    }
  }
}
