import { NextResponse, type NextRequest } from 'next/server';

// Only a convenience: signed-out visitors to member areas go to sign-in. It is never the
// authorisation check (CVE-2025-29927); every page, action and API route checks on the server.
const MEMBER_AREAS = ['/my', '/staff', '/audit', '/admin', '/account', '/notifications'];
const SESSION_COOKIES = ['next-auth.session-token', '__Secure-next-auth.session-token'];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession && MEMBER_AREAS.some((area) => pathname === area || pathname.startsWith(`${area}/`))) {
    const url = request.nextUrl.clone();
    url.pathname = '/sign-in';
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = { matcher: ['/my/:path*', '/staff/:path*', '/audit/:path*', '/admin/:path*', '/account/:path*', '/notifications'] };
