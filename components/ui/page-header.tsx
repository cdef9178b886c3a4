import type { ReactNode } from 'react';

export function PageHeader({ title, intro, children }: { title: ReactNode; intro?: ReactNode; children?: ReactNode }) {
  return (
    <div className="mb-6 space-y-2">
      <h1 className="text-2xl font-bold text-ink sm:text-3xl">{title}</h1>
      {intro ? <p className="max-w-3xl text-muted">{intro}</p> : null}
      {children}
    </div>
  );
}
