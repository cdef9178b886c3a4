import 'server-only';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import type { RequestContext } from '@/server/auth/context';
import { isAppError } from '@/server/errors';
import { getCommunityEvidence } from '@/server/registry/facility-queries';

/**
 * The register of a community this person may manage, or the "not found" page: another
 * community's page does not admit it exists (the check itself is getCommunityEvidence's).
 */
export async function evidenceOrNotFound(ctx: RequestContext, communityId: string) {
  if (!z.uuid().safeParse(communityId).success) notFound();
  try {
    return await getCommunityEvidence(ctx, communityId);
  } catch (error) {
    if (isAppError(error) && (error.code === 'not_found' || error.code === 'forbidden')) notFound();
    throw error;
  }
}
