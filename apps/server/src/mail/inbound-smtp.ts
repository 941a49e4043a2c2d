import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import type { Logger } from "../observability/logger.js";
import { InboundRefusal, type AcceptedRecipient, type InboundReplies } from "./inbound-replies.js";

export interface InboundSmtpConfig {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Largest message taken, in bytes (announced with SIZE; a larger one gets 552). */
  maxBytes: number;
}

/** An error smtp-server answers with its own code. */
function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

/** What the listener keeps about a session between RCPT TO and DATA. */
type SessionState = { recipient?: AcceptedRecipient };

/**
 * The SMTP listener of reply by e-mail (`INBOUND_SMTP_PORT`): no authentication and no TLS,
 * so it listens on loopback behind the domain's mail exchanger, which relays
 * `reply+…@INBOUND_DOMAIN` to it. One reply address per message. Every refusal happens
 * while the sender's server is still connected (RCPT TO or end of DATA), so the sender
 * gets a bounce saying why, and nothing is posted.
 */
export class InboundSmtpServer {
  private readonly states = new WeakMap<SMTPServerSession, SessionState>();

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(
    config: InboundSmtpConfig,
    replies: InboundReplies,
    logger: Logger,
  ): Promise<InboundSmtpServer> {
    const holder: { listener?: InboundSmtpServer } = {};
    const state = (session: SMTPServerSession): SessionState => {
      const states = holder.listener!.states;
      let found = states.get(session);
      if (!found) states.set(session, (found = {}));
      return found;
    };
    const answer = (error: unknown, what: string): Error => {
      if (error instanceof InboundRefusal) {
        logger.info({ code: error.responseCode, reason: error.message }, `inbound ${what} refused`);
        return smtpError(error.responseCode, error.message);
      }
      logger.error({ err: error }, `inbound ${what} failed`);
      return smtpError(451, "Entente could not take the message now; try again later");
    };
    const server = new SMTPServer({
      name: "entente",
      banner: "Entente reply by e-mail",
      size: config.maxBytes,
      authOptional: true,
      disabledCommands: ["AUTH", "STARTTLS"],
      logger: false,
      // On shutdown, a sender still connected is cut after this long (it retries later).
      closeTimeout: 2000,
      onMailFrom(_address, session, callback) {
        // A new transaction on the same connection starts clean.
        holder.listener!.states.delete(session);
        callback();
      },
      onRcptTo(address, session, callback) {
        const current = state(session);
        if (current.recipient) {
          callback(smtpError(550, "One reply address per message"));
          return;
        }
        const sender = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        replies.recipient(address.address, sender).then(
          (recipient) => {
            current.recipient = recipient;
            callback();
          },
          (error: unknown) => callback(answer(error, "recipient")),
        );
      },
      onData(stream, session, callback) {
        const recipient = state(session).recipient;
        readWhole(stream, config.maxBytes)
          .then(async (raw) => {
            if (raw === null) {
              throw new InboundRefusal(552, `The message is larger than ${config.maxBytes} bytes`);
            }
            if (!recipient) throw new InboundRefusal(554, "No valid reply address");
            const parsed = await simpleParser(raw, { skipHtmlToText: true });
            const from = parsed.from?.value.map((a) => a.address ?? "") ?? [];
            await replies.deliver(recipient, {
              from,
              text: parsed.text,
              automatic: isAutomatic(parsed.headers),
            });
          })
          .then(
            () => callback(),
            (error: unknown) => callback(answer(error, "message")),
          );
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.server.once("error", reject);
      server.listen(config.port, config.host, () => resolve());
    });
    const { port } = server.server.address() as AddressInfo;
    holder.listener = new InboundSmtpServer(server, port);
    return holder.listener;
  }

  /** Stops listening and ends open connections. */
  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The message, or null when it went over `maxBytes` (the rest is drained, not kept). */
function readWhole(stream: SMTPServerDataStream, maxBytes: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    stream.on("error", reject);
    stream.on("end", () =>
      resolve(stream.sizeExceeded || size > maxBytes ? null : Buffer.concat(chunks)),
    );
  });
}

/**
 * Whether a program sent the message: RFC 3834's `Auto-Submitted` (anything but `no`), or the
 * older `Precedence: auto_reply | bulk | junk` and `X-Autoreply` that some still send.
 */
function isAutomatic(headers: ParsedMail["headers"]): boolean {
  const value = (name: string) => {
    const raw = headers.get(name);
    return typeof raw === "string" ? raw.trim().toLowerCase() : raw === undefined ? "" : "yes";
  };
  const submitted = value("auto-submitted");
  return (
    (submitted !== "" && submitted !== "no") ||
    ["auto_reply", "bulk", "junk"].includes(value("precedence")) ||
    value("x-autoreply") !== ""
  );
}
