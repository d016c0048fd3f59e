import nodemailer from "nodemailer";
import type { SmtpSettings } from "./report-settings.js";

export interface OutgoingMail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  /** Ours, derived from the run: the same message sent twice carries the same id, which mail systems recognise. */
  readonly messageId: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly attachments: readonly { readonly filename: string; readonly content: Buffer; readonly contentType: string }[];
}

/** What the server said: the addresses it accepted and refused. */
export interface MailOutcome {
  readonly accepted: readonly string[];
  readonly rejected: readonly string[];
}

/**
 * Sends through the configured SMTP server, one connection per message: a
 * report goes out a few times a week, and a fresh connection cannot carry a
 * broken state from one try to the next.
 */
export class Mailer {
  constructor(private readonly smtp: SmtpSettings) {}

  get from(): string {
    return this.smtp.from;
  }

  /** The domain of the sender address, for Message-IDs. */
  get domain(): string {
    return /@([^\s>]+)/u.exec(this.smtp.from)?.[1] ?? "corridor.invalid";
  }

  async send(mail: OutgoingMail): Promise<MailOutcome> {
    const transport = nodemailer.createTransport({
      host: this.smtp.host,
      port: this.smtp.port,
      secure: this.smtp.security === "tls",
      requireTLS: this.smtp.security === "starttls",
      ignoreTLS: this.smtp.security === "none",
      auth: this.smtp.user ? { user: this.smtp.user, pass: this.smtp.password ?? "" } : undefined,
      connectionTimeout: 20_000,
      greetingTimeout: 20_000,
      socketTimeout: 120_000,
    });
    try {
      const info = await transport.sendMail({
        from: this.smtp.from,
        to: [...mail.to],
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        headers: { ...mail.headers },
        attachments: mail.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
      });
      const list = (v: unknown) => (Array.isArray(v) ? v.map((x) => (typeof x === "string" ? x : String((x as { address?: string }).address ?? x))) : []);
      return { accepted: list(info.accepted), rejected: list(info.rejected) };
    } finally {
      transport.close();
    }
  }
}
