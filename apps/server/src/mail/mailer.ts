import fs from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { newId } from "../ids.js";
import type { Logger } from "../observability/logger.js";

/** One e-mail to one person. */
export interface MailMessage {
  to: { name: string; address: string };
  subject: string;
  text: string;
  html?: string | undefined;
  /** Where an answer goes (`Reply-To`), e.g. the reply address of a thread. */
  replyTo?: string | undefined;
  /** Files sent along (a meeting's `.ics` invitation). */
  attachments?: MailAttachment[] | undefined;
}

export interface MailAttachment {
  filename: string;
  content: string;
  /** With its parameters, e.g. `text/calendar; charset=utf-8; method=REQUEST`. */
  contentType: string;
}

/** Sends e-mail. Implementations reject when a message could not be handed over. */
export interface Mailer {
  /** True when messages leave this machine (SMTP); the outbox and the discard mailer keep them. */
  readonly delivers?: boolean;
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export interface MailConfig {
  /** `smtp://…` or `smtps://…`; without it, messages go to the log and {@link outboxDir}. */
  smtpUrl?: string | undefined;
  /** The sender, e.g. `Entente <entente@example.org>`. */
  from: string;
  outboxDir: string;
  logger: Logger;
}

/** The mailer the environment asks for: SMTP, or the local outbox when none is configured. */
export function createMailer(config: MailConfig): Mailer {
  return config.smtpUrl
    ? new SmtpMailer(config.smtpUrl, config.from)
    : new OutboxMailer(config.outboxDir, config.from, config.logger);
}

/** Hands messages to an SMTP server (`SMTP_URL`). */
export class SmtpMailer implements Mailer {
  readonly delivers = true;
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, ...message });
  }

  close(): void {
    this.transport.close();
  }
}

/**
 * Without SMTP (a laptop, the demo): each message is logged (recipient and subject) and
 * written whole, as an `.eml` file any mail client opens, to the outbox folder.
 */
export class OutboxMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    private readonly dir: string,
    private readonly from: string,
    private readonly logger: Logger,
  ) {
    this.transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  }

  async send(message: MailMessage): Promise<void> {
    const info = (await this.transport.sendMail({ from: this.from, ...message })) as {
      message: Buffer;
    };
    await fs.mkdir(this.dir, { recursive: true });
    const file = path.join(
      this.dir,
      `${new Date().toISOString().replace(/[:.]/g, "-")}-${newId()}.eml`,
    );
    await fs.writeFile(file, info.message);
    this.logger.info(
      { to: message.to.address, subject: message.subject, file },
      "e-mail written to the outbox",
    );
  }

  close(): void {
    this.transport.close();
  }
}

/** Drops every message: the default where nobody configured mail (API tests). */
export const DISCARD_MAIL: Mailer = { send: () => Promise.resolve(), close: () => {} };
