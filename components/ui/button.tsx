import type { ButtonHTMLAttributes } from 'react';

const VARIANTS = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800 disabled:bg-slate-400',
  secondary: 'border border-slate-400 bg-white text-ink hover:bg-slate-100',
  danger: 'border border-red-700 bg-white text-red-800 hover:bg-red-50',
} as const;

/** Class names shared by <button> and links styled as buttons; at least 2.75rem (44 px) tall. */
export function buttonClass(variant: keyof typeof VARIANTS = 'primary', extra = '') {
  return `inline-flex min-h-11 min-w-11 items-center justify-center gap-2 rounded-md px-4 py-2 text-base font-medium transition-colors ${VARIANTS[variant]} ${extra}`;
}

export function Button({
  variant = 'primary',
  className = '',
  type = 'button',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof VARIANTS }) {
  return <button type={type} className={buttonClass(variant, className)} {...props} />;
}
