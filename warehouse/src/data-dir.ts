import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Who owns an embedded data directory. The engine itself refuses a second
 * process (it locks `status` in its folder), but its message goes to stderr
 * only; this file lets a second process say who holds the directory and how
 * to reach it (the server's URL), and lets the server's own tools go through it.
 */
export interface DataDirOwner {
  readonly pid: number;
  readonly host: string;
  readonly role: "server" | "cli" | "test";
  readonly command: string;
  readonly startedAt: string;
  /** Set by the server once it listens. */
  readonly url: string | null;
}

export const OWNER_FILE = "owner.json";

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: DataDirOwner,
  ) {
    super(busyMessage(dataDir, owner));
    this.name = "DataDirBusyError";
  }
}

function busyMessage(dataDir: string, owner: DataDirOwner): string {
  const who = owner.role === "server" ? `le serveur de la plateforme (pid ${owner.pid}${owner.url ? `, ${owner.url}` : ""})` : `un autre processus (pid ${owner.pid}: ${owner.command})`;
  const whoEn = owner.role === "server" ? `the platform server (pid ${owner.pid}${owner.url ? `, ${owner.url}` : ""})` : `another process (pid ${owner.pid}: ${owner.command})`;
  return [
    `Le répertoire de données ${dataDir} est déjà ouvert par ${who}, depuis ${owner.startedAt}.`,
    `Le moteur embarqué n'accepte qu'un processus à la fois. Passez par ce processus, attendez qu'il se termine, ou utilisez un autre DATA_DIR.`,
    `The data directory ${dataDir} is already open in ${whoEn}, since ${owner.startedAt}.`,
    `The embedded engine takes one process at a time: go through that process, wait for it to end, or use another DATA_DIR.`,
  ].join("\n");
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function readOwner(dataDir: string): DataDirOwner | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dataDir, OWNER_FILE), "utf8");
  } catch {
    return null;
  }
  try {
    const owner = JSON.parse(text) as DataDirOwner;
    return typeof owner.pid === "number" ? owner : null;
  } catch {
    return null; // a half-written file from a crash: treat as no owner
  }
}

/** The owner if one is alive on this host; a stale file (its process died) counts as none. */
export function liveOwner(dataDir: string): DataDirOwner | null {
  const owner = readOwner(dataDir);
  if (owner === null) return null;
  if (owner.host === os.hostname() && owner.pid !== process.pid && !isAlive(owner.pid)) return null;
  return owner.pid === process.pid && owner.host === os.hostname() ? null : owner;
}

export interface DataDirClaim {
  readonly dataDir: string;
  /** Record the URL at which this process can be reached (the server, once it listens). */
  setUrl(url: string): void;
  release(): void;
}

/** Claims the directory for this process, or throws DataDirBusyError naming the live owner. */
export function claimDataDir(dataDir: string, role: DataDirOwner["role"]): DataDirClaim {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, OWNER_FILE);
  const base: DataDirOwner = {
    pid: process.pid,
    host: os.hostname(),
    role,
    command: process.argv.slice(1).map((a) => path.basename(a)).join(" ").slice(0, 200),
    startedAt: new Date().toISOString(),
    url: null,
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // 'wx' fails if the file exists: of two processes starting together, one wins.
      fs.writeFileSync(file, JSON.stringify(base, null, 2), { flag: "wx", mode: 0o600 });
      return makeClaim(dataDir, file, base);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = liveOwner(dataDir);
      if (owner !== null) throw new DataDirBusyError(dataDir, owner);
      fs.rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`could not claim ${dataDir}: ${OWNER_FILE} keeps reappearing`);
}

function makeClaim(dataDir: string, file: string, base: DataDirOwner): DataDirClaim {
  let current = base;
  let released = false;
  const stillOurs = () => readOwner(dataDir)?.pid === process.pid;
  return {
    dataDir,
    setUrl(url) {
      if (released || !stillOurs()) return;
      current = { ...current, url };
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(current, null, 2), { mode: 0o600 });
      fs.renameSync(tmp, file); // atomic: a reader never sees half a file
    },
    release() {
      if (released) return;
      released = true;
      if (stillOurs()) fs.rmSync(file, { force: true });
    },
  };
}
