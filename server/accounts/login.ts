/** A login is an e-mail address or a mainland mobile number (11 digits, starting with 1). */
export type Login = { kind: 'email'; value: string } | { kind: 'mobile'; value: string };

const MOBILE = /^1[0-9]{10}$/;
// Deliberately simple: one @, something on both sides, a dot in the domain.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function parseLogin(input: string): Login | null {
  const compact = input.trim().replace(/[\s-]/g, '');
  const mobile = compact.replace(/^(\+?86)(?=1[0-9]{10}$)/, '');
  if (MOBILE.test(mobile)) return { kind: 'mobile', value: mobile };
  const email = input.trim().toLowerCase();
  if (email.length <= 254 && EMAIL.test(email)) return { kind: 'email', value: email };
  return null;
}

/** The key the throttle counts by: the same person typing "Admin@X" or "admin@x" is one account. */
export function loginKey(input: string): string {
  const login = parseLogin(input);
  return login ? login.value : input.trim().toLowerCase().slice(0, 254);
}
