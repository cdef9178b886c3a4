import type { Role } from '@/db/schema/enums';

// The session carries identity and role for rendering; the server re-reads both before acting.
declare module 'next-auth' {
  interface User {
    id: string;
    role: Role;
    communityIds: string[];
  }
  interface Session {
    user: { id: string; name: string; role: Role; communityIds: string[] };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid: string;
    role: Role;
    communityIds: string[];
  }
}
