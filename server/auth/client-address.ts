/**
 * The client address for throttling: the right-most X-Forwarded-For entry, the one added by the
 * nearest proxy (Next.js itself, or the reverse proxy in front of it), which a client cannot forge.
 * LINLI_TRUSTED_PROXY_HOPS skips further trusted proxies (e.g. 1 behind nginx → load balancer).
 */
export function clientAddressFrom(forwardedFor: string | null | undefined, realIp?: string | null): string {
  const hops = Number(process.env.LINLI_TRUSTED_PROXY_HOPS ?? 0);
  const chain = (forwardedFor ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return chain[chain.length - 1 - hops] ?? realIp ?? 'unknown';
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Keeps a caller's X-Request-Id when it is sane, so a support request can be traced end to end. */
export function requestIdFrom(header: string | null | undefined): string {
  return header && REQUEST_ID.test(header) ? header : crypto.randomUUID();
}
