import { formatDocumentName } from "@entente/domain";
import type { WorkshopView } from "@entente/protocol";
import {
  addObjective,
  FIELD_LIMITS,
  readDecisions,
  readIssues,
  readObjectives,
  readValues,
} from "@entente/schema";
import { beforeAll, describe, expect, it } from "vitest";
import type { ApiResponse, TestUser } from "../../test/api-harness.js";
import { usePartnershipHarness } from "../../test/partnership-harness.js";
import { changeDocument } from "../../test/document-writes.js";

describe("workshop routes", () => {
  const ctx = usePartnershipHarness("all");
  let outsider: TestUser;
  /** North's editor: creates the meetings, so facilitates them. */
  let facilitator: TestUser;

  beforeAll(async () => {
    facilitator = ctx.cast.north.editor;
    outsider = await ctx.harness.signup("Olga Outsider");
    const own = await ctx.harness.createOrganization(outsider, "Elsewhere");
    await ctx.harness.createPartnership(outsider, own, "Another alliance");
  });

  const call = <T = any>(
    user: TestUser | undefined,
    method: string,
    path: string,
    body?: unknown,
  ) =>
    ctx.harness.request<T>(method, path, {
      cookie: user?.cookie,
      ...(body === undefined ? {} : { body }),
    });

  /** A fresh workshop meeting facilitated by North's editor. */
  async function newMeeting(): Promise<string> {
    const response = await call(
      facilitator,
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/meetings`,
      {
        title: "Co-development workshop",
        kind: "workshop",
        level: "operational",
        startsAt: "2026-12-10T09:00:00.000Z",
        durationMinutes: 120,
      },
    );
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.meeting.id as string;
  }

  const ws = (meetingId: string, rest = "") => `/api/meetings/${meetingId}/workshop${rest}`;

  /** Calls and expects `status`; returns the workshop of the answer. */
  async function ok(
    user: TestUser,
    method: string,
    path: string,
    body?: unknown,
    status = 200,
  ): Promise<WorkshopView> {
    const response = await call<{ workshop: WorkshopView }>(user, method, path, body);
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    return response.body.workshop;
  }

  function expectError(response: ApiResponse, status: number, code: string): void {
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    expect(response.body).toEqual({ error: expect.objectContaining({ code }) });
  }

  /** A meeting with one column "Ideas"; returns its id and the column's. */
  async function board(): Promise<{ meetingId: string; columnId: string }> {
    const meetingId = await newMeeting();
    const view = await ok(facilitator, "PUT", ws(meetingId, "/columns"), {
      columns: [{ title: "Ideas" }],
    });
    return { meetingId, columnId: view.columns[0]!.id };
  }

  async function addNote(user: TestUser, meetingId: string, columnId: string, text: string) {
    const view = await ok(user, "POST", ws(meetingId, "/notes"), { text, columnId }, 201);
    const note = view.notes.find((n) => n.text === text.trim() && n.author.id === user.id);
    expect(note).toBeDefined();
    return note!;
  }

  it("gives each member their view of a new workshop, and nothing to anyone else", async () => {
    const meetingId = await newMeeting();
    const view = await ok(ctx.cast.south.viewer, "GET", ws(meetingId));
    expect(view).toEqual({
      meetingId,
      partnershipId: ctx.cast.partnershipId,
      facilitatorId: facilitator.id,
      phase: "private",
      timer: { status: "idle" },
      serverNow: expect.any(String),
      // Nobody set the board up: it opens with its default column.
      columns: [{ id: expect.any(String), title: "Ideas" }],
      notes: [],
      groups: [],
      hidden: [],
      vote: { status: "none" },
    });
    expect(Math.abs(Date.parse(view.serverNow) - Date.now())).toBeLessThan(5000);
    expectError(await call(outsider, "GET", ws(meetingId)), 404, "not_found");
    expectError(await call(ctx.cast.north.admin, "GET", ws("nosuchmeeting")), 404, "not_found");
    expectError(await call(ctx.cast.north.admin, "GET", ws("bad%20id")), 400, "invalid_input");
    expectError(await call(undefined, "GET", ws(meetingId)), 401, "unauthorized");
  });

  it("lets only the facilitator set columns, phase, timer and vote", async () => {
    const meetingId = await newMeeting();
    const calls: [string, string, unknown][] = [
      ["PUT", "/columns", { columns: [{ title: "Ideas" }] }],
      ["PUT", "/phase", { phase: "revealed" }],
      ["POST", "/timer", { action: "start", durationSeconds: 60 }],
      ["POST", "/vote", { action: "open", votesPerPerson: 3 }],
    ];
    for (const [method, rest, body] of calls) {
      // An admin of the partnership who does not facilitate, and a viewer: 403.
      for (const user of [ctx.cast.north.admin, ctx.cast.south.editor, ctx.cast.north.viewer]) {
        expectError(await call(user, method, ws(meetingId, rest), body), 403, "forbidden");
      }
      expectError(await call(outsider, method, ws(meetingId, rest), body), 404, "not_found");
      expectError(
        await call(facilitator, method, ws(meetingId, rest), { nonsense: true }),
        400,
        "invalid_input",
      );
    }
    // Nothing changed (the board holds only the column it opens with).
    const view = await ok(ctx.cast.north.admin, "GET", ws(meetingId));
    expect(view).toMatchObject({
      columns: [{ title: "Ideas" }],
      phase: "private",
      timer: { status: "idle" },
      vote: { status: "none" },
    });
  });

  describe("a board nobody set up yet", () => {
    it("opens with one default column, made once however many members arrive together", async () => {
      const meetingId = await newMeeting();
      const views = await Promise.all(
        [
          ctx.cast.south.editor,
          ctx.cast.south.viewer,
          ctx.cast.north.admin,
          ctx.cast.south.admin,
        ].map((user) => ok(user, "GET", ws(meetingId))),
      );
      const [first] = views;
      expect(first!.columns).toEqual([{ id: expect.any(String), title: "Ideas" }]);
      for (const view of views) expect(view.columns).toEqual(first!.columns);
      const again = await ok(facilitator, "GET", ws(meetingId));
      expect(again.columns).toEqual(first!.columns);
    });

    it("lets a participant write at once, stamped from the session; a viewer still cannot", async () => {
      const meetingId = await newMeeting();
      const view = await ok(ctx.cast.south.editor, "GET", ws(meetingId));
      const columnId = view.columns[0]!.id;
      // The author and organization come from the session: a body that names them is refused.
      expectError(
        await call(ctx.cast.south.editor, "POST", ws(meetingId, "/notes"), {
          text: "Claimed",
          columnId,
          organizationId: ctx.cast.north.id,
        }),
        400,
        "invalid_input",
      );
      const note = await addNote(ctx.cast.south.editor, meetingId, columnId, "Shared depots");
      expect(note).toMatchObject({
        author: { id: ctx.cast.south.editor.id, organizationId: ctx.cast.south.id },
        organizationId: ctx.cast.south.id,
        revealed: false,
      });
      expectError(
        await call(ctx.cast.south.viewer, "POST", ws(meetingId, "/notes"), { text: "x", columnId }),
        403,
        "forbidden",
      );
      // Private phase as usual: the facilitator sees that a note waits, not what it says.
      const facilitatorView = await ok(facilitator, "GET", ws(meetingId));
      expect(facilitatorView.notes).toEqual([]);
      expect(facilitatorView.hidden).toEqual([{ organizationId: ctx.cast.south.id, count: 1 }]);
      // The facilitator sets the board up later: the early notes move to its first column.
      const setUp = await ok(facilitator, "PUT", ws(meetingId, "/columns"), {
        columns: [{ title: "Keep" }, { title: "Change" }],
      });
      expect(setUp.columns.map((c) => c.title)).toEqual(["Keep", "Change"]);
      const mine = await ok(ctx.cast.south.editor, "GET", ws(meetingId));
      expect(mine.columns).toEqual(setUp.columns);
      expect(mine.notes.map((n) => [n.text, n.columnId])).toEqual([
        ["Shared depots", setUp.columns[0]!.id],
      ]);
    });

    it("names the default column in the facilitator's language", async () => {
      const language = await call(facilitator, "PUT", "/api/me/notification-preferences", {
        language: "fr",
      });
      expect(language.status, JSON.stringify(language.body)).toBe(200);
      try {
        const meetingId = await newMeeting();
        const view = await ok(ctx.cast.south.viewer, "GET", ws(meetingId));
        expect(view.columns.map((c) => c.title)).toEqual(["Idées"]);
      } finally {
        await call(facilitator, "PUT", "/api/me/notification-preferences", { language: null });
      }
    });
  });

  it("replaces the columns, keeping ids, and moves the notes of a removed column", async () => {
    const meetingId = await newMeeting();
    let view = await ok(facilitator, "PUT", ws(meetingId, "/columns"), {
      columns: [{ title: "Keep" }, { title: "Stop" }, { title: "Start" }],
    });
    const [keep, stop, start] = view.columns.map((c) => c.id);
    expect(view.columns.map((c) => c.title)).toEqual(["Keep", "Stop", "Start"]);
    const note = await addNote(ctx.cast.south.editor, meetingId, stop!, "Stop the weekly export");

    view = await ok(facilitator, "PUT", ws(meetingId, "/columns"), {
      columns: [{ id: start, title: "Start doing" }, { id: keep, title: "Keep" }, { title: "Ask" }],
    });
    expect(view.columns.map((c) => [c.id, c.title])).toEqual([
      [start, "Start doing"],
      [keep, "Keep"],
      [expect.any(String), "Ask"],
    ]);
    const mine = await ok(ctx.cast.south.editor, "GET", ws(meetingId));
    expect(mine.notes.find((n) => n.id === note.id)?.columnId).toBe(start);

    const bad = [
      { columns: [] },
      { columns: [{ id: "nosuchcolumn", title: "X" }] },
      {
        columns: [
          { id: keep, title: "A" },
          { id: keep, title: "B" },
        ],
      },
      { columns: [{ title: "  " }] },
    ];
    for (const body of bad) {
      expectError(
        await call(facilitator, "PUT", ws(meetingId, "/columns"), body),
        400,
        "invalid_input",
      );
    }
    // The board's own checks name the field, as body validation does.
    const unknown = await call(facilitator, "PUT", ws(meetingId, "/columns"), {
      columns: [{ title: "Keep" }, { id: "nosuchcolumn", title: "X" }],
    });
    expect(unknown.body.error).toEqual({
      code: "invalid_input",
      message: "columns.1.id: not a column of this board",
      details: [{ path: "columns.1.id", message: "not a column of this board" }],
    });
  });

  it("keeps a note in the private phase from everyone but its author until the reveal", async () => {
    const { meetingId, columnId } = await board();
    const author = ctx.cast.south.editor;
    const secrets = ["Southpeak could share its Turin depot", "Our budget ends in June"];
    const notes = [];
    for (const text of secrets) notes.push(await addNote(author, meetingId, columnId, text));
    const own = await ok(author, "GET", ws(meetingId));
    expect(own.notes.map((n) => n.text)).toEqual(secrets);
    expect(own.notes[0]).toMatchObject({
      author: { id: author.id, name: author.name, organizationId: ctx.cast.south.id },
      organizationId: ctx.cast.south.id,
      columnId,
      groupId: null,
      revealed: false,
      conversion: null,
    });
    expect(own.hidden).toEqual([]);

    // Every member sees every group's title, so not even the author may group a hidden
    // note: neither into a new group nor into one that exists.
    expectError(
      await call(author, "POST", ws(meetingId, "/groups"), {
        title: "Turin assets",
        noteIds: [notes[0]!.id],
      }),
      409,
      "conflict",
    );
    const pooling = (
      await ok(
        facilitator,
        "POST",
        ws(meetingId, "/groups"),
        { title: "Pooling", noteIds: [] },
        201,
      )
    ).groups[0]!;
    expectError(
      await call(author, "PATCH", `/api/workshop-notes/${notes[0]!.id}`, { groupId: pooling.id }),
      409,
      "conflict",
    );
    const unchanged = await ok(author, "GET", ws(meetingId));
    expect(unchanged.notes.map((n) => n.groupId)).toEqual([null, null]);
    expect(unchanged.groups).toEqual([{ id: pooling.id, title: "Pooling", conversion: null }]);

    for (const other of [facilitator, ctx.cast.north.viewer, ctx.cast.south.admin]) {
      const response = await call(other, "GET", ws(meetingId));
      expect(response.status).toBe(200);
      const raw = JSON.stringify(response.body);
      for (const secret of [
        ...secrets,
        ...notes.map((n) => n.id),
        author.id,
        author.name,
        "Turin assets",
      ]) {
        expect(raw).not.toContain(secret);
      }
      expect(response.body.workshop.notes).toEqual([]);
      expect(response.body.workshop.groups).toEqual([
        { id: pooling.id, title: "Pooling", conversion: null },
      ]);
      expect(response.body.workshop.hidden).toEqual([
        { organizationId: ctx.cast.south.id, count: 2 },
      ]);
      // Hidden notes cannot be reached by id either: as if they did not exist.
      const id = notes[1]!.id;
      expectError(
        await call(other, "PATCH", `/api/workshop-notes/${id}`, { columnId }),
        404,
        "not_found",
      );
      expectError(await call(other, "DELETE", `/api/workshop-notes/${id}`), 404, "not_found");
      expectError(
        await call(other, "POST", `/api/workshop-notes/${id}/convert`, {
          kind: "decision",
          level: "tactical",
        }),
        404,
        "not_found",
      );
    }
    // Nor grouped by others: to them it does not exist.
    const foreign = await call(ctx.cast.north.admin, "POST", ws(meetingId, "/groups"), {
      title: "G",
      noteIds: [notes[1]!.id],
    });
    expectError(foreign, 400, "invalid_input");
    expect(foreign.body.error.details).toEqual([
      { path: "noteIds.0", message: "not a note of this board" },
    ]);

    const revealed = await ok(facilitator, "PUT", ws(meetingId, "/phase"), { phase: "revealed" });
    expect(revealed.phase).toBe("revealed");
    expect(revealed.hidden).toEqual([]);
    expect(revealed.notes.map((n) => n.text)).toEqual(secrets);
    expect(revealed.notes.map((n) => n.revealed)).toEqual([true, true]);
    expect(revealed.notes[0]!.author.id).toBe(author.id);
    // Revealed, the note joins a group.
    const grouped = await ok(author, "PATCH", `/api/workshop-notes/${notes[0]!.id}`, {
      groupId: pooling.id,
    });
    expect(grouped.notes[0]!.groupId).toBe(pooling.id);

    // A new private phase hides only what is added in it.
    await ok(facilitator, "PUT", ws(meetingId, "/phase"), { phase: "private" });
    await addNote(ctx.cast.south.admin, meetingId, columnId, "Later idea");
    const later = await ok(ctx.cast.north.viewer, "GET", ws(meetingId));
    expect(later.notes.map((n) => n.text)).toEqual(secrets);
    expect(later.hidden).toEqual([{ organizationId: ctx.cast.south.id, count: 1 }]);
    const again = await ok(facilitator, "PUT", ws(meetingId, "/phase"), { phase: "revealed" });
    expect(again.notes.map((n) => n.text)).toEqual([...secrets, "Later idea"]);
  });

  it("lets editors add notes; the author edits the text, anyone moves revealed notes", async () => {
    const { meetingId, columnId } = await board();
    const view = await ok(facilitator, "PUT", ws(meetingId, "/columns"), {
      columns: [{ id: columnId, title: "Ideas" }, { title: "Risks" }],
    });
    const risks = view.columns[1]!.id;
    const author = ctx.cast.north.admin;
    const note = await addNote(author, meetingId, columnId, "  Joint pilot in Lyon  ");
    expect(note.text).toBe("Joint pilot in Lyon");

    for (const body of [
      { text: "", columnId },
      { text: "x".repeat(1001), columnId },
      { text: "Hi", columnId: "nosuchcolumn" },
      { text: "Hi", columnId, authorId: ctx.cast.south.admin.id },
    ]) {
      expectError(await call(author, "POST", ws(meetingId, "/notes"), body), 400, "invalid_input");
    }
    expectError(
      await call(ctx.cast.south.viewer, "POST", ws(meetingId, "/notes"), { text: "Hi", columnId }),
      403,
      "forbidden",
    );
    expectError(
      await call(outsider, "POST", ws(meetingId, "/notes"), { text: "Hi", columnId }),
      404,
      "not_found",
    );

    const path = `/api/workshop-notes/${note.id}`;
    const edited = await ok(author, "PATCH", path, { text: "Joint pilot in Lyon and Turin" });
    expect(edited.notes[0]!.text).toBe("Joint pilot in Lyon and Turin");
    expectError(await call(author, "PATCH", path, {}), 400, "invalid_input");
    expectError(
      await call(author, "PATCH", path, { columnId: "nosuchcolumn" }),
      400,
      "invalid_input",
    );

    await ok(facilitator, "PUT", ws(meetingId, "/phase"), { phase: "revealed" });
    const other = ctx.cast.south.editor;
    expectError(await call(other, "PATCH", path, { text: "Mine now" }), 403, "forbidden");
    expectError(
      await call(ctx.cast.south.viewer, "PATCH", path, { columnId: risks }),
      403,
      "forbidden",
    );
    const moved = await ok(other, "PATCH", path, { columnId: risks });
    expect(moved.notes[0]!.columnId).toBe(risks);

    // Deleting: the author or the facilitator.
    expectError(await call(other, "DELETE", path), 403, "forbidden");
    const second = await addNote(author, meetingId, columnId, "Second");
    await ok(author, "DELETE", `/api/workshop-notes/${second.id}`);
    const gone = await ok(facilitator, "DELETE", path);
    expect(gone.notes).toEqual([]);
    expectError(await call(author, "DELETE", path), 404, "not_found");
  });

  it("groups notes, renames and deletes groups (their notes stay, ungrouped)", async () => {
    const { meetingId, columnId } = await board();
    await ok(facilitator, "PUT", ws(meetingId, "/phase"), { phase: "revealed" });
    const a = await addNote(ctx.cast.north.admin, meetingId, columnId, "Shared depot");
    const b = await addNote(ctx.cast.south.admin, meetingId, columnId, "Shared trucks");
    let view = await ok(
      ctx.cast.south.editor,
      "POST",
      ws(meetingId, "/groups"),
      {
        title: "Pooling",
        noteIds: [a.id, b.id],
      },
      201,
    );
    const group = view.groups[0]!;
    expect(view.notes.map((n) => n.groupId)).toEqual([group.id, group.id]);
    expectError(
      await call(ctx.cast.south.editor, "POST", ws(meetingId, "/groups"), {
        title: "X",
        noteIds: ["nosuchnote"],
      }),
      400,
      "invalid_input",
    );
    expectError(
      await call(ctx.cast.north.viewer, "POST", ws(meetingId, "/groups"), {
        title: "X",
        noteIds: [],
      }),
      403,
      "forbidden",
    );
    view = await ok(ctx.cast.north.admin, "PATCH", `/api/workshop-groups/${group.id}`, {
      title: "Pooling assets",
    });
    expect(view.groups[0]!.title).toBe("Pooling assets");
    expectError(
      await call(ctx.cast.north.viewer, "PATCH", `/api/workshop-groups/${group.id}`, {
        title: "No",
      }),
      403,
      "forbidden",
    );
    expectError(
      await call(outsider, "PATCH", `/api/workshop-groups/${group.id}`, { title: "No" }),
      404,
      "not_found",
    );
    // Moving a note out of its group and back.
    view = await ok(ctx.cast.south.editor, "PATCH", `/api/workshop-notes/${a.id}`, {
      groupId: null,
    });
    expect(view.notes.find((n) => n.id === a.id)?.groupId).toBeNull();
    view = await ok(ctx.cast.south.editor, "PATCH", `/api/workshop-notes/${a.id}`, {
      groupId: group.id,
    });
    expect(view.notes.find((n) => n.id === a.id)?.groupId).toBe(group.id);
    expectError(
      await call(ctx.cast.south.editor, "PATCH", `/api/workshop-notes/${a.id}`, {
        groupId: "nosuchgroup",
      }),
      400,
      "invalid_input",
    );

    view = await ok(ctx.cast.south.editor, "DELETE", `/api/workshop-groups/${group.id}`);
    expect(view.groups).toEqual([]);
    expect(view.notes.map((n) => n.groupId)).toEqual([null, null]);
    expectError(
      await call(ctx.cast.south.editor, "DELETE", `/api/workshop-groups/${group.id}`),
      404,
      "not_found",
    );
  });

  it("runs the timer from the server's clock: start, pause, resume, extend, reset", async () => {
    const meetingId = await newMeeting();
    const timer = (body: unknown) => call(facilitator, "POST", ws(meetingId, "/timer"), body);

    expectError(await timer({ action: "pause" }), 409, "conflict");
    expectError(await timer({ action: "extend", seconds: 60 }), 409, "conflict");
    for (const body of [
      { action: "start", durationSeconds: 0 },
      { action: "start", durationSeconds: 1.5 },
      { action: "start" },
      { action: "extend", seconds: -5 },
      { action: "stop" },
    ]) {
      expectError(await timer(body), 400, "invalid_input");
    }

    const before = Date.now();
    let view = (await timer({ action: "start", durationSeconds: 600 })).body
      .workshop as WorkshopView;
    expect(view.timer).toEqual({
      status: "running",
      endsAt: expect.any(String),
      durationMs: 600_000,
    });
    const endsAt = Date.parse((view.timer as { endsAt: string }).endsAt);
    expect(endsAt).toBeGreaterThanOrEqual(before + 600_000);
    expect(endsAt).toBeLessThanOrEqual(Date.now() + 600_000);
    // Everyone sees the same end.
    const south = await ok(ctx.cast.south.viewer, "GET", ws(meetingId));
    expect(south.timer).toEqual(view.timer);

    view = (await timer({ action: "pause" })).body.workshop;
    expect(view.timer.status).toBe("paused");
    const remaining = (view.timer as { remainingMs: number }).remainingMs;
    expect(remaining).toBeGreaterThan(590_000);
    expect(remaining).toBeLessThanOrEqual(600_000);
    expectError(await timer({ action: "pause" }), 409, "conflict");

    view = (await timer({ action: "extend", seconds: 120 })).body.workshop;
    expect(view.timer).toEqual({
      status: "paused",
      remainingMs: remaining + 120_000,
      durationMs: 720_000,
    });

    const resumedAt = Date.now();
    view = (await timer({ action: "resume" })).body.workshop;
    expect(view.timer.status).toBe("running");
    const resumedEnd = Date.parse((view.timer as { endsAt: string }).endsAt);
    expect(resumedEnd).toBeGreaterThanOrEqual(resumedAt + remaining + 120_000);
    expect(resumedEnd).toBeLessThanOrEqual(Date.now() + remaining + 120_000);
    expectError(await timer({ action: "resume" }), 409, "conflict");

    view = (await timer({ action: "extend", seconds: 30 })).body.workshop;
    expect(Date.parse((view.timer as { endsAt: string }).endsAt)).toBe(resumedEnd + 30_000);
    expect((view.timer as { durationMs: number }).durationMs).toBe(750_000);

    view = (await timer({ action: "reset" })).body.workshop;
    expect(view.timer).toEqual({ status: "idle" });
  });

  it("takes dots within the budget on revealed notes and groups, shows each voter only theirs", async () => {
    const { meetingId, columnId } = await board();
    const visible = await addNote(
      ctx.cast.north.admin,
      meetingId,
      columnId,
      "Visible after reveal",
    );
    await ok(facilitator, "PUT", ws(meetingId, "/phase"), { phase: "revealed" });
    const second = await addNote(ctx.cast.south.admin, meetingId, columnId, "Second idea");
    const group = (
      await ok(
        ctx.cast.south.admin,
        "POST",
        ws(meetingId, "/groups"),
        { title: "Cluster", noteIds: [] },
        201,
      )
    ).groups[0]!;
    await ok(facilitator, "PUT", ws(meetingId, "/phase"), { phase: "private" });
    const hidden = await addNote(ctx.cast.south.editor, meetingId, columnId, "Still hidden");
    const myVotes = (user: TestUser, votes: Record<string, number>) =>
      call(user, "PUT", ws(meetingId, "/my-votes"), { votes });

    // Not open yet.
    expectError(await myVotes(ctx.cast.north.admin, { [visible.id]: 1 }), 409, "conflict");
    const opened = await ok(facilitator, "POST", ws(meetingId, "/vote"), {
      action: "open",
      votesPerPerson: 3,
    });
    expect(opened.vote).toEqual({ status: "open", votesPerPerson: 3, myVotes: {}, voterCount: 0 });
    expectError(
      await call(facilitator, "POST", ws(meetingId, "/vote"), {
        action: "open",
        votesPerPerson: 3,
      }),
      409,
      "conflict",
    );

    expectError(
      await myVotes(ctx.cast.north.admin, { [visible.id]: 2, [second.id]: 2 }),
      400,
      "invalid_input",
    );
    expectError(await myVotes(ctx.cast.south.editor, { [hidden.id]: 1 }), 400, "invalid_input");
    expectError(await myVotes(ctx.cast.north.admin, { nosuchnote: 1 }), 400, "invalid_input");
    expectError(await myVotes(ctx.cast.north.admin, { [visible.id]: -1 }), 400, "invalid_input");
    expectError(await myVotes(ctx.cast.north.viewer, { [visible.id]: 1 }), 403, "forbidden");
    expectError(await myVotes(outsider, { [visible.id]: 1 }), 404, "not_found");

    let mine = (await myVotes(ctx.cast.north.admin, { [visible.id]: 2, [group.id]: 1 })).body
      .workshop;
    expect(mine.vote).toEqual({
      status: "open",
      votesPerPerson: 3,
      myVotes: { [visible.id]: 2, [group.id]: 1 },
      voterCount: 1,
    });
    // Replacing, not adding.
    mine = (await myVotes(ctx.cast.north.admin, { [visible.id]: 1, [group.id]: 1 })).body.workshop;
    expect(mine.vote.myVotes).toEqual({ [visible.id]: 1, [group.id]: 1 });
    await myVotes(ctx.cast.south.admin, { [second.id]: 3 });
    await myVotes(ctx.cast.south.editor, { [group.id]: 1 });

    // Another voter sees a count, never anyone's dots.
    const theirs = await call(ctx.cast.north.editor, "GET", ws(meetingId));
    expect(theirs.body.workshop.vote).toEqual({
      status: "open",
      votesPerPerson: 3,
      myVotes: {},
      voterCount: 3,
    });
    for (const voter of [ctx.cast.north.admin, ctx.cast.south.admin, ctx.cast.south.editor]) {
      expect(JSON.stringify(theirs.body.workshop.vote)).not.toContain(voter.id);
    }

    const closed = await call(facilitator, "POST", ws(meetingId, "/vote"), { action: "close" });
    expect(closed.status).toBe(200);
    expect(closed.body.workshop.vote).toEqual({
      status: "closed",
      votesPerPerson: 3,
      myVotes: {},
      voterCount: 3,
      results: [
        { target: { kind: "note", id: second.id }, votes: 3 },
        { target: { kind: "group", id: group.id }, votes: 2 },
        { target: { kind: "note", id: visible.id }, votes: 1 },
      ],
    });
    // Not even after the close: who voted for what never shows.
    const raw = JSON.stringify(closed.body.workshop.vote);
    for (const voter of [ctx.cast.north.admin, ctx.cast.south.admin, ctx.cast.south.editor]) {
      expect(raw).not.toContain(voter.id);
    }
    expect(
      (await call(ctx.cast.north.admin, "GET", ws(meetingId))).body.workshop.vote.myVotes,
    ).toEqual({
      [visible.id]: 1,
      [group.id]: 1,
    });
    expectError(await myVotes(ctx.cast.north.admin, { [visible.id]: 1 }), 409, "conflict");
    expectError(
      await call(facilitator, "POST", ws(meetingId, "/vote"), { action: "close" }),
      409,
      "conflict",
    );
    expectError(
      await call(facilitator, "POST", ws(meetingId, "/vote"), {
        action: "open",
        votesPerPerson: 2,
      }),
      409,
      "conflict",
    );

    const reset = await ok(facilitator, "POST", ws(meetingId, "/vote"), { action: "reset" });
    expect(reset.vote).toEqual({ status: "none" });
    const reopened = await ok(facilitator, "POST", ws(meetingId, "/vote"), {
      action: "open",
      votesPerPerson: 1,
    });
    expect(reopened.vote).toEqual({
      status: "open",
      votesPerPerson: 1,
      myVotes: {},
      voterCount: 0,
    });
  });

  it("ranks ties by creation order at close", async () => {
    const { meetingId, columnId } = await board();
    await ok(facilitator, "PUT", ws(meetingId, "/phase"), { phase: "revealed" });
    const first = await addNote(ctx.cast.north.admin, meetingId, columnId, "First");
    const later = await addNote(ctx.cast.north.admin, meetingId, columnId, "Later");
    await ok(facilitator, "POST", ws(meetingId, "/vote"), { action: "open", votesPerPerson: 2 });
    await ok(ctx.cast.south.admin, "PUT", ws(meetingId, "/my-votes"), { votes: { [later.id]: 1 } });
    await ok(ctx.cast.north.admin, "PUT", ws(meetingId, "/my-votes"), { votes: { [first.id]: 1 } });
    const closed = await ok(facilitator, "POST", ws(meetingId, "/vote"), { action: "close" });
    expect(closed.vote.status === "closed" && closed.vote.results).toEqual([
      { target: { kind: "note", id: first.id }, votes: 1 },
      { target: { kind: "note", id: later.id }, votes: 1 },
    ]);
  });

  describe("conversion", () => {
    let objectiveId: string;

    beforeAll(async () => {
      await changeDocument(
        ctx.harness.store,
        formatDocumentName({ kind: "objectives", partnershipId: ctx.cast.partnershipId }),
        (doc) => {
          objectiveId = addObjective(
            doc,
            {
              title: "Cold chain",
              ownerOrganizationIds: [ctx.cast.north.id],
              governanceLevel: "tactical",
            },
            { userId: ctx.cast.north.admin.id, organizationId: ctx.cast.north.id },
          );
        },
      );
    });

    async function read(kind: "objectives" | "issues" | "decisions") {
      return ctx.harness.services.documents.readDocument(
        formatDocumentName({ kind, partnershipId: ctx.cast.partnershipId }),
      );
    }

    /** The server's stamp on the newest stored update of a document. */
    async function lastStamp(kind: "objectives" | "issues" | "decisions") {
      return ctx.harness.store.db
        .selectFrom("document_updates")
        .select(["user_id", "organization_id"])
        .where(
          "document_name",
          "=",
          formatDocumentName({ kind, partnershipId: ctx.cast.partnershipId }),
        )
        .orderBy("id", "desc")
        .executeTakeFirstOrThrow();
    }

    async function revealedBoard(texts: string[]) {
      const { meetingId, columnId } = await board();
      await ok(facilitator, "PUT", ws(meetingId, "/phase"), { phase: "revealed" });
      const notes = [];
      for (const text of texts)
        notes.push(await addNote(ctx.cast.south.admin, meetingId, columnId, text));
      return { meetingId, columnId, notes };
    }

    it("turns a note into an action under an objective, stamped with the caller, once", async () => {
      const { meetingId, notes } = await revealedBoard(["Pilot the Lyon route next month"]);
      const path = `/api/workshop-notes/${notes[0]!.id}/convert`;
      const body = {
        kind: "action",
        objectiveId,
        ownerOrganizationId: ctx.cast.south.id,
        dueDate: "2027-01-15",
      };
      const converted = await call(ctx.cast.south.editor, "POST", path, body);
      expect(converted.status, JSON.stringify(converted.body)).toBe(201);
      const itemId = converted.body.item.id as string;
      expect(converted.body.item).toEqual({ kind: "action", id: itemId });
      expect(converted.body.workshop.notes[0].conversion).toEqual({
        kind: "action",
        itemId,
        convertedBy: { id: ctx.cast.south.editor.id, name: ctx.cast.south.editor.name },
        convertedAt: expect.any(String),
      });

      const doc = await read("objectives");
      const objective = readValues(readObjectives(doc)).find((o) => o.id === objectiveId)!;
      expect(readValues(objective.actions)).toEqual([
        expect.objectContaining({
          id: itemId,
          title: "Pilot the Lyon route next month",
          ownerOrganizationId: ctx.cast.south.id,
          dueDate: "2027-01-15",
          status: "todo",
          meetingId,
          createdBy: ctx.cast.south.editor.id,
          organizationId: ctx.cast.south.id,
        }),
      ]);
      expect(await lastStamp("objectives")).toEqual({
        user_id: ctx.cast.south.editor.id,
        organization_id: ctx.cast.south.id,
      });

      expectError(await call(ctx.cast.north.admin, "POST", path, body), 409, "conflict");
      const again = await read("objectives");
      expect(readValues(readValues(readObjectives(again))[0]!.actions)).toHaveLength(1);
    });

    it("refuses an unknown objective or a partner outside the partnership, and converts nothing", async () => {
      const { meetingId, notes } = await revealedBoard(["Needs an owner"]);
      const path = `/api/workshop-notes/${notes[0]!.id}/convert`;
      expectError(
        await call(ctx.cast.north.admin, "POST", path, {
          kind: "action",
          objectiveId: "nosuchobjective",
          ownerOrganizationId: ctx.cast.north.id,
        }),
        400,
        "invalid_input",
      );
      const outsiderOrganization = (
        await ctx.harness.request("GET", "/api/me", { cookie: outsider.cookie })
      ).body.organizations[0].id as string;
      for (const body of [
        { kind: "action", objectiveId, ownerOrganizationId: outsiderOrganization },
        { kind: "issue", ownerOrganizationId: outsiderOrganization },
        { kind: "action", ownerOrganizationId: ctx.cast.north.id },
        { kind: "issue", ownerOrganizationId: ctx.cast.north.id, severity: "apocalyptic" },
        { kind: "decision", level: "galactic" },
        { kind: "decision", level: "strategic", title: "x".repeat(FIELD_LIMITS.title + 1) },
        {
          kind: "action",
          objectiveId,
          ownerOrganizationId: ctx.cast.north.id,
          dueDate: "2026-02-30",
        },
        { kind: "task" },
      ]) {
        expectError(await call(ctx.cast.north.admin, "POST", path, body), 400, "invalid_input");
      }
      expectError(
        await call(ctx.cast.north.viewer, "POST", path, { kind: "decision", level: "strategic" }),
        403,
        "forbidden",
      );
      expectError(
        await call(outsider, "POST", path, { kind: "decision", level: "strategic" }),
        404,
        "not_found",
      );
      const view = await ok(ctx.cast.north.admin, "GET", ws(meetingId));
      expect(view.notes[0]!.conversion).toBeNull();
      // Still convertible after the refusals.
      const converted = await call(ctx.cast.north.admin, "POST", path, {
        kind: "issue",
        ownerOrganizationId: ctx.cast.north.id,
        severity: "high",
      });
      expect(converted.status).toBe(201);
    });

    it("turns a group into an issue and a note into a proposed decision, linked to the meeting", async () => {
      const { meetingId, notes } = await revealedBoard(["Customs forms differ", "Two VAT regimes"]);
      const group = (
        await ok(
          ctx.cast.north.admin,
          "POST",
          ws(meetingId, "/groups"),
          {
            title: "Cross-border paperwork",
            noteIds: notes.map((n) => n.id),
          },
          201,
        )
      ).groups[0]!;
      const issue = await call(
        ctx.cast.north.admin,
        "POST",
        `/api/workshop-groups/${group.id}/convert`,
        {
          kind: "issue",
          ownerOrganizationId: ctx.cast.north.id,
        },
      );
      expect(issue.status, JSON.stringify(issue.body)).toBe(201);
      expect(issue.body.workshop.groups[0].conversion).toMatchObject({
        kind: "issue",
        itemId: issue.body.item.id,
      });
      expect(
        readValues(readIssues(await read("issues"))).find((i) => i.id === issue.body.item.id),
      ).toMatchObject({
        kind: "issue",
        title: "Cross-border paperwork",
        description: "- Customs forms differ\n- Two VAT regimes",
        severity: "medium",
        ownerOrganizationId: ctx.cast.north.id,
        raisedBy: ctx.cast.north.admin.id,
        meetingId,
      });
      expectError(
        await call(ctx.cast.north.admin, "POST", `/api/workshop-groups/${group.id}/convert`, {
          kind: "decision",
          level: "strategic",
        }),
        409,
        "conflict",
      );

      const decision = await call(
        ctx.cast.south.editor,
        "POST",
        `/api/workshop-notes/${notes[1]!.id}/convert`,
        {
          kind: "decision",
          level: "strategic",
          title: "Adopt one VAT process",
        },
      );
      expect(decision.status).toBe(201);
      expect(
        readValues(readDecisions(await read("decisions"))).find(
          (d) => d.id === decision.body.item.id,
        ),
      ).toMatchObject({
        title: "Adopt one VAT process",
        context: "Two VAT regimes",
        governanceLevel: "strategic",
        status: "proposed",
        proposedBy: ctx.cast.south.editor.id,
        organizationId: ctx.cast.south.id,
        meetingId,
      });
      expect(await lastStamp("decisions")).toEqual({
        user_id: ctx.cast.south.editor.id,
        organization_id: ctx.cast.south.id,
      });
    });

    it("lets a claim abandoned over five minutes ago be taken again, never a recent one", async () => {
      const { meetingId, notes } = await revealedBoard(["Claimed before a crash", "Being claimed"]);
      // What a server that stopped between claiming and writing the item leaves behind.
      const forgeClaim = (noteId: string, ageMs: number) =>
        ctx.harness.store.db
          .updateTable("workshop_notes")
          .set({
            conversion_kind: "issue",
            conversion_item_id: "",
            converted_by_user_id: ctx.cast.north.admin.id,
            converted_at: Date.now() - ageMs,
          })
          .where("id", "=", noteId)
          .execute();
      await forgeClaim(notes[0]!.id, 6 * 60_000);
      await forgeClaim(notes[1]!.id, 60_000);
      const before = await ok(ctx.cast.south.editor, "GET", ws(meetingId));
      expect(before.notes.map((n) => n.conversion)).toEqual([null, null]);

      const convert = (noteId: string) =>
        call(ctx.cast.south.editor, "POST", `/api/workshop-notes/${noteId}/convert`, {
          kind: "decision",
          level: "tactical",
        });
      // A claim a minute old may still be writing its item.
      expectError(await convert(notes[1]!.id), 409, "conflict");
      const converted = await convert(notes[0]!.id);
      expect(converted.status, JSON.stringify(converted.body)).toBe(201);
      const itemId = converted.body.item.id as string;
      expect(converted.body.workshop.notes[0].conversion).toEqual({
        kind: "decision",
        itemId,
        convertedBy: { id: ctx.cast.south.editor.id, name: ctx.cast.south.editor.name },
        convertedAt: expect.any(String),
      });
      expect(
        readValues(readDecisions(await read("decisions"))).find((d) => d.id === itemId),
      ).toMatchObject({ title: "Claimed before a crash", meetingId });
      // Converted for good now.
      expectError(await convert(notes[0]!.id), 409, "conflict");
    });

    it("refuses to convert a note still hidden (its author alone sees it)", async () => {
      const { meetingId, columnId } = await board();
      const note = await addNote(ctx.cast.south.admin, meetingId, columnId, "Secret plan");
      expectError(
        await call(ctx.cast.south.admin, "POST", `/api/workshop-notes/${note.id}/convert`, {
          kind: "decision",
          level: "tactical",
        }),
        409,
        "conflict",
      );
    });
  });
});
