import {
  DEFAULT_MIN_RESPONDENTS,
  HEALTH_RATING_RANGE,
  MIN_RESPONDENTS_RANGE,
} from "../health-checks.js";
import { z } from "zod";
import { Id } from "./fields.js";

export const HealthCheckParams = z.object({ healthCheckId: Id });

/** Most dimensions one cycle rates. */
export const MAX_DIMENSIONS = 12;

const Dimension = z.strictObject({
  key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "lower-case letters, digits and dashes"),
  label: z.string().trim().min(1).max(80),
});

export const OpenHealthCheckBody = z.strictObject({
  title: z.string().trim().min(1).max(200),
  minRespondents: z
    .number()
    .int()
    .min(MIN_RESPONDENTS_RANGE.min)
    .max(MIN_RESPONDENTS_RANGE.max)
    .default(DEFAULT_MIN_RESPONDENTS),
  dimensions: z
    .array(Dimension)
    .min(1)
    .max(MAX_DIMENSIONS)
    .refine(
      (dimensions) => new Set(dimensions.map((d) => d.key)).size === dimensions.length,
      "the same dimension key is used twice",
    )
    // Omitted: the partnership template's dimensions, else the domain's (the route decides).
    .optional(),
});

/** Which keys must be rated depends on the cycle; the service checks them against it. */
export const AnswerBody = z.strictObject({
  ratings: z.record(
    z.string().max(40),
    z.number().int().min(HEALTH_RATING_RANGE.min).max(HEALTH_RATING_RANGE.max),
  ),
  comment: z.string().max(2000).optional(),
});
