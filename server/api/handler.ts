import { NextResponse, type NextRequest } from 'next/server';
import { getServerSession } from 'next-auth';
import { z } from 'zod';
import { actorForToken } from '@/server/accounts/api-tokens';
import type { Actor, RequestContext } from '@/server/auth/context';
import { clientAddressFrom, requestIdFrom } from '@/server/auth/client-address';
import { getAuthOptions } from '@/server/auth/options';
import { isAppError, unstorableValue } from '@/server/errors';
import { localeFromAcceptLanguage, type Locale } from '@/i18n/locales';
import { translate } from '@/i18n/translate';
import type { Operation } from './operation';
import { fieldErrorsFromMap, fieldErrorsFromZod, problem, type Problem } from './problem';

const MAX_BODY_BYTES = 1_000_000;

// `body?: Body` reads as `Body | undefined`: strip the undefined the optional property adds.
type Infer<T> = [NonNullable<T>] extends [never] ? undefined : NonNullable<T> extends z.ZodType ? z.output<NonNullable<T>> : undefined;

export interface HandlerInput<O extends Operation> {
  ctx: RequestContext;
  body: Infer<O['body']>;
  query: Infer<O['query']>;
  params: Infer<O['params']>;
  /** The bearer token of this request, if it was made with one. */
  bearer: string | null;
  locale: Locale;
  request: NextRequest;
}

class ProblemResponse extends Error {
  constructor(readonly problem: Problem, readonly headers: Record<string, string> = {}) {
    super(problem.detail);
  }
}

/**
 * The one wrapper every /api/v1 handler goes through (dub's withWorkspace): request id,
 * authentication by bearer token or session, zod validation of params, query and body, and
 * RFC 9457 problem+json for every error. Authorisation stays in the domain function it calls.
 */
export function apiRoute<O extends Operation>(operation: O, handler: (input: HandlerInput<O>) => Promise<unknown>) {
  return async (request: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) => {
    const requestId = requestIdFrom(request.headers.get('x-request-id'));
    const locale = localeFromAcceptLanguage(request.headers.get('accept-language'));
    try {
      const { userId, actor, bearer } = await authenticateRequest(request, operation, requestId, locale);
      const ctx: RequestContext = {
        userId,
        actor,
        requestId,
        clientAddress: clientAddressFrom(request.headers.get('x-forwarded-for'), request.headers.get('x-real-ip')),
      };
      const params = parse(operation.params, await context.params, locale, requestId);
      const query = parse(operation.query, Object.fromEntries(request.nextUrl.searchParams), locale, requestId);
      const body = operation.body ? parse(operation.body, await readJson(request, locale, requestId, operation.bodyOptional), locale, requestId) : undefined;
      const result = await handler({ ctx, body, query, params, bearer, locale, request } as HandlerInput<O>);
      const response =
        result instanceof Response
          ? result
          : operation.response.status === 204
            ? new NextResponse(null, { status: 204 })
            : NextResponse.json(result, { status: operation.response.status });
      response.headers.set('x-request-id', requestId);
      response.headers.set('cache-control', response.headers.get('cache-control') ?? 'no-store');
      return response;
    } catch (error) {
      return problemResponse(error, requestId, locale, request.nextUrl.pathname);
    }
  };
}

async function authenticateRequest(
  request: NextRequest,
  operation: Operation,
  requestId: string,
  locale: Locale,
): Promise<{ userId: string | null; actor?: Actor | null; bearer: string | null }> {
  const authorization = request.headers.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const found = match?.[1] ? await actorForToken(match[1]) : null;
    // A bad token is refused even on public routes: the caller believes they are signed in.
    if (!found) throw new ProblemResponse(problem(401, 'invalid-token', translate(locale, 'errors.invalid_token'), requestId), { 'www-authenticate': 'Bearer error="invalid_token"' });
    return { userId: found.userId, actor: found.actor, bearer: match![1]! };
  }
  const session = await getServerSession(getAuthOptions());
  const userId = session?.user?.id ?? null;
  if (userId && !['GET', 'HEAD'].includes(request.method)) assertSameOrigin(request, requestId, locale);
  if (!userId && operation.access === 'user') {
    throw new ProblemResponse(problem(401, 'unauthenticated', translate(locale, 'errors.unauthenticated'), requestId), { 'www-authenticate': 'Bearer' });
  }
  return { userId, bearer: null };
}

// Session cookies are SameSite=Lax already; checking Origin as well stops cross-site writes
// from older browsers and same-site subdomains.
function assertSameOrigin(request: NextRequest, requestId: string, locale: Locale) {
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (origin && host && originHost(origin) !== host) {
    throw new ProblemResponse(problem(403, 'cross-origin', translate(locale, 'errors.cross_origin'), requestId));
  }
}

/** `Origin: null` (sandboxed frames, redirects) and garbage count as another site. */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

async function readJson(request: NextRequest, locale: Locale, requestId: string, optional = false): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (optional && !type && (request.headers.get('content-length') ?? '0') === '0') return {};
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new ProblemResponse(problem(415, 'unsupported-media-type', translate(locale, 'errors.json_required'), requestId));
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    throw new ProblemResponse(problem(413, 'payload-too-large', translate(locale, 'errors.payload_too_large'), requestId));
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ProblemResponse(problem(400, 'invalid-json', translate(locale, 'errors.invalid_json'), requestId));
  }
}

function parse(schema: z.ZodType | undefined, value: unknown, locale: Locale, requestId: string) {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ProblemResponse(
    problem(422, 'validation', translate(locale, 'errors.validation'), requestId, { errors: fieldErrorsFromZod(result.error, locale) }),
  );
}

export function problemResponse(caught: unknown, requestId: string, locale: Locale, instance: string) {
  const error = unstorableValue(caught) ?? caught;
  let body: Problem;
  const headers: Record<string, string> = { 'content-type': 'application/problem+json', 'x-request-id': requestId, 'cache-control': 'no-store' };
  if (error instanceof ProblemResponse) {
    body = error.problem;
    Object.assign(headers, error.headers);
  } else if (isAppError(error)) {
    const extra: Record<string, unknown> = { ...error.options.extra };
    if (error.options.fieldErrors) extra.errors = fieldErrorsFromMap(error.options.fieldErrors, locale);
    body = problem(error.status, error.type, translate(locale, `errors.${error.messageKey}`), requestId, extra);
    if (error.options.retryAfterSeconds) headers['retry-after'] = String(error.options.retryAfterSeconds);
    if (error.status === 401) headers['www-authenticate'] = 'Bearer';
  } else {
    // Unexpected: logged with the request id; the message (which may hold SQL) never leaves.
    console.error(`[${requestId}] unhandled API error`, error);
    body = problem(500, 'internal', translate(locale, 'errors.internal'), requestId);
  }
  return new NextResponse(JSON.stringify({ ...body, instance }), { status: body.status, headers });
}
