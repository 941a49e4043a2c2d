/**
 * The dot vote as stored: the facilitator opens, closes or resets it on the workshop's row,
 * each member replaces their dots while it is open (`workshop_votes`), and a member reads it
 * back with their own dots only and, once closed, the totals (see votes.ts for the arithmetic).
 */
import type { VoteCommand, WorkshopVoteView } from "@entente/protocol";
import type { Transaction } from "kysely";
import type { Database, WorkshopsTable } from "../db/schema.js";
import type { Executor } from "./board-lookups.js";
import { checkBallot, dotsOf, tallyVotes, voterCount, type VoteTarget } from "./votes.js";
import { conflict, invalidProblem } from "./workshop-errors.js";

/** Opens the vote (from none), closes it (from open), or resets it (dots dropped). */
export async function applyVoteCommand(
  trx: Transaction<Database>,
  workshop: WorkshopsTable,
  command: VoteCommand,
): Promise<void> {
  const meetingId = workshop.meeting_id;
  const set = (values: Pick<WorkshopsTable, "vote_status" | "votes_per_person">) =>
    trx.updateTable("workshops").set(values).where("meeting_id", "=", meetingId).execute();
  switch (command.action) {
    case "open":
      if (workshop.vote_status !== "none") {
        throw conflict("A vote already took place: reset it before opening a new one");
      }
      await set({ vote_status: "open", votes_per_person: command.votesPerPerson });
      return;
    case "close":
      if (workshop.vote_status !== "open") throw conflict("The vote is not open");
      await set({ vote_status: "closed", votes_per_person: workshop.votes_per_person });
      return;
    case "reset":
      await trx.deleteFrom("workshop_votes").where("meeting_id", "=", meetingId).execute();
      await set({ vote_status: "none", votes_per_person: null });
      return;
  }
}

/** Replaces the voter's dots while the vote is open. */
export async function storeBallot(
  trx: Transaction<Database>,
  workshop: WorkshopsTable,
  userId: string,
  ballot: Readonly<Record<string, number>>,
): Promise<void> {
  const meetingId = workshop.meeting_id;
  if (workshop.vote_status !== "open") throw conflict("The vote is not open");
  const checked = checkBallot(
    ballot,
    workshop.votes_per_person ?? 0,
    await votableTargets(trx, meetingId),
  );
  if (!checked.ok) throw invalidProblem(checked.problem);
  await trx
    .deleteFrom("workshop_votes")
    .where("meeting_id", "=", meetingId)
    .where("user_id", "=", userId)
    .execute();
  if (checked.dots.length > 0) {
    await trx
      .insertInto("workshop_votes")
      .values(
        checked.dots.map(({ target, count }) => ({
          meeting_id: meetingId,
          user_id: userId,
          target_kind: target.kind,
          target_id: target.id,
          count,
        })),
      )
      .execute();
  }
}

/** Drops every dot cast on a note or a group (it is being deleted). */
export async function dropDotsOn(
  trx: Transaction<Database>,
  meetingId: string,
  targetId: string,
): Promise<void> {
  await trx
    .deleteFrom("workshop_votes")
    .where("meeting_id", "=", meetingId)
    .where("target_id", "=", targetId)
    .execute();
}

/** The vote as `viewerId` sees it: their own dots, how many voted, and the totals once closed. */
export async function voteView(
  db: Executor,
  workshop: WorkshopsTable,
  viewerId: string,
): Promise<WorkshopVoteView> {
  if (workshop.vote_status === "none") return { status: "none" };
  const dots = await db
    .selectFrom("workshop_votes")
    .select(["user_id as userId", "target_id as targetId", "count"])
    .where("meeting_id", "=", workshop.meeting_id)
    .execute();
  const common = {
    votesPerPerson: workshop.votes_per_person ?? 0,
    myVotes: dotsOf(dots, viewerId),
    voterCount: voterCount(dots),
  };
  if (workshop.vote_status === "open") return { status: "open", ...common };
  const targets = await votableTargets(db, workshop.meeting_id);
  return { status: "closed", ...common, results: tallyVotes(dots, [...targets.values()]) };
}

/** Revealed notes and groups, in creation order: what dots may go to and how ties break. */
async function votableTargets(db: Executor, meetingId: string): Promise<Map<string, VoteTarget>> {
  const notes = await db
    .selectFrom("workshop_notes")
    .select(["id", "created_at"])
    .where("meeting_id", "=", meetingId)
    .where("revealed_at", "is not", null)
    .execute();
  const groups = await db
    .selectFrom("workshop_groups")
    .select(["id", "created_at"])
    .where("meeting_id", "=", meetingId)
    .execute();
  const targets: VoteTarget[] = [
    ...notes.map((n) => ({ kind: "note" as const, id: n.id, createdAt: n.created_at })),
    ...groups.map((g) => ({ kind: "group" as const, id: g.id, createdAt: g.created_at })),
  ];
  return new Map(targets.map((t) => [t.id, t]));
}
