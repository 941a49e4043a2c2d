import { z } from "zod";

/** `<token>.ics`: the feed token (32 base32 characters) and the calendar extension. */
export const FeedFileParams = z.object({
  file: z.string().regex(/^[a-z2-7]{32}\.ics$/, "not a calendar feed address"),
});

/** Creating a feed takes nothing: the feed is the caller's, from the session. */
export const CreateFeedBody = z.strictObject({});
