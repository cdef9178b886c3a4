import { pgEnum } from 'drizzle-orm/pg-core';

export const roleEnum = pgEnum('role', ['resident', 'staff', 'auditor', 'admin']);
export const communityKindEnum = pgEnum('community_kind', ['village', 'community']);
export const townKindEnum = pgEnum('town_kind', ['town', 'street', 'functional_area']);
export const householdBasisEnum = pgEnum('household_basis', ['registered', 'resident']);

export type Role = (typeof roleEnum.enumValues)[number];
export type CommunityKind = (typeof communityKindEnum.enumValues)[number];
export type HouseholdBasis = (typeof householdBasisEnum.enumValues)[number];
