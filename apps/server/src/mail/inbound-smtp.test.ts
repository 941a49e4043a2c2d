import net from "node:net";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LiveServer } from "../test/live-server.js";
import {
  DAY,
  emailOf,
  expectRefusal,
  REPLY_ADDRESSES,
  sendToReplyListener,
  useMailingServer,
  type ReplyMail,
} from "../test/mail-fixture.js";
import { ReplyAddresses } from "./reply-addresses.js";

const MAX_BYTES = 32 * 1024;

const doc = (text: string) => ({
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text }] }],
});

describe("reply by e-mail", () => {
  const ctx = useMailingServer({ maxBytes: MAX_BYTES });
  let postId: string;

  /** Sends `mail` as an answer in the thread: null once taken, else the refusal. */
  const send = (mail: Omit<ReplyMail, "subject">) =>
    sendToReplyListener(ctx.live, { subject: "Re: the thread", ...mail });

  /** Sends `mail` and expects the listener to refuse it with a 5xx reply saying `why`. */
  const refused = async (mail: Omit<ReplyMail, "subject">, why: RegExp, code = 550) =>
    expectRefusal(await send(mail), why, code);

  const thread = async () =>
    (await ctx.live.api("GET", `/api/posts/${postId}`, undefined, ctx.cast.north.cookie)).body as {
      replies: { author: { id: string }; body: unknown }[];
    };

  /** The reply address of the next notification e-mail the sink receives for `to`. */
  const nextReplyTo = async (count: number, to: string) => {
    const mails = await ctx.sink.waitFor(count);
    const mail = mails.findLast((m) => m.to.includes(to))!;
    const parsed = await simpleParser(mail.raw);
    return { address: parsed.replyTo?.value[0]?.address ?? "", text: mail.text };
  };

  beforeAll(async () => {
    const posted = await ctx.live.api(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/posts`,
      { title: "Pilot started", body: doc("Shall we ship on Friday?"), tag: "information" },
      ctx.cast.north.cookie,
    );
    postId = posted.body.post.id as string;
  });

  it("posts a reply sent from the notification e-mail as the user's reply, live, without the quote and signature", async () => {
    const events = await ctx.openEventStream(
      `/api/partnerships/${ctx.cast.partnershipId}/events`,
      ctx.cast.south,
    );

    // Sam answers on the web; Nora, the post's author, gets an e-mail she can answer.
    await ctx.live.api(
      "POST",
      `/api/posts/${postId}/replies`,
      { body: doc("Bravo") },
      ctx.cast.south.cookie,
    );
    const nora = await emailOf(ctx.live, ctx.cast.north);
    const { address, text } = await nextReplyTo(1, nora);
    expect(address).toMatch(
      new RegExp(`^reply\\+[a-z0-9-]+@${REPLY_ADDRESSES.domain.replace(/\./g, "\\.")}$`),
    );
    expect(address.split("@")[0]!.length).toBeLessThanOrEqual(64);
    expect(text).toContain("Reply to this e-mail to answer in the thread.");

    expect(
      await send({
        envelopeFrom: nora,
        to: address,
        text: [
          "Yes, Friday it is.",
          "",
          "-- ",
          "Nora North",
          "Northwind",
          "",
          "On Mon, 7 Dec 2026 at 10:00, Entente <entente@entente.test> wrote:",
          "> Sam South replied to your post “Pilot started”",
        ].join("\n"),
      }),
    ).toBeNull();

    const created = await events.nextEvent<{ type: string; reply: { author: { id: string } } }>(
      (e) => e.type === "reply.created" && e.reply.author.id === ctx.cast.north.id,
    );
    expect(created.reply).toMatchObject({ body: doc("Yes, Friday it is.") });
    const { replies } = await thread();
    expect(replies.at(-1)).toMatchObject({
      author: { id: ctx.cast.north.id, organizationId: ctx.cast.northOrg },
      body: doc("Yes, Friday it is."),
    });
  });

  it("posts an answer to a comment thread's e-mail in that thread, cutting the French quote header", async () => {
    await ctx.live.api(
      "PUT",
      "/api/me/notification-preferences",
      { language: "fr" },
      ctx.cast.south.cookie,
    );
    const opened = await ctx.live.api(
      "POST",
      `/api/partnerships/${ctx.cast.partnershipId}/comment-threads`,
      { target: { kind: "action", id: "action1" }, body: doc("Qui signe le NDA ?") },
      ctx.cast.south.cookie,
    );
    expect(opened.status).toBe(201);
    const threadId = opened.body.thread.id as string;
    const before = ctx.sink.received.length;
    await ctx.live.api(
      "POST",
      `/api/comment-threads/${threadId}/comments`,
      { body: doc("Northwind signs.") },
      ctx.cast.north.cookie,
    );
    const sam = await emailOf(ctx.live, ctx.cast.south);
    const { address, text } = await nextReplyTo(before + 1, sam);
    expect(text).toContain("Répondez à cet e-mail pour répondre dans le fil.");

    expect(
      await send({
        envelopeFrom: sam,
        to: address,
        text: [
          "Parfait, merci.",
          "",
          "Le lun. 7 déc. 2026 à 10:00, Entente <entente@entente.test> a écrit :",
          "Nora North a répondu à votre fil de commentaires",
        ].join("\n"),
        html: "<p>Parfait, merci.</p><blockquote>Nora North a répondu…</blockquote>",
      }),
    ).toBeNull();
    const view = await ctx.live.api(
      "GET",
      `/api/comment-threads/${threadId}`,
      undefined,
      ctx.cast.south.cookie,
    );
    expect(view.body.thread.comments.at(-1)).toMatchObject({
      author: { id: ctx.cast.south.id, organizationId: ctx.cast.southOrg },
      body: doc("Parfait, merci."),
    });
  });

  describe("refusals, each a 5xx at SMTP time with nothing posted", () => {
    let nora: string;
    let sam: string;
    let address: string;
    let repliesBefore: number;
    const addresses = (now = Date.now()) =>
      new ReplyAddresses(ctx.live.server.store.db, { ...REPLY_ADDRESSES, now: () => now });

    beforeAll(async () => {
      nora = await emailOf(ctx.live, ctx.cast.north);
      sam = await emailOf(ctx.live, ctx.cast.south);
      address = await addresses().addressFor(ctx.cast.north.id, ctx.cast.partnershipId, {
        kind: "post",
        postId,
      });
      repliesBefore = (await thread()).replies.length;
    });

    afterAll(async () => {
      // Nothing any refused message said made it into the thread.
      expect((await thread()).replies).toHaveLength(repliesBefore);
    });

    it("refuses an address it did not issue, or one altered", async () => {
      const [local, domain] = address.split("@") as [string, string];
      const forged = `${local.slice(0, -1)}${local.endsWith("a") ? "b" : "a"}@${domain}`;
      await refused({ envelopeFrom: nora, to: forged, text: "Hi" }, /not valid/);
      await refused(
        { envelopeFrom: nora, to: `someone@${REPLY_ADDRESSES.domain}`, text: "Hi" },
        /No such mailbox/,
      );
    });

    it("refuses an expired address", async () => {
      const old = await addresses(Date.now() - 2 * DAY).addressFor(
        ctx.cast.north.id,
        ctx.cast.partnershipId,
        { kind: "post", postId },
      );
      await refused({ envelopeFrom: nora, to: old, text: "Late answer" }, /expired/);
    });

    it("refuses another sender, by envelope or by From header", async () => {
      await refused(
        { envelopeFrom: sam, to: address, text: "Not mine" },
        /belongs to someone else/,
      );
      await refused(
        { envelopeFrom: nora, from: sam, to: address, text: "Not mine" },
        /From: address/,
      );
    });

    it("refuses a member who was removed, and a viewer", async () => {
      const eve = await ctx.live.joinByInvitation(
        ctx.cast.partnershipId,
        ctx.cast.north,
        "Eve Editor",
        "member",
        "editor",
      );
      const eveAddress = await addresses().addressFor(eve.id, ctx.cast.partnershipId, {
        kind: "post",
        postId,
      });
      expect(
        (await ctx.live.removeMember(ctx.cast.partnershipId, eve, ctx.cast.north)).status,
      ).toBe(204);
      await refused(
        { envelopeFrom: await emailOf(ctx.live, eve), to: eveAddress, text: "Still here?" },
        /cannot reply there any more/,
      );
      const viewerAddress = await addresses().addressFor(
        ctx.cast.northViewer.id,
        ctx.cast.partnershipId,
        {
          kind: "post",
          postId,
        },
      );
      await refused(
        {
          envelopeFrom: await emailOf(ctx.live, ctx.cast.northViewer),
          to: viewerAddress,
          text: "Me too",
        },
        /Only an editor or admin can reply/,
      );
    });

    it("refuses an answer to a post deleted since", async () => {
      const gone = await ctx.live.api(
        "POST",
        `/api/partnerships/${ctx.cast.partnershipId}/posts`,
        { title: "Draft", body: doc("To be deleted"), tag: "information" },
        ctx.cast.north.cookie,
      );
      const goneId = gone.body.post.id as string;
      const goneAddress = await addresses().addressFor(ctx.cast.north.id, ctx.cast.partnershipId, {
        kind: "post",
        postId: goneId,
      });
      await ctx.live.api("DELETE", `/api/posts/${goneId}`, undefined, ctx.cast.north.cookie);
      await refused(
        { envelopeFrom: nora, to: goneAddress, text: "Answer" },
        /cannot reply there any more: The post was deleted/,
      );
    });

    it("refuses an automatic reply (out of office)", async () => {
      await refused(
        {
          envelopeFrom: nora,
          to: address,
          text: "I am out of the office until Monday.",
          headers: { "Auto-Submitted": "auto-replied" },
        },
        /Automatic replies/,
      );
    });

    it("refuses a message over the size limit", async () => {
      await refused(
        { envelopeFrom: nora, to: address, text: "x".repeat(MAX_BYTES + 1) },
        /larger than|size/i,
        552,
      );
    });

    it("refuses a message without a text part, and one with nothing of the sender's own", async () => {
      await refused({ envelopeFrom: nora, to: address, html: "<p>Only HTML</p>" }, /no text part/);
      await refused(
        {
          envelopeFrom: nora,
          to: address,
          text: "On Mon, 7 Dec 2026 at 10:00, Entente <entente@entente.test> wrote:\n> Bravo",
        },
        /empty/,
      );
    });
  });
});

describe("the reply listener on shutdown", () => {
  it("stops listening, even with a sender still connected", async () => {
    const live = await LiveServer.start({
      replyByMail: {
        ...REPLY_ADDRESSES,
        listen: { host: "127.0.0.1", port: 0, maxBytes: MAX_BYTES },
      },
    });
    const port = live.server.inboundSmtp!.port;
    const connect = () =>
      new Promise<net.Socket>((resolve, reject) => {
        const socket = net.connect(port, "127.0.0.1");
        socket.once("data", () => resolve(socket));
        socket.once("error", reject);
      });
    const idle = await connect();
    const ended = new Promise<void>((resolve) => idle.once("close", () => resolve()));
    await live.close();
    await ended;
    await expect(connect()).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });
});
