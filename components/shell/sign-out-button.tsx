'use client';

import { signOut } from 'next-auth/react';
import { buttonClass } from '@/components/ui/button';

export function SignOutButton({ label }: { label: string }) {
  return (
    <button type="button" className={buttonClass('secondary', 'text-sm')} onClick={() => signOut({ callbackUrl: '/sign-in?signedOut=1' })}>
      {label}
    </button>
  );
}
