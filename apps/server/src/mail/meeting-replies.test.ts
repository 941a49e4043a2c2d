import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import type { LiveUser } from "../test/live-server.js";
import {
  emailOf,
  expectRefusal,
  REPLY_ADDRESSES,
  sendToReplyListener,
  useMailingServer,
} from "../test/mail-fixture.js";
import { ReplyAddresses } from "./reply-addresses.js";

const doc = (text: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});

describe("reply by e-mail to a meeting's e-mails", () => {
  const ctx = useMailingServer({ maxBytes: 32 * 1024 });
  let meetingId: string;

  /** Sends `text` by e-mail to the reply listener: null once taken, else the refusal. */
  const send = (from: string, to: string, text: string) =>
    sendToReplyListener(ctx.live, { envelopeFrom: from, to, subject: "Re: Invitation", text });

  const refused = async (from: string, to: string, why: RegExp) =>
    expectRefusal(await send(from, to, "Count me in."), why);

  const meeting = async () =>
    (await ctx.live.api("GET", `/api/meetings/${meetingId}`, undefined, ctx.cast.north.cookie)).body
      .meeting as { discussionPostId?: string };

  const postCount = async () =>
    (
      await ctx.live.server.store.db
        .selectFrom("posts")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("partnership_id", "=", ctx.cast.partnershipId)
        .executeTakeFirstOrThrow()
    ).n;

  const replyCount = async (postId: string) =>
    (
      await ctx.live.server.store.db
        .selectFrom("replies")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("post_id", "=", postId)
        .executeTakeFirstOrThrow()
    ).n;

  /** An address as the invitation e-mails carry them (also for people they carry none for). */
  const addressFor = (user: LiveUser, id = meetingId) =>
    new ReplyAddresses(ctx.live.server.store.db, { ...REPLY_ADDRESSES }).addressFor(
      user.id,
      ctx.cast.partnershipId,
      { kind: "meeting", meetingId: id },
    );

  const schedule = async (title: string, participantIds: string[]) => {
    const scheduled = await ctx.live.api(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/meetings`,
      {
        title,
        kind: "steering_committee",
        level: "strategic",
        startsAt: "2026-12-10T09:00:00Z",
        durationMinutes: 60,
        timeZone: "Europe/Paris",
        participantIds,
      },
      ctx.cast.north.cookie,
    );
    expect(scheduled.status).toBe(201);
    return scheduled.body.meeting.id as string;
  };

  it("gives editors and admins a reply address on the invitation e-mail, viewers none", async () => {
    await ctx.live.api(
      "PUT",
      "/api/me/notification-preferences",
      { language: "fr" },
      ctx.cast.south.cookie,
    );
    meetingId = await schedule("Steering committee", [ctx.cast.south.id, ctx.cast.northViewer.id]);
    await ctx.sink.waitFor(3);
    await ctx.live.server.services.meetingInvitations.idle();
    const nora = await emailOf(ctx.live, ctx.cast.north);
    const sam = await emailOf(ctx.live, ctx.cast.south);
    const viewer = await emailOf(ctx.live, ctx.cast.northViewer);
    const invitationTo = async (email: string) => {
      const mail = ctx.sink.received.find((m) => m.to.includes(email))!;
      return { mail, parsed: await simpleParser(mail.raw) };
    };
    const toNora = await invitationTo(nora);
    const toSam = await invitationTo(sam);
    const toViewer = await invitationTo(viewer);
    const pattern = new RegExp(
      `^reply\\+[a-z0-9-]+@${REPLY_ADDRESSES.domain.replace(/\./g, "\\.")}$`,
    );
    expect(toNora.parsed.replyTo?.value[0]?.address).toMatch(pattern);
    expect(toNora.parsed.text).toContain(
      "Reply to this e-mail to discuss the meeting in the partnership’s updates.",
    );
    expect(toSam.parsed.replyTo?.value[0]?.address).toMatch(pattern);
    expect(toSam.parsed.text).toContain(
      "Répondez à cet e-mail pour en discuter dans les actualités du partenariat.",
    );
    expect(toViewer.parsed.replyTo).toBeUndefined();
    expect(toViewer.parsed.text).not.toContain("Reply to this e-mail");
    // Each reader has an address of their own.
    expect(toNora.parsed.replyTo?.value[0]?.address).not.toBe(
      toSam.parsed.replyTo?.value[0]?.address,
    );
  });

  it("starts the meeting's discussion with the first reply, live, and makes the next one a reply to it", async () => {
    const events = await ctx.openEventStream(
      `/api/partnerships/${ctx.cast.partnershipId}/events`,
      ctx.cast.south,
    );
    expect((await meeting()).discussionPostId).toBeUndefined();

    const nora = await emailOf(ctx.live, ctx.cast.north);
    const noraAddress = (
      await simpleParser(ctx.sink.received.find((m) => m.to.includes(nora))!.raw)
    ).replyTo!.value[0]!.address!;
    expect(
      await send(
        nora,
        noraAddress,
        "Shall we start with the budget?\n\nOn Mon, 7 Dec 2026, Entente wrote:\n> Invitation",
      ),
    ).toBeNull();
    const created = await events.nextEvent<{
      type: string;
      post?: { id: string; title: string; author: { id: string }; body: unknown };
    }>((e) => e.type === "post.created");
    expect(created.post).toMatchObject({
      title: "Re: Steering committee",
      author: { id: ctx.cast.north.id, organizationId: ctx.cast.northOrg },
      body: doc("Shall we start with the budget?"),
    });
    const postId = created.post!.id;
    await events.nextEvent<{ type: string; meetingId?: string }>(
      (e) => e.type === "meeting.changed" && e.meetingId === meetingId,
    );
    expect((await meeting()).discussionPostId).toBe(postId);

    const sam = await emailOf(ctx.live, ctx.cast.south);
    const samAddress = (await simpleParser(ctx.sink.received.find((m) => m.to.includes(sam))!.raw))
      .replyTo!.value[0]!.address!;
    expect(await send(sam, samAddress, "D’accord, le budget d’abord.")).toBeNull();
    const replied = await events.nextEvent<{
      type: string;
      reply?: { postId: string; author: { id: string }; body: unknown };
    }>((e) => e.type === "reply.created");
    expect(replied.reply).toMatchObject({
      postId,
      author: { id: ctx.cast.south.id, organizationId: ctx.cast.southOrg },
      body: doc("D’accord, le budget d’abord."),
    });
    const thread = await ctx.live.api(
      "GET",
      `/api/posts/${postId}`,
      undefined,
      ctx.cast.north.cookie,
    );
    expect(thread.body.post.title).toBe("Re: Steering committee");
    expect(thread.body.replies).toHaveLength(1);
  });

  it("refuses a viewer, a removed member and a forged address with a 5xx, posting nothing", async () => {
    const postId = (await meeting()).discussionPostId!;
    const postsBefore = await postCount();
    const repliesBefore = await replyCount(postId);

    await refused(
      await emailOf(ctx.live, ctx.cast.northViewer),
      await addressFor(ctx.cast.northViewer),
      /Only an editor or admin can reply/,
    );

    const eve = await ctx.live.joinByInvitation(
      ctx.cast.partnershipId,
      ctx.cast.north,
      "Eve Editor",
      "member",
      "editor",
    );
    const eveAddress = await addressFor(eve);
    expect((await ctx.live.removeMember(ctx.cast.partnershipId, eve, ctx.cast.north)).status).toBe(
      204,
    );
    await refused(await emailOf(ctx.live, eve), eveAddress, /cannot reply there any more/);

    const nora = await emailOf(ctx.live, ctx.cast.north);
    const [local, domain] = (await addressFor(ctx.cast.north)).split("@") as [string, string];
    const forged = `${local.slice(0, -1)}${local.endsWith("a") ? "b" : "a"}@${domain}`;
    await refused(nora, forged, /not valid/);
    // Another user's address, sent from Nora's mailbox.
    await refused(nora, await addressFor(ctx.cast.south), /belongs to someone else/);

    expect(await postCount()).toBe(postsBefore);
    expect(await replyCount(postId)).toBe(repliesBefore);
  });

  it("starts a new discussion when its post was deleted", async () => {
    const first = (await meeting()).discussionPostId!;
    const deleted = await ctx.live.api(
      "DELETE",
      `/api/posts/${first}`,
      undefined,
      ctx.cast.north.cookie,
    );
    expect(deleted.status).toBe(204);
    expect((await meeting()).discussionPostId).toBeUndefined();

    const sam = await emailOf(ctx.live, ctx.cast.south);
    expect(await send(sam, await addressFor(ctx.cast.south), "On reprend ici.")).toBeNull();
    const second = (await meeting()).discussionPostId;
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    const thread = await ctx.live.api(
      "GET",
      `/api/posts/${second}`,
      undefined,
      ctx.cast.north.cookie,
    );
    // In the language of the one who started it.
    expect(thread.body.post).toMatchObject({
      title: "Re : Steering committee",
      author: { id: ctx.cast.south.id },
      body: doc("On reprend ici."),
    });
  });

  it("refuses a reply to a deleted meeting with a 550 that says so", async () => {
    const goneId = await schedule("Cancelled review", []);
    const address = await addressFor(ctx.cast.north, goneId);
    const deleted = await ctx.live.api(
      "DELETE",
      `/api/meetings/${goneId}`,
      undefined,
      ctx.cast.north.cookie,
    );
    expect(deleted.status).toBe(204);
    const postsBefore = await postCount();
    await refused(await emailOf(ctx.live, ctx.cast.north), address, /The meeting was deleted/);
    expect(await postCount()).toBe(postsBefore);
  });
});
