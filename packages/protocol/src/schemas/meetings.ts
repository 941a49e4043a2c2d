import { GOVERNANCE_LEVELS } from "@entente/domain";
import { MAX_AGENDA_ITEMS, MEETING_KINDS } from "../meetings.js";
import { z } from "zod";
import { Id } from "./fields.js";
import { GovernanceLevel } from "./vocabulary.js";

/** Most participants one meeting holds (a workshop is up to 60 people). */
export const MAX_PARTICIPANTS = 200;

export const MeetingParams = z.object({ meetingId: Id });
export const AgendaItemParams = z.object({ itemId: Id });

const Title = z.string().trim().min(1).max(200);
/** An ISO date-time with its offset (`2026-11-26T14:00:00Z`), as milliseconds. */
const StartsAt = z.iso
  .datetime({ offset: true })
  .transform((value) => Date.parse(value))
  .refine((millis) => Number.isFinite(millis), "not a date-time");
const DurationMinutes = z
  .number()
  .int()
  .min(5)
  .max(24 * 60);
const TimeboxMinutes = z
  .number()
  .int()
  .min(1)
  .max(8 * 60);

/** A time zone Intl knows by its IANA name (`Europe/Paris`, `UTC`). */
const TimeZone = z
  .string()
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/, "not an IANA time zone name")
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, "not a time zone this server knows");
const Place = z.string().trim().max(300);
/** The video call's address: https only (a calendar opens it as is). */
const VideoUrl = z.url({ protocol: /^https$/, hostname: z.regexes.domain }).max(2000);

const AgendaItemFields = {
  title: Title,
  ownerOrganizationId: Id,
  timeboxMinutes: TimeboxMinutes,
};

const MeetingFields = {
  title: Title,
  kind: z.enum(MEETING_KINDS),
  level: GovernanceLevel,
  startsAt: StartsAt,
  durationMinutes: DurationMinutes,
  /** Defaults to the caller; must be an editor or admin of the partnership. */
  facilitatorId: Id.optional(),
  /** Members of the partnership; the facilitator is added to them. */
  participantIds: z.array(Id).max(MAX_PARTICIPANTS).optional(),
  /** Defaults to UTC; the web app sends the creator's browser zone. */
  timeZone: TimeZone.optional(),
  place: Place.optional(),
  /** null: no video call. */
  videoUrl: VideoUrl.nullable().optional(),
};

/**
 * Strict: who created the meeting and for which organization is stamped from the session,
 * so a body naming it is refused rather than silently ignored.
 */
export const CreateMeetingBody = z.strictObject({
  ...MeetingFields,
  agenda: z.array(z.strictObject(AgendaItemFields)).max(MAX_AGENDA_ITEMS).optional(),
});

/** Any subset of the create fields but the agenda (which has its own calls). */
export const UpdateMeetingBody = z.strictObject({
  title: Title.optional(),
  kind: MeetingFields.kind.optional(),
  level: MeetingFields.level.optional(),
  startsAt: StartsAt.optional(),
  durationMinutes: DurationMinutes.optional(),
  facilitatorId: Id.optional(),
  participantIds: MeetingFields.participantIds,
  timeZone: MeetingFields.timeZone,
  place: MeetingFields.place,
  videoUrl: MeetingFields.videoUrl,
});

export const CreateAgendaItemBody = z.strictObject(AgendaItemFields);

export const UpdateAgendaItemBody = z.strictObject({
  title: Title.optional(),
  ownerOrganizationId: Id.optional(),
  timeboxMinutes: TimeboxMinutes.optional(),
  /** The new place in the agenda, 0 first; past the end means last. */
  position: z.number().int().min(0).optional(),
});

/**
 * Strict: a sign-off speaks for the caller's seat organization, never one the body names.
 * `version`: the item's `version` the caller read; an item that changed since is a 409.
 */
export const SignOffBody = z.strictObject({
  version: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "not an agenda item version (64 lowercase hex digits)")
    .optional(),
});

export const RhythmBody = z.strictObject({
  levels: z
    .array(
      z.strictObject({
        level: GovernanceLevel,
        /** Days between two meetings of the level; null: the level has no rhythm. */
        intervalDays: z.number().int().min(1).max(3660).nullable(),
      }),
    )
    .max(GOVERNANCE_LEVELS.length)
    .refine(
      (levels) => new Set(levels.map((l) => l.level)).size === levels.length,
      "each level at most once",
    ),
});
