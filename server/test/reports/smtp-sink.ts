import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server on 127.0.0.1 for the tests (the smtp-server package):
 * it parses each message it accepts. `hold` makes it keep the next message
 * without answering, as a server that has the data but has not said 250 yet.
 */
export interface SmtpSink {
  readonly port: number;
  readonly accepted: ParsedMail[];
  /** Messages received in full but never acknowledged (held, then the client went away). */
  readonly unanswered: ParsedMail[];
  hold(on: boolean): void;
  close(): Promise<void>;
  /** Listens again on the same port after close(). */
  reopen(): Promise<void>;
}

export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const accepted: ParsedMail[] = [];
  const unanswered: ParsedMail[] = [];
  let holding = false;
  const make = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          void simpleParser(Buffer.concat(chunks)).then((mail) => {
            if (holding) {
              unanswered.push(mail);
              return; // no answer: the client waits for its 250
            }
            accepted.push(mail);
            callback();
          });
        });
      },
    });
  let server = make();
  const listen = (p: number) => new Promise<number>((resolve, reject) => {
    server.once("error", reject);
    server.listen(p, "127.0.0.1", () => {
      const address = server.server.address();
      resolve(typeof address === "object" && address ? address.port : p);
    });
  });
  const actual = await listen(port);
  return {
    port: actual,
    accepted,
    unanswered,
    hold(on) {
      holding = on;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    async reopen() {
      server = make();
      await listen(actual);
    },
  };
}

/** The run a message belongs to (header set by the platform). */
export const runOf = (mail: ParsedMail): string => String(mail.headers.get("x-corridor-run") ?? "");
export const deliveryOf = (mail: ParsedMail): string => String(mail.headers.get("x-corridor-delivery") ?? "");
