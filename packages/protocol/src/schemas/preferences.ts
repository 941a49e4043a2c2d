import { DIGEST_FREQUENCIES, LANGUAGES, NOTIFICATION_KINDS } from "../vocabulary.js";
import type { NotificationKind } from "../vocabulary.js";
import { z } from "zod";
import { Id } from "./fields.js";

const EmailChoices = z.strictObject(
  Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, z.boolean().optional()])) as Record<
    NotificationKind,
    z.ZodOptional<z.ZodBoolean>
  >,
);

/** Everything optional: what is sent changes, the rest stays. Unknown keys are refused. */
export const UpdatePreferencesBody = z.strictObject({
  language: z.enum(LANGUAGES).nullable().optional(),
  email: EmailChoices.optional(),
  digests: z
    .array(z.strictObject({ partnershipId: Id, frequency: z.enum(DIGEST_FREQUENCIES) }))
    .max(200)
    .refine(
      (digests) => new Set(digests.map((d) => d.partnershipId)).size === digests.length,
      "the same partnership is listed twice",
    )
    .optional(),
});
