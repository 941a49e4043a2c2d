import type { MeetingListResponse, MeetingResponse, RhythmResponse } from "@entente/protocol";
import { Hono } from "hono";
import { requirePartnershipSeat } from "../partnership-seat.js";
import { requireAdmin, requireWriter } from "../../access/policies.js";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";
import { requireAuth } from "../../http/session-cookie.js";
import { parseOrThrow, readJson } from "../../http/validate.js";
import {
  AgendaItemParams,
  CreateAgendaItemBody,
  CreateMeetingBody,
  MeetingParams,
  RhythmBody,
  SignOffBody,
  UpdateAgendaItemBody,
  UpdateMeetingBody,
} from "@entente/protocol/schemas";

/**
 * A partnership's meetings and governance rhythm, under `/api/partnerships`. Everyone in the
 * partnership reads them; editors and admins schedule meetings; admins set the rhythm.
 */
export function partnershipMeetingRoutes(services: Services): Hono<AppEnv> {
  const { access, meetings } = services;
  return new Hono<AppEnv>()
    .get("/:id/meetings", async (c) => {
      const { id } = await requirePartnershipSeat(c, access);
      const body: MeetingListResponse = await meetings.list(id);
      return c.json(body);
    })
    .post("/:id/meetings", async (c) => {
      const { user, seat } = await requirePartnershipSeat(c, access);
      requireWriter(seat, "schedule a meeting");
      const input = await readJson(c, CreateMeetingBody);
      const body: MeetingResponse = { meeting: await meetings.create({ user, seat }, input) };
      return c.json(body, 201);
    })
    .get("/:id/rhythm", async (c) => {
      const { id } = await requirePartnershipSeat(c, access);
      const body: RhythmResponse = { rhythm: await meetings.rhythm(id) };
      return c.json(body);
    })
    .put("/:id/rhythm", async (c) => {
      const { id, seat } = await requirePartnershipSeat(c, access);
      requireAdmin(seat, "Only an admin can set the governance rhythm");
      const { levels } = await readJson(c, RhythmBody);
      const body: RhythmResponse = { rhythm: await meetings.setRhythm(id, levels) };
      return c.json(body);
    });
}

/** One meeting, under `/api/meetings`: read it, change it, delete it, add to its agenda. */
export function meetingRoutes(services: Services): Hono<AppEnv> {
  const { meetings } = services;
  return new Hono<AppEnv>()
    .get("/:meetingId", async (c) => {
      const { user } = requireAuth(c);
      const { meetingId } = parseOrThrow(MeetingParams, c.req.param());
      const { meeting } = await meetings.requireMeeting(user.id, meetingId);
      const body: MeetingResponse = { meeting: await meetings.view(meeting) };
      return c.json(body);
    })
    .patch("/:meetingId", async (c) => {
      const { user } = requireAuth(c);
      const { meetingId } = parseOrThrow(MeetingParams, c.req.param());
      const found = await meetings.requireMeeting(user.id, meetingId);
      requireWriter(found.seat, "change a meeting");
      const changes = await readJson(c, UpdateMeetingBody);
      const body: MeetingResponse = { meeting: await meetings.update(user.id, found, changes) };
      return c.json(body);
    })
    .delete("/:meetingId", async (c) => {
      const { user } = requireAuth(c);
      const { meetingId } = parseOrThrow(MeetingParams, c.req.param());
      const found = await meetings.requireMeeting(user.id, meetingId);
      requireWriter(found.seat, "delete a meeting");
      await meetings.delete(found, user);
      return c.body(null, 204);
    })
    .post("/:meetingId/agenda-items", async (c) => {
      const { user } = requireAuth(c);
      const { meetingId } = parseOrThrow(MeetingParams, c.req.param());
      const found = await meetings.requireMeeting(user.id, meetingId);
      requireWriter(found.seat, "change the agenda");
      const input = await readJson(c, CreateAgendaItemBody);
      const body: MeetingResponse = { meeting: await meetings.addAgendaItem(found, input) };
      return c.json(body, 201);
    });
}

/** Agenda items, under `/api/agenda-items`: change, remove, sign off their notes. */
export function agendaItemRoutes(services: Services): Hono<AppEnv> {
  const { meetings } = services;
  return new Hono<AppEnv>()
    .patch("/:itemId", async (c) => {
      const { user } = requireAuth(c);
      const { itemId } = parseOrThrow(AgendaItemParams, c.req.param());
      const found = await meetings.requireAgendaItem(user.id, itemId);
      requireWriter(found.seat, "change the agenda");
      const changes = await readJson(c, UpdateAgendaItemBody);
      const body: MeetingResponse = { meeting: await meetings.updateAgendaItem(found, changes) };
      return c.json(body);
    })
    .delete("/:itemId", async (c) => {
      const { user } = requireAuth(c);
      const { itemId } = parseOrThrow(AgendaItemParams, c.req.param());
      const found = await meetings.requireAgendaItem(user.id, itemId);
      requireWriter(found.seat, "change the agenda");
      const body: MeetingResponse = { meeting: await meetings.deleteAgendaItem(found, user) };
      return c.json(body);
    })
    .post("/:itemId/sign-off", async (c) => {
      const { user } = requireAuth(c);
      const { itemId } = parseOrThrow(AgendaItemParams, c.req.param());
      const found = await meetings.requireAgendaItem(user.id, itemId);
      requireWriter(found.seat, "sign off the notes");
      const input = await readJson(c, SignOffBody);
      const body: MeetingResponse = {
        meeting: await meetings.signOff({ user, seat: found.seat }, found, input.version),
      };
      return c.json(body);
    });
}
