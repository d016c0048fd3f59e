/** Where a command writes. Through the server, output is captured and sent back to the CLI. */
export interface CommandIo {
  readonly out: NodeJS.WritableStream;
  readonly err: NodeJS.WritableStream;
  /** True when `err` is a terminal: progress bars are drawn only then. */
  readonly interactive: boolean;
}

/** Exit codes (README): load 0 all loaded, 1 some records quarantined, 2 a file could not be read at all. */
export const EXIT = {
  ok: 0,
  quarantined: 1,
  unreadable: 2,
  /** The embedded engine is held by another command, or the server could not be reached. */
  busy: 3,
  /** Bad arguments or configuration. */
  usage: 64,
} as const;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
