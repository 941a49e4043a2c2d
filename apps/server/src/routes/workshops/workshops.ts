import type { WorkshopConversionResponse, WorkshopResponse, WorkshopView } from "@entente/protocol";
import { Hono, type Context } from "hono";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";
import { requireAuth } from "../../http/session-cookie.js";
import { parseOrThrow, readJson } from "../../http/validate.js";
import {
  ColumnsBody,
  ConvertBody,
  CreateGroupBody,
  CreateNoteBody,
  GroupParams,
  MyVotesBody,
  NoteParams,
  PhaseBody,
  TimerBody,
  UpdateGroupBody,
  UpdateNoteBody,
  VoteBody,
  WorkshopParams,
} from "@entente/protocol/schemas";

/** The answer of every workshop call: the caller's own view. */
function answer(c: Context<AppEnv>, workshop: WorkshopView, status: 200 | 201 = 200): Response {
  const body: WorkshopResponse = { workshop };
  return c.json(body, status);
}

/**
 * A meeting's workshop, under `/api/meetings`: any member reads their own view of it; the
 * facilitator sets columns, phase, timer and vote; editors and admins add notes, group
 * them and cast their dots.
 */
export function meetingWorkshopRoutes(services: Services): Hono<AppEnv> {
  const { workshops } = services;
  return new Hono<AppEnv>()
    .get("/:meetingId/workshop", async (c) => {
      const { user } = requireAuth(c);
      const { meetingId } = parseOrThrow(WorkshopParams, c.req.param());
      return answer(c, await workshops.view(user, meetingId));
    })
    .put("/:meetingId/workshop/columns", async (c) => {
      const { user } = requireAuth(c);
      const { meetingId } = parseOrThrow(WorkshopParams, c.req.param());
      const { columns } = await readJson(c, ColumnsBody);
      return answer(c, await workshops.setColumns(user, meetingId, columns));
    })
    .put("/:meetingId/workshop/phase", async (c) => {
      const { user } = requireAuth(c);
      const { meetingId } = parseOrThrow(WorkshopParams, c.req.param());
      const { phase } = await readJson(c, PhaseBody);
      return answer(c, await workshops.setPhase(user, meetingId, phase));
    })
    .post("/:meetingId/workshop/timer", async (c) => {
      const { user } = requireAuth(c);
      const { meetingId } = parseOrThrow(WorkshopParams, c.req.param());
      const command = await readJson(c, TimerBody);
      return answer(c, await workshops.timer(user, meetingId, command));
    })
    .post("/:meetingId/workshop/vote", async (c) => {
      const { user } = requireAuth(c);
      const { meetingId } = parseOrThrow(WorkshopParams, c.req.param());
      const command = await readJson(c, VoteBody);
      return answer(c, await workshops.vote(user, meetingId, command));
    })
    .post("/:meetingId/workshop/notes", async (c) => {
      const { user } = requireAuth(c);
      const { meetingId } = parseOrThrow(WorkshopParams, c.req.param());
      const input = await readJson(c, CreateNoteBody);
      return answer(c, await workshops.addNote(user, meetingId, input), 201);
    })
    .post("/:meetingId/workshop/groups", async (c) => {
      const { user } = requireAuth(c);
      const { meetingId } = parseOrThrow(WorkshopParams, c.req.param());
      const input = await readJson(c, CreateGroupBody);
      return answer(c, await workshops.addGroup(user, meetingId, input), 201);
    })
    .put("/:meetingId/workshop/my-votes", async (c) => {
      const { user } = requireAuth(c);
      const { meetingId } = parseOrThrow(WorkshopParams, c.req.param());
      const { votes } = await readJson(c, MyVotesBody);
      return answer(c, await workshops.setMyVotes(user, meetingId, votes));
    });
}

/** One sticky note, under `/api/workshop-notes`. */
export function workshopNoteRoutes(services: Services): Hono<AppEnv> {
  const { workshops } = services;
  return new Hono<AppEnv>()
    .patch("/:noteId", async (c) => {
      const { user } = requireAuth(c);
      const { noteId } = parseOrThrow(NoteParams, c.req.param());
      const patch = await readJson(c, UpdateNoteBody);
      return answer(c, await workshops.updateNote(user, noteId, patch));
    })
    .delete("/:noteId", async (c) => {
      const { user } = requireAuth(c);
      const { noteId } = parseOrThrow(NoteParams, c.req.param());
      return answer(c, await workshops.deleteNote(user, noteId));
    })
    .post("/:noteId/convert", async (c) => {
      const { user } = requireAuth(c);
      const { noteId } = parseOrThrow(NoteParams, c.req.param());
      const input = await readJson(c, ConvertBody);
      const body: WorkshopConversionResponse = await workshops.convert(
        user,
        { kind: "note", id: noteId },
        input,
      );
      return c.json(body, 201);
    });
}

/** One group of notes, under `/api/workshop-groups`. */
export function workshopGroupRoutes(services: Services): Hono<AppEnv> {
  const { workshops } = services;
  return new Hono<AppEnv>()
    .patch("/:groupId", async (c) => {
      const { user } = requireAuth(c);
      const { groupId } = parseOrThrow(GroupParams, c.req.param());
      const { title } = await readJson(c, UpdateGroupBody);
      return answer(c, await workshops.renameGroup(user, groupId, title));
    })
    .delete("/:groupId", async (c) => {
      const { user } = requireAuth(c);
      const { groupId } = parseOrThrow(GroupParams, c.req.param());
      return answer(c, await workshops.deleteGroup(user, groupId));
    })
    .post("/:groupId/convert", async (c) => {
      const { user } = requireAuth(c);
      const { groupId } = parseOrThrow(GroupParams, c.req.param());
      const input = await readJson(c, ConvertBody);
      const body: WorkshopConversionResponse = await workshops.convert(
        user,
        { kind: "group", id: groupId },
        input,
      );
      return c.json(body, 201);
    });
}
