/**
 * Accounts hold the minimum about an official: name, email (the sign-in), position (jabatan), task
 * force and role. Never anything about victims.
 */
import { z } from "zod";
import { TaskForceIdSchema } from "../hierarchy/levels.ts";
import { textSchema } from "../text.ts";
import { RoleSchema } from "./roles.ts";

/** An email as the sign-in name: trimmed, lower-cased, at most 254 characters. */
export const EmailSchema = z
  .string({ error: "EMAIL_INVALID" })
  .trim()
  .toLowerCase()
  .max(254, { error: "EMAIL_INVALID" })
  .pipe(z.email({ error: "EMAIL_INVALID" }));

/** A person's name as they write it. */
export const PersonNameSchema = textSchema("NAME_INVALID", { max: 120 });

/** A job title (jabatan), e.g. "Kepala Bidang PPPA, DP3A Kota Bekasi". */
export const JobTitleSchema = textSchema("POSITION_INVALID", { max: 160 });

/** A stored record's version, for optimistic concurrency: an edit names the version it started from. */
export const VersionSchema = z.number({ error: "VERSION_INVALID" }).int({ error: "VERSION_INVALID" }).min(1, { error: "VERSION_INVALID" });

/** The form to create an account. */
export const AccountCreateSchema = z
  .object({
    email: EmailSchema,
    name: PersonNameSchema,
    position: JobTitleSchema,
    taskForceId: TaskForceIdSchema,
    role: RoleSchema,
  })
  .strict();
export type AccountCreate = z.infer<typeof AccountCreateSchema>;

/** The form to change an account's details or role. */
export const AccountUpdateSchema = z
  .object({
    id: z.number().int().positive(),
    version: VersionSchema,
    name: PersonNameSchema.optional(),
    position: JobTitleSchema.optional(),
    role: RoleSchema.optional(),
  })
  .strict();
export type AccountUpdate = z.infer<typeof AccountUpdateSchema>;
