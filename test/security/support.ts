import { expect } from "vitest";
import { signIn, TEST_ADMIN, type Credentials, type SpawnedServer } from "../support/spawn-server.js";

// Shared by the security tests: every request goes over HTTP to a spawned
// server, as a browser or a script would send it.

export const OCTOBER = { from: "2024-10-01", to: "2024-11-01" } as const;

/** A password long enough for createUser (12 characters at least). */
export const PASSWORD = "un mot de passe assez long";

export interface GraphqlError {
  readonly message: string;
  readonly extensions?: { readonly code?: string; readonly [key: string]: unknown };
}

export interface Answer<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly body: { data?: T | null; errors?: GraphqlError[]; error?: { code?: string } } | null;
}

/** The first error code of a GraphQL (or sign-in) answer. */
export const codeOf = (answer: Answer | { body: Answer["body"] }): string | undefined => answer.body?.errors?.[0]?.extensions?.code ?? answer.body?.error?.code;

/** Any request, its answer parsed when it is JSON. */
export async function send(url: string, path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(new URL(path, url), init);
  const text = await response.text();
  let body: Answer["body"] = null;
  try {
    body = JSON.parse(text) as Answer["body"];
  } catch {
    body = null;
  }
  return { status: response.status, headers: response.headers, text, body };
}

function headersOf(credentials: Credentials): Record<string, string> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (credentials.cookie) headers.cookie = credentials.cookie;
  if (credentials.bearer) headers.authorization = `Bearer ${credentials.bearer}`;
  return headers;
}

/** POST /graphql with the status, headers and raw text kept. */
export function gql<T = unknown>(url: string, query: string, variables: Record<string, unknown> = {}, credentials: Credentials = {}): Promise<Answer<T>> {
  return send(url, "graphql", { method: "POST", headers: headersOf(credentials), body: JSON.stringify({ query, variables }) }) as Promise<Answer<T>>;
}

/** POST /api/metrics.csv with a general query. */
export function csv(url: string, query: unknown, credentials: Credentials = {}, language?: string): Promise<Answer> {
  return send(url, "api/metrics.csv", { method: "POST", headers: headersOf(credentials), body: JSON.stringify(language ? { query, language } : { query }) });
}

/** POST /auth/login. */
export function login(url: string, loginName: string, password: string): Promise<Answer> {
  return send(url, "auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ login: loginName, password }) });
}

/**
 * After a refusal, the server still answers an ordinary question for a
 * signed-in administrator, and its process is alive.
 */
export async function expectServing(server: SpawnedServer, cookie?: string): Promise<void> {
  expect(server.process.exitCode, server.output()).toBeNull();
  const admin = cookie ?? (await signIn(server.url));
  const answer = await gql<{ countries: { code: string }[] }>(server.url, "{ countries { code } }", {}, { cookie: admin });
  expect(answer.status).toBe(200);
  expect(answer.body?.data?.countries.map((c) => c.code)).toContain("BF");
  const health = await send(server.url, "healthz");
  expect(health.status).toBe(200);
}

/** Creates an account as the administrator; resolves with its session cookie. */
export async function createAccount(url: string, admin: string, account: { login: string; role: string; country?: string | null }): Promise<string> {
  const created = await gql(
    url,
    "mutation($input: NewUserInput!) { createUser(input: $input) { login } }",
    { input: { login: account.login, displayName: account.login, role: account.role, country: account.country ?? null, password: PASSWORD } },
    { cookie: admin },
  );
  expect(created.body?.errors, JSON.stringify(created.body)).toBeUndefined();
  return signIn(url, account.login, PASSWORD);
}

/** Creates an API key for whoever `credentials` are; resolves with the key and its id. */
export async function createKey(url: string, credentials: Credentials, name = "script", expiresInDays: number | null = null): Promise<{ key: string; id: string }> {
  const created = await gql<{ createApiKey: { key: string; info: { id: string } } }>(
    url,
    "mutation($input: NewApiKeyInput!) { createApiKey(input: $input) { key info { id } } }",
    { input: { name, expiresInDays } },
    credentials,
  );
  const answer = created.body?.data?.createApiKey;
  if (!answer) throw new Error(`createApiKey failed: ${created.text}`);
  return { key: answer.key, id: answer.info.id };
}

/** Text a client must never see: SQL, engine messages, stack frames, stored hashes. */
export const LEAK = /\bSELECT\b|\bFROM\s+[a-z_]+\s|\bDB::|Code: \d+|ClickHouse|chdb|\.ts:\d+|\bat [A-Za-z.]+ \(|node_modules|scrypt\$|secret_hash|password_hash|token_hash/u;

export { signIn, TEST_ADMIN };

/**
 * The server's entry point with an environment of our own (spawnServer always
 * sets ADMIN_PASSWORD): resolves with its URL once it prints it, or with its
 * exit code and output if it stops first.
 */
export async function startRaw(env: Record<string, string | undefined>): Promise<{ url: string | null; exitCode: number | null; output: () => string; stop(): Promise<void> }> {
  const { spawn } = await import("node:child_process");
  const path = await import("node:path");
  const { fileURLToPath } = await import("node:url");
  const root = fileURLToPath(new URL("../../", import.meta.url));
  const merged: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...process.env, TSX_TSCONFIG_PATH: path.join(root, "server/tsconfig.json"), PORT: "0", LOG_LEVEL: "warn", DEMO_DATA: "off", INBOX_POLL_MS: "0", ...env })) {
    if (value !== undefined) merged[name] = value;
  }
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=@corridor/source", path.join(root, "server/src/main.ts")], { cwd: root, env: merged, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const result = await new Promise<{ url: string | null; exitCode: number | null }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 60 s:\n${output}`)), 60_000);
    child.stdout.on("data", () => {
      const match = /Dashboard : (http:\/\/\S+)/u.exec(output);
      // The banner, first-admin lines included, is written at once.
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], exitCode: null });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      resolve({ url: null, exitCode: code });
    });
  });
  return {
    ...result,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** The secret part of an API key `ck_<32 hex>_<secret>` (the secret itself may hold underscores). */
export const secretOf = (key: string): string => key.slice("ck_".length + 32 + 1);
