import { SEARCH_QUERY_MAX } from "../search.js";
import { z } from "zod";
import { Id } from "./fields.js";

/** `GET /api/search?q=…&partnershipId=…`: some words, and optionally one partnership. */
export const SearchQuery = z.strictObject({
  q: z
    .string()
    .max(SEARCH_QUERY_MAX, `at most ${SEARCH_QUERY_MAX} characters`)
    .refine((q) => q.trim() !== "", "say what to search for"),
  partnershipId: Id.optional(),
});
