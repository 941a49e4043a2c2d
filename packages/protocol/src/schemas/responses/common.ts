/*
 * Pieces several answers share (posts, comments, meetings, workshops).
 */
import { z } from "zod";

/** Who wrote something: stamped by the server from the session and seat, never from the body. */
export const AuthorView = z.strictObject({
  id: z.string(),
  name: z.string(),
  organizationId: z.string(),
});
export type AuthorView = z.infer<typeof AuthorView>;
