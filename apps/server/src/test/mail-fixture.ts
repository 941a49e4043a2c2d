import nodemailer from "nodemailer";
import { afterAll, beforeAll, expect } from "vitest";
import type { ReplyAddressConfig } from "../mail/reply-addresses.js";
import { useLiveServer, type LiveFixture } from "./live-fixture.js";
import type { LiveServer, LiveUser } from "./live-server.js";
import { SmtpSink } from "./smtp-sink.js";

/** A day, in milliseconds: how long the reply addresses of the mail suites stay good. */
export const DAY = 24 * 60 * 60_000;

/** The reply addresses the mail suites' servers issue (and the suites forge or check). */
export const REPLY_ADDRESSES = {
  domain: "reply.entente.test",
  secret: "a-test-secret-of-at-least-32-characters",
  validForMs: DAY,
} as const satisfies ReplyAddressConfig;

/** What the tests of a suite that called `useMailingServer` find ready. */
export interface MailingFixture extends LiveFixture {
  /** Receives every e-mail the server sends. */
  readonly sink: SmtpSink;
}

/**
 * The set-up of the suites that check the server's e-mails: an `SmtpSink`, and a live server
 * (with the `twoOrganizations` cast) that sends to it from `entente@entente.test` and links
 * to `http://entente.test`, both for the whole `describe`. With `replyListener`, the server
 * also issues `REPLY_ADDRESSES` and takes the answers on an SMTP listener of that size limit.
 */
export function useMailingServer(replyListener?: { maxBytes: number }): MailingFixture {
  let sink: SmtpSink | undefined;
  const started = () => {
    if (!sink) throw new Error("the SMTP sink exists only while the suite runs");
    return sink;
  };
  beforeAll(async () => {
    sink = await SmtpSink.start();
  });
  // Registered first, so it runs last: after the server closed.
  afterAll(async () => {
    await sink?.close();
    sink = undefined;
  });
  const server = useLiveServer("all", () => ({
    publicOrigin: "http://entente.test",
    mail: {
      smtpUrl: started().smtpUrl,
      from: "Entente <entente@entente.test>",
      outboxDir: "unused",
    },
    ...(replyListener && {
      replyByMail: {
        ...REPLY_ADDRESSES,
        listen: { host: "127.0.0.1", port: 0, maxBytes: replyListener.maxBytes },
      },
    }),
  }));
  return {
    get live() {
      return server.live;
    },
    get cast() {
      return server.cast;
    },
    get sink() {
      return started();
    },
    openEventStream: (path, user) => server.openEventStream(path, user),
  };
}

/** The e-mail address `user` signed up with. */
export async function emailOf(live: LiveServer, user: LiveUser): Promise<string> {
  return (
    await live.server.store.db
      .selectFrom("users")
      .select("email")
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow()
  ).email;
}

/** An e-mail to the server's reply listener. */
export interface ReplyMail {
  envelopeFrom: string;
  /** The From header; the envelope's sender when omitted. */
  from?: string;
  to: string;
  subject: string;
  text?: string;
  html?: string;
  headers?: Record<string, string>;
}

/** How the reply listener turned a message down. */
export interface SmtpRefusal {
  responseCode?: number;
  response?: string;
}

/** Sends `mail` by real SMTP to `live`'s reply listener: null once taken, else the refusal. */
export function sendToReplyListener(
  live: LiveServer,
  mail: ReplyMail,
): Promise<SmtpRefusal | null> {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port: live.server.inboundSmtp!.port,
    secure: false,
    ignoreTLS: true,
  });
  return transport
    .sendMail({
      envelope: { from: mail.envelopeFrom, to: [mail.to] },
      from: mail.from ?? mail.envelopeFrom,
      to: mail.to,
      subject: mail.subject,
      ...(mail.text === undefined ? {} : { text: mail.text }),
      ...(mail.html === undefined ? {} : { html: mail.html }),
      ...(mail.headers === undefined ? {} : { headers: mail.headers }),
    })
    .then(
      () => null,
      (error: unknown) => error as SmtpRefusal,
    )
    .finally(() => transport.close());
}

/** Expects `refusal` to be the listener's `code` reply saying `why`. */
export function expectRefusal(refusal: SmtpRefusal | null, why: RegExp, code = 550): void {
  expect(refusal, "the message should have been refused").not.toBeNull();
  expect(refusal!.responseCode).toBe(code);
  expect(refusal!.response).toMatch(why);
}
