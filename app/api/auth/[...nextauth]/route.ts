import NextAuth from 'next-auth';
import { getAuthOptions } from '@/server/auth/options';

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are built per request so that `next build` needs no secret.
async function handler(request: Request, context: Context) {
  return NextAuth(request as never, context as never, getAuthOptions());
}

export { handler as GET, handler as POST };
