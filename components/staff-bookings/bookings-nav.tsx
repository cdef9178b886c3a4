'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

/** The booking desk's own pages; the current one is marked for screen readers and filled in. */
export function BookingsNav({ label, links }: { label: string; links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="mb-6 border-b border-slate-300 pb-3">
      <ul className="flex flex-wrap gap-2">
        {links.map((link) => {
          const current = pathname === link.href;
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? 'page' : undefined}
                className={`inline-flex min-h-11 items-center rounded-full border px-4 font-medium ${current ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-400 bg-white text-ink hover:border-brand-700 hover:bg-brand-50'}`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
