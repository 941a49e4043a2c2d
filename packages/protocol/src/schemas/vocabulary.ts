/*
 * Closed vocabularies that requests and answers share, as zod enums. The main entry's runtime
 * lists (`LANGUAGES` of vocabulary.ts, `GOVERNANCE_LEVELS` of @entente/domain) stay free of zod
 * for the web bundle.
 */
import { GOVERNANCE_LEVELS } from "@entente/domain";
import { z } from "zod";

/**
 * Languages the app and its e-mails are written in. The type is inferred from here;
 * `LANGUAGES` (vocabulary.ts) must name every member of it, or does not compile.
 */
export const Language = z.enum(["en", "fr"]);
export type Language = z.infer<typeof Language>;

/** A governance level; its type is @entente/domain's `GovernanceLevel`, which has no zod. */
export const GovernanceLevel = z.enum(GOVERNANCE_LEVELS);
