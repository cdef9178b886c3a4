import { z } from 'zod';
import { uuidSchema } from '@/server/accounts/schemas';
import { communitySchema } from '@/server/registry/schemas';
import {
  createCommunitySchema,
  createFacilitySchema,
  createSpaceSchema,
  declareShareSchema,
  recordHouseholdCountSchema,
  recordMeasurementSchema,
  updateFacilitySchema,
  updateSpaceSchema,
} from '@/server/registry/schemas';
import {
  createdCommunitySchema,
  facilityViewSchema,
  householdCountViewSchema,
  measurementViewSchema,
  shareViewSchema,
  spaceViewSchema,
} from '@/server/registry/views';
import { defineOperation } from '../operation';

const WRITE_ERRORS = [400, 401, 403, 404, 415, 422];
const communityParams = z.object({ communityId: uuidSchema });
const facilityParams = z.object({ facilityId: uuidSchema });
const spaceParams = z.object({ spaceId: uuidSchema });

const publicSpaceSchema = z.object({
  id: z.uuid(),
  facilityId: z.uuid(),
  name: z.string(),
  setting: z.enum(['indoor', 'outdoor']),
  floor: z.number().int().nullable(),
  bookable: z.boolean(),
  capacity: z.number().int().nullable(),
  accessibilityNotes: z.string().nullable(),
});
const publicFacilitySchema = facilityViewSchema.extend({ spaces: z.array(publicSpaceSchema) });

export const createCommunityOperation = defineOperation({
  operationId: 'createCommunity',
  method: 'POST',
  path: '/api/v1/communities',
  summary: 'Adds a village or community under a town; its 12-digit code extends the town code.',
  tag: 'Register',
  access: 'user',
  roles: ['admin'],
  body: createCommunitySchema,
  response: { status: 201, description: 'The new community', schema: createdCommunitySchema },
  errors: [...WRITE_ERRORS, 409],
});

export const getCommunityOperation = defineOperation({
  operationId: 'getCommunity',
  method: 'GET',
  path: '/api/v1/communities/{communityId}',
  summary: 'One community with its facilities and rooms, as the public may see them (no household figures or evidence).',
  tag: 'Register',
  access: 'public',
  params: communityParams,
  response: {
    status: 200,
    description: 'The community',
    schema: communitySchema.extend({ facilities: z.array(publicFacilitySchema) }).meta({ id: 'CommunityDetail' }),
  },
  errors: [404, 422],
});

export const recordHouseholdCountOperation = defineOperation({
  operationId: 'recordHouseholdCount',
  method: 'POST',
  path: '/api/v1/communities/{communityId}/household-counts',
  summary: 'Adds a dated household count (registered or resident basis) to the community’s history.',
  tag: 'Register',
  access: 'user',
  roles: ['staff of the community', 'admin'],
  params: communityParams,
  body: recordHouseholdCountSchema,
  response: { status: 201, description: 'The recorded count', schema: householdCountViewSchema },
  errors: WRITE_ERRORS,
});

export const createFacilityOperation = defineOperation({
  operationId: 'createFacility',
  method: 'POST',
  path: '/api/v1/facilities',
  summary: 'Registers a facility (comprehensive centre, service station or other) of a community.',
  tag: 'Register',
  access: 'user',
  roles: ['staff of the community', 'admin'],
  body: createFacilitySchema,
  response: { status: 201, description: 'The new facility', schema: facilityViewSchema },
  errors: WRITE_ERRORS,
});

export const listFacilitiesOperation = defineOperation({
  operationId: 'listFacilities',
  method: 'GET',
  path: '/api/v1/facilities',
  summary: 'The facilities of a community with their rooms (public information).',
  tag: 'Register',
  access: 'public',
  query: z.object({ communityId: uuidSchema }),
  response: { status: 200, description: 'The facilities', schema: z.object({ items: z.array(publicFacilitySchema) }).meta({ id: 'FacilityList' }) },
  errors: [422],
});

export const createSpaceOperation = defineOperation({
  operationId: 'createSpace',
  method: 'POST',
  path: '/api/v1/facilities/{facilityId}/spaces',
  summary: 'Adds an indoor room or outdoor area to a facility.',
  tag: 'Register',
  access: 'user',
  roles: ['staff of the community', 'admin'],
  params: facilityParams,
  body: createSpaceSchema,
  response: { status: 201, description: 'The new space', schema: spaceViewSchema },
  errors: WRITE_ERRORS,
});

export const declareShareOperation = defineOperation({
  operationId: 'declareFacilityShare',
  method: 'POST',
  path: '/api/v1/facilities/{facilityId}/shares',
  summary: 'Declares a community’s share of a facility. Shares of one facility may not exceed 100% on any day (409).',
  tag: 'Register',
  access: 'user',
  roles: ['staff of the host community', 'admin'],
  params: facilityParams,
  body: declareShareSchema,
  response: { status: 201, description: 'The declared share', schema: shareViewSchema },
  errors: [...WRITE_ERRORS, 409],
});

export const updateFacilityOperation = defineOperation({
  operationId: 'updateFacility',
  method: 'PATCH',
  path: '/api/v1/facilities/{facilityId}',
  summary: 'Changes a facility’s name, kind, address or dates; { closedOn } closes it (it stops counting from that day), null reopens it.',
  tag: 'Register',
  access: 'user',
  roles: ['staff of the community', 'admin'],
  params: facilityParams,
  body: updateFacilitySchema,
  response: { status: 200, description: 'The facility', schema: facilityViewSchema },
  errors: WRITE_ERRORS,
});

export const updateSpaceOperation = defineOperation({
  operationId: 'updateSpace',
  method: 'PATCH',
  path: '/api/v1/spaces/{spaceId}',
  summary: 'Changes a space’s description, or retires it ({ retiredOn }); measurements stay as history.',
  tag: 'Register',
  access: 'user',
  roles: ['staff of the community', 'admin'],
  params: spaceParams,
  body: updateSpaceSchema,
  response: { status: 200, description: 'The space', schema: spaceViewSchema },
  errors: WRITE_ERRORS,
});

export const recordMeasurementOperation = defineOperation({
  operationId: 'recordMeasurement',
  method: 'POST',
  path: '/api/v1/spaces/{spaceId}/measurements',
  summary: 'Adds an area measurement (m², two decimals) on a stated basis to the space’s history.',
  tag: 'Register',
  access: 'user',
  roles: ['staff of the community', 'admin'],
  params: spaceParams,
  body: recordMeasurementSchema,
  response: { status: 201, description: 'The recorded measurement', schema: measurementViewSchema },
  errors: WRITE_ERRORS,
});
