import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

export interface SpawnedServer {
  readonly url: string;
  readonly dataDir: string;
  readonly process: ChildProcess;
  readonly output: () => string;
  stop(): Promise<void>;
}

/**
 * Runs the platform exactly as `pnpm start` does, from source, in its own
 * process with its own data directory and a free port; resolves once it
 * prints its URL.
 */
export async function spawnServer(env: Record<string, string> = {}): Promise<SpawnedServer> {
  const dataDir = env.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), "corridor-server-"));
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=@corridor/source", path.join(root, "server/src/main.ts")], {
    cwd: root,
    // No demo data unless a test asks for it: generating and loading it takes a while.
    env: { ...process.env, TSX_TSCONFIG_PATH: path.join(root, "server/tsconfig.json"), PORT: "0", LOG_LEVEL: "warn", DEMO_DATA: "off", ADMIN_LOGIN: TEST_ADMIN.login, ADMIN_PASSWORD: TEST_ADMIN.password, ...env, DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${output}`)), 60_000);
    const check = () => {
      const match = /Dashboard : (http:\/\/\S+)/u.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", check);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    process: child,
    output: () => output,
    async stop() {
      // Already gone (exited, or killed by a signal): its exit event has fired and will not again.
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** The first administrator of every spawned server (ADMIN_LOGIN / ADMIN_PASSWORD). */
export const TEST_ADMIN = { login: "admin", password: "correct horse battery staple" } as const;

/** Credentials for a request: the dashboard's session cookie, or an API key. */
export interface Credentials {
  readonly cookie?: string;
  readonly bearer?: string;
}

/** Signs in like the dashboard does; resolves with the session cookie to send back. */
export async function signIn(url: string, login: string = TEST_ADMIN.login, password: string = TEST_ADMIN.password): Promise<string> {
  const response = await fetch(new URL("auth/login", url), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ login, password }) });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get("set-cookie") ?? "";
  return cookie.split(";")[0] as string;
}

export async function graphql<T = unknown>(url: string, query: string, variables: Record<string, unknown> = {}, credentials: Credentials = {}): Promise<{ status: number; body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] } }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (credentials.cookie) headers.cookie = credentials.cookie;
  if (credentials.bearer) headers.authorization = `Bearer ${credentials.bearer}`;
  const response = await fetch(new URL("graphql", url), { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: (await response.json()) as never };
}
