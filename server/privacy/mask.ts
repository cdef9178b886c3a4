/** 13800138000 → 138****8000: enough for the front desk to recognise a person, not to copy the number. */
export function maskMobile(mobile: string | null): string | null {
  if (!mobile) return null;
  return mobile.length >= 7 ? `${mobile.slice(0, 3)}****${mobile.slice(-4)}` : '****';
}
