/**
 * The workshop's own row (`workshops`): made on first use, touched first by every change (the
 * lock that orders one board's changes), and the phase and timer the facilitator sets on it.
 */
import type { TimerCommand, WorkshopPhase } from "@entente/protocol";
import type { Kysely, Transaction } from "kysely";
import type { Database, WorkshopsTable } from "../db/schema.js";
import { applyTimerCommand, timerFromColumns, timerToColumns } from "./timer.js";
import { conflict } from "./workshop-errors.js";

/** A workshop exists for every meeting, made on first use. */
export async function ensureWorkshop(db: Kysely<Database>, meetingId: string): Promise<void> {
  const now = Date.now();
  await db
    .insertInto("workshops")
    .values({
      meeting_id: meetingId,
      phase: "private",
      timer_status: "idle",
      timer_duration_ms: null,
      timer_ends_at: null,
      timer_remaining_ms: null,
      vote_status: "none",
      votes_per_person: null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((c) => c.column("meeting_id").doNothing())
    .execute();
}

/** Touches the workshop's row: on PostgreSQL, a lock that orders the changes of one board. */
export function lockWorkshop(
  trx: Transaction<Database>,
  meetingId: string,
): Promise<WorkshopsTable> {
  return trx
    .updateTable("workshops")
    .set({ updated_at: Date.now() })
    .where("meeting_id", "=", meetingId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Revealing shows every hidden note at once; notes added in a private phase are hidden. */
export async function writePhase(
  trx: Transaction<Database>,
  meetingId: string,
  phase: WorkshopPhase,
): Promise<void> {
  const now = Date.now();
  await trx.updateTable("workshops").set({ phase }).where("meeting_id", "=", meetingId).execute();
  if (phase === "revealed") {
    await trx
      .updateTable("workshop_notes")
      .set({ revealed_at: now })
      .where("meeting_id", "=", meetingId)
      .where("revealed_at", "is", null)
      .execute();
  }
}

/** Applies a command to the shared timer; one its state does not allow (pausing a timer not running) is 409. */
export async function writeTimer(
  trx: Transaction<Database>,
  workshop: WorkshopsTable,
  command: TimerCommand,
): Promise<void> {
  const outcome = applyTimerCommand(timerFromColumns(workshop), command, Date.now());
  if (!outcome.ok) throw conflict(outcome.problem);
  await trx
    .updateTable("workshops")
    .set(timerToColumns(outcome.state))
    .where("meeting_id", "=", workshop.meeting_id)
    .execute();
}
