import { Writable } from "node:stream";
import { pino, type Logger as PinoLogger, type LevelWithSilent } from "pino";

export type Logger = PinoLogger;
export type LogLevel = LevelWithSilent;

export interface LoggerOptions {
  readonly level?: LogLevel;
  readonly name?: string;
  /** Human-readable lines instead of JSON; defaults to "stderr is a terminal". */
  readonly pretty?: boolean;
  readonly destination?: NodeJS.WritableStream;
}

const LEVEL_NAMES: Readonly<Record<number, string>> = { 10: "TRACE", 20: "DEBUG", 30: "INFO", 40: "WARN", 50: "ERROR", 60: "FATAL" };
const HIDDEN = new Set(["level", "time", "pid", "hostname", "msg", "name"]);

/** One line per entry for people at a terminal: time, level, message, then key=value pairs. */
function prettyStream(out: NodeJS.WritableStream): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (!line) continue;
        try {
          const entry = JSON.parse(line) as Record<string, unknown>;
          const time = new Date(Number(entry.time)).toISOString().slice(11, 19);
          const extra = Object.entries(entry)
            .filter(([key]) => !HIDDEN.has(key))
            .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`)
            .join(" ");
          out.write(`${time} ${(LEVEL_NAMES[Number(entry.level)] ?? "LOG").padEnd(5)} ${String(entry.msg ?? "")}${extra ? `  ${extra}` : ""}\n`);
        } catch {
          out.write(`${line}\n`);
        }
      }
      done();
    },
  });
}

/** Built once at each entry point and passed down; never a module-level instance. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const destination = options.destination ?? process.stderr;
  const pretty = options.pretty ?? Boolean((destination as NodeJS.WriteStream).isTTY);
  return pino({ level: options.level ?? "info", name: options.name, base: undefined }, pretty ? prettyStream(destination) : destination);
}
