import { db, type Executor } from '@/db/client';
import { securityEvents, type SecurityEventKind } from '@/db/schema';

export interface SecurityEvent {
  kind: SecurityEventKind;
  actorId?: string | null;
  subjectId?: string | null;
  login?: string | null;
  clientAddress?: string | null;
  detail?: Record<string, string | number | boolean | null>;
  requestId?: string | null;
}

/**
 * Writes one entry of the security log. Inside a domain transaction pass its executor, so the
 * entry exists exactly when the change does; a refusal is logged on its own.
 */
export async function logSecurityEvent(event: SecurityEvent, executor: Executor = db) {
  await executor.insert(securityEvents).values({
    kind: event.kind,
    actorId: event.actorId ?? null,
    subjectId: event.subjectId ?? null,
    login: event.login ?? null,
    clientAddress: event.clientAddress ?? null,
    detail: event.detail ?? {},
    requestId: event.requestId ?? null,
  });
}
