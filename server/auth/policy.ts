import type { Actor } from './context';

// Pure predicates: domain functions enforce them; the UI may use them only to hide buttons.

export function isAdmin(actor: Actor): boolean {
  return actor.role === 'admin';
}

/** Staff write only for the communities they are assigned to; admins everywhere. */
export function canManageCommunity(actor: Actor, communityId: string): boolean {
  return actor.role === 'admin' || (actor.role === 'staff' && actor.communityIds.includes(communityId));
}

/** Auditors and admins read the whole register, with its household figures and evidence. */
export function canReadRegister(actor: Actor): boolean {
  return actor.role === 'auditor' || actor.role === 'admin';
}
