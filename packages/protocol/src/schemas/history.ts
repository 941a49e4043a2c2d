import { z } from "zod";
import { Id } from "./fields.js";

export const CharterVersionsParams = z.object({ id: Id });
export const PrivateVersionsParams = z.object({ id: Id, organizationId: Id });
export const MeetingVersionsParams = z.object({ meetingId: Id });
export const VersionParams = z.object({ versionId: Id });
export const CompareParams = z.object({ a: Id, b: Id });

/** Longest label of a named version. */
export const MAX_VERSION_LABEL = 120;

export const NameVersionBody = z.strictObject({
  label: z.string().trim().min(1).max(MAX_VERSION_LABEL),
});

/** Nothing to say: who restores, and as whom, is the session's. */
export const RestoreVersionBody = z.strictObject({});
