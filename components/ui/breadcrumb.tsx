import Link from 'next/link';

export interface BreadcrumbStep {
  href: string;
  label: string;
}

/** Where this page stands: the pages above it as links, then this page's own name. */
export function Breadcrumb({ label, trail, current }: { label: string; trail: BreadcrumbStep[]; current: string }) {
  return (
    <nav aria-label={label} className="mb-3 text-sm">
      <ol className="flex flex-wrap gap-1">
        {trail.map((step) => (
          <li key={step.href}>
            <Link href={step.href} className="text-brand-800 underline underline-offset-2">
              {step.label}
            </Link>
            <span aria-hidden="true"> › </span>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
