import { z } from 'zod';
import { communityKindEnum, townKindEnum } from '@/db/schema/enums';

export const townCodeSchema = z.string().regex(/^[0-9]{9}$/, 'town_code_invalid');

export const communityListQuerySchema = z.object({
  town: townCodeSchema.optional(),
  q: z.string().trim().max(50, 'query_too_long').optional().transform((q) => q || undefined),
  page: z.coerce.number('page_invalid').int('page_invalid').min(1, 'page_invalid').max(10_000, 'page_invalid').default(1),
  pageSize: z.coerce.number('page_size_invalid').int('page_size_invalid').min(1, 'page_size_invalid').max(200, 'page_size_invalid').default(50),
});
export type CommunityListQuery = z.infer<typeof communityListQuerySchema>;

export const townSchema = z
  .object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    kind: z.enum(townKindEnum.enumValues),
    communityCount: z.number().int(),
  })
  .meta({ id: 'Town' });

export const communitySchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(communityKindEnum.enumValues),
    townCode: z.string(),
    townNameZh: z.string(),
    townNameEn: z.string(),
  })
  .meta({ id: 'Community' });

export const communityPageSchema = z
  .object({ items: z.array(communitySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: 'CommunityPage' });
