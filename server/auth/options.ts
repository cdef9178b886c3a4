import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { authenticate } from '@/server/accounts/authenticate';
import { credentialsSchema } from '@/server/accounts/schemas';
import { isAppError } from '@/server/errors';
import { loadActor } from './context';
import { clientAddressFrom } from './client-address';
import { getAuthSecret } from './secret';

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

function header(headers: unknown, name: string): string | null {
  if (!headers) return null;
  if (headers instanceof Headers) return headers.get(name);
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

/**
 * next-auth configuration, built on demand so that `next build` needs no secret.
 * authorize() throws an Error whose message is a key under "auth" in messages/*.json.
 */
export function getAuthOptions(): NextAuthOptions {
  return {
    secret: getAuthSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/sign-in' },
    providers: [
      CredentialsProvider({
        name: 'credentials',
        credentials: { login: { type: 'text' }, password: { type: 'password' } },
        async authorize(credentials, req) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) throw new Error('invalid_credentials');
          const clientAddress = clientAddressFrom(header(req?.headers, 'x-forwarded-for'), header(req?.headers, 'x-real-ip'));
          try {
            const { userId } = await authenticate(parsed.data, { clientAddress, channel: 'web' });
            const actor = await loadActor(userId);
            if (!actor) throw new Error('account_disabled');
            return { id: actor.id, name: actor.name, role: actor.role, communityIds: actor.communityIds };
          } catch (error) {
            if (isAppError(error)) throw new Error(error.code === 'throttled' ? 'throttled' : error.messageKey);
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.communityIds = user.communityIds;
        }
        return token;
      },
      session({ session, token }) {
        session.user = { id: token.uid, name: token.name ?? '', role: token.role, communityIds: token.communityIds };
        return session;
      },
    },
  };
}
