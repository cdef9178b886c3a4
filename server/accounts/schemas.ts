import { z } from 'zod';
import { PRIVACY_NOTICE_VERSION } from '@/server/privacy/notice';
import { roleEnum } from '@/db/schema/enums';
import { parseLogin } from './login';

// Messages are keys under "validation" in messages/*.json: the UI and the API translate them.
export const nameSchema = z.string('name_required').trim().min(1, 'name_required').max(60, 'name_too_long');
export const loginSchema = z
  .string('login_required')
  .trim()
  .min(1, 'login_required')
  .max(254, 'login_invalid')
  .refine((value) => parseLogin(value) !== null, 'login_invalid');
export const passwordSchema = z.string('password_required').min(8, 'password_too_short').max(128, 'password_too_long');
export const uuidSchema = z.uuid('id_invalid');
export const isUuid = (value: string) => uuidSchema.safeParse(value).success;

export const registerSchema = z
  .object({
    name: nameSchema,
    login: loginSchema,
    password: passwordSchema,
    communityId: uuidSchema.optional(),
    /**
     * The person agreed to the privacy notice (PIPL art. 14). Required by the web form; API clients
     * show the notice themselves and send it with the version they showed.
     */
    consent: z.literal(true, 'consent_required').optional(),
    consentVersion: z.literal(PRIVACY_NOTICE_VERSION, 'consent_version_outdated').optional(),
  })
  .meta({ id: 'RegisterRequest' });
export type RegisterInput = z.infer<typeof registerSchema>;

export const createUserSchema = z
  .object({
    name: nameSchema,
    login: loginSchema,
    password: passwordSchema,
    role: z.enum(roleEnum.enumValues, 'role_invalid'),
    communityIds: z.array(uuidSchema).max(50, 'too_many_communities').optional(),
  })
  .meta({ id: 'CreateUserRequest' });
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const credentialsSchema = z
  .object({ login: loginSchema, password: z.string('password_required').min(1, 'password_required').max(128, 'password_too_long') })
  .meta({ id: 'TokenRequest' });
export type CredentialsInput = z.infer<typeof credentialsSchema>;

export const setUserDisabledSchema = z.object({ userId: uuidSchema, disabled: z.boolean() });
export type SetUserDisabledInput = z.infer<typeof setUserDisabledSchema>;

/** What anyone may be shown about an account: never the password hash. */
export const userSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string().nullable(),
    mobile: z.string().nullable(),
    role: z.enum(roleEnum.enumValues),
    disabled: z.boolean(),
    homeCommunityId: z.uuid().nullable(),
    communityIds: z.array(z.uuid()),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'User' });
export type UserView = z.infer<typeof userSchema>;

export const tokenSchema = z
  .object({ token: z.string(), expiresAt: z.iso.datetime({ offset: true }) })
  .meta({ id: 'Token' });

export const updateAssignmentsSchema = z.object({
  userId: uuidSchema,
  communityIds: z.array(uuidSchema).max(50, 'too_many_communities'),
});
export type UpdateAssignmentsInput = z.infer<typeof updateAssignmentsSchema>;
