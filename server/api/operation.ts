import type { z } from 'zod';

/**
 * One API operation: its contract (method, path, schemas) is data, so the handler validates
 * with the same zod schemas that generate /api/v1/openapi.json.
 */
export interface Operation<
  Body extends z.ZodType | undefined = z.ZodType | undefined,
  Query extends z.ZodType | undefined = z.ZodType | undefined,
  Params extends z.ZodType | undefined = z.ZodType | undefined,
> {
  operationId: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** OpenAPI path, e.g. /api/v1/communities/{communityId}. */
  path: string;
  summary: string;
  tag: string;
  /** 'public' needs no sign-in; 'user' needs a bearer token or a session. */
  access: 'public' | 'user';
  /** Roles named in the documentation; the domain function enforces them. */
  roles?: string[];
  body?: Body;
  /** The body may be left out entirely (an empty POST reads as {}). */
  bodyOptional?: boolean;
  query?: Query;
  params?: Params;
  response: { status: number; description: string; schema?: z.ZodType; contentType?: string };
  /** Problem statuses this operation may answer with, for the documentation. */
  errors: number[];
}

export function defineOperation<
  Body extends z.ZodType | undefined = undefined,
  Query extends z.ZodType | undefined = undefined,
  Params extends z.ZodType | undefined = undefined,
>(operation: Operation<Body, Query, Params>) {
  return operation;
}
