import type { Operation } from '../operation';
import * as accounts from './accounts';
import * as activities from './activities';
import * as bookings from './bookings';
import * as compliance from './compliance';
import * as register from './register';
import * as registry from './registry';

export const openApiOperation: Operation = {
  operationId: 'getOpenApi',
  method: 'GET',
  path: '/api/v1/openapi.json',
  summary: 'This document: OpenAPI 3.1, generated from the zod schemas the handlers validate with.',
  tag: 'Meta',
  access: 'public',
  response: { status: 200, description: 'The OpenAPI document' },
  errors: [],
};

/** Every operation by its exported name (e.g. `createBookingOperation`), for the route-file check. */
export const operationsByName = new Map<string, Operation>(
  Object.entries({ ...accounts, ...registry, ...register, ...compliance, ...bookings, ...activities, openApiOperation }) as [string, Operation][],
);

/** Every /api/v1 operation; tests check that each route file serves exactly these. */
export const operations: Operation[] = [
  ...Object.values(accounts),
  ...Object.values(registry),
  ...Object.values(register),
  ...Object.values(compliance),
  ...Object.values(bookings),
  ...Object.values(activities),
  openApiOperation,
] as Operation[];
