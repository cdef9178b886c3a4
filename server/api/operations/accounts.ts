import { credentialsSchema, createUserSchema, registerSchema, tokenSchema, userSchema } from '@/server/accounts/schemas';
import { defineOperation } from '../operation';

export const registerOperation = defineOperation({
  operationId: 'registerResident',
  method: 'POST',
  path: '/api/v1/auth/register',
  summary: 'A resident registers themselves (mobile mini-program). Throttled per client address.',
  tag: 'Accounts',
  access: 'public',
  body: registerSchema,
  response: { status: 201, description: 'The new resident account', schema: userSchema },
  errors: [400, 409, 415, 422, 429],
});

export const issueTokenOperation = defineOperation({
  operationId: 'issueToken',
  method: 'POST',
  path: '/api/v1/auth/token',
  summary: 'Exchanges a login (e-mail or mainland mobile) and password for a bearer token. Throttled per login and per client address.',
  tag: 'Accounts',
  access: 'public',
  body: credentialsSchema,
  response: { status: 200, description: 'A bearer token for the Authorization header', schema: tokenSchema },
  errors: [400, 401, 403, 415, 422, 429],
});

export const revokeTokenOperation = defineOperation({
  operationId: 'revokeToken',
  method: 'DELETE',
  path: '/api/v1/auth/token',
  summary: 'Revokes the bearer token this request is made with.',
  tag: 'Accounts',
  access: 'user',
  response: { status: 204, description: 'Revoked' },
  errors: [401, 404],
});

export const createUserOperation = defineOperation({
  operationId: 'createUser',
  method: 'POST',
  path: '/api/v1/users',
  summary: 'Creates an account of any role; staff may be assigned communities.',
  tag: 'Accounts',
  access: 'user',
  roles: ['admin'],
  body: createUserSchema,
  response: { status: 201, description: 'The new account', schema: userSchema },
  errors: [400, 401, 403, 409, 415, 422],
});

export const meOperation = defineOperation({
  operationId: 'getMe',
  method: 'GET',
  path: '/api/v1/me',
  summary: 'The signed-in account.',
  tag: 'Accounts',
  access: 'user',
  response: { status: 200, description: 'The account, without any secret', schema: userSchema },
  errors: [401],
});
