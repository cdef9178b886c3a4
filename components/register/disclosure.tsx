import type { ReactNode } from 'react';

/**
 * A form folded away under a button-like summary, so a long register page stays scannable on a
 * phone. Native <details>: keyboard and screen readers work without script.
 */
export function Disclosure({ summary, children, open }: { summary: ReactNode; children: ReactNode; open?: boolean }) {
  return (
    <details className="group rounded-md border border-slate-300 bg-white" open={open}>
      <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-md px-4 py-2 font-medium text-brand-800 hover:bg-brand-50 [&::-webkit-details-marker]:hidden">
        <span aria-hidden="true" className="inline-block transition-transform group-open:rotate-90">
          ▸
        </span>
        {summary}
      </summary>
      <div className="border-t border-slate-200 p-4">{children}</div>
    </details>
  );
}
