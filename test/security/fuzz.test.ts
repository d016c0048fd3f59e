import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSamples } from "../support/sample-server.js";
import { spawnServer, type SpawnedServer } from "../support/spawn-server.js";
import { Generator, type FuzzRequest } from "./fuzz-requests.js";
import { introspect, type Schema } from "./schema-walk.js";
import { expectServing, signIn } from "./support.js";

// A few thousand generated requests, the same ones on every run (seeded):
// valid operations built from the live schema with random arguments and
// selections, mutated documents, wrong variables, broken JSON, wrong content
// types and methods, oversized bodies, junk credentials. No answer may be a
// 5xx or an internal error, every error must carry a code, and the server
// must be alive and answering at the end.

const SEED = Number(process.env.FUZZ_SEED ?? 20251031);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 3000);
const CONCURRENCY = 8;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "corridor-fuzz-"));
let server: SpawnedServer;
let admin: string;
let schema: Schema;

beforeAll(async () => {
  await loadSamples(dataDir);
  server = await spawnServer({ DATA_DIR: dataDir, INBOX_POLL_MS: "0", API_RATE_PER_MINUTE: "1000000", API_RATE_BURST: "1000000" });
  admin = await signIn(server.url);
  schema = await introspect(server.url, { cookie: admin });
}, 180_000);
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Outcome {
  readonly kind: string;
  readonly status: number;
  readonly codes: readonly string[];
  readonly ms: number;
  readonly problem: string | null;
  /** The request and its answer, kept only when something is wrong with it. */
  readonly detail: string | null;
}

/** What is wrong with an answer, or null. */
function problemOf(request: FuzzRequest, status: number, contentType: string, text: string): string | null {
  if (status >= 500) return `HTTP ${status}`;
  // The CLI's channel answers in its own shape ({"error": "…"}); only its status is the public's business.
  if (request.path.startsWith("internal/")) return null;
  if (request.method === "HEAD" || status === 204 || status === 304) return null;
  const csvFile = request.path.startsWith("api/metrics.csv") && status === 200 && contentType.startsWith("text/csv");
  const page = request.method === "GET" && contentType.startsWith("text/html");
  if (csvFile || page) return null;
  let body: { errors?: { extensions?: { code?: unknown } }[]; error?: { code?: unknown } };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return `not JSON (${contentType})`;
  }
  if (body.error !== undefined && typeof body.error?.code !== "string") return "error without a code";
  for (const error of body.errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code !== "string" || code === "") return "error without extensions.code";
    if (code === "INTERNAL_SERVER_ERROR") return `INTERNAL_SERVER_ERROR (HTTP ${status})`;
  }
  if (status >= 400 && !body.errors?.length && body.error === undefined) return `HTTP ${status} without an error`;
  return null;
}

/** The error codes of an answer (GraphQL's errors[].extensions.code, or the sign-in routes' error.code). */
function errorCodes(text: string): string[] {
  try {
    const body = JSON.parse(text) as { errors?: { extensions?: { code?: unknown } }[]; error?: { code?: unknown } };
    return [...(body.errors ?? []).map((e) => String(e.extensions?.code)), ...(typeof body.error?.code === "string" ? [body.error.code] : [])];
  } catch {
    return [];
  }
}

function describeRequest(request: FuzzRequest): string {
  const body = request.body === undefined ? "" : typeof request.body === "string" ? request.body : `<${request.body.length} bytes: ${Buffer.from(request.body).toString("hex").slice(0, 60)}>`;
  const headers = Object.entries(request.headers)
    .map(([name, value]) => `${name}: ${name === "cookie" && value === admin ? "<the administrator's session>" : value.slice(0, 80)}`)
    .join("; ");
  return `[${request.kind}] ${request.method} /${request.path.slice(0, 200)} {${headers}} ${body.length > 400 ? `${body.slice(0, 400)}… (${body.length} chars)` : body}`;
}

describe("fuzzing the API", () => {
  it(`${REQUESTS} generated requests (seed ${SEED}): no 5xx, no internal error, every error coded, the server alive`, async () => {
    const generator = new Generator(SEED, schema, admin);
    const outcomes: Outcome[] = [];
    const started = Date.now();
    let generated = 0;
    // Requests are generated one at a time as workers take them: the same sequence for a seed, without holding them all.
    const worker = async () => {
      while (generated < REQUESTS) {
        generated++;
        const request = generator.next();
        let status = 0;
        let text = "";
        let problem: string | null;
        const sentAt = performance.now();
        try {
          const response = await fetch(new URL(request.path, server.url), { method: request.method, headers: request.headers, body: request.body, signal: AbortSignal.timeout(30_000) });
          status = response.status;
          text = await response.text();
          problem = problemOf(request, status, response.headers.get("content-type") ?? "", text);
        } catch (error) {
          problem = `no answer: ${error instanceof Error ? error.message : String(error)}`;
          text = String(error);
        }
        outcomes.push({ kind: request.kind, status, codes: errorCodes(text), ms: performance.now() - sentAt, problem, detail: problem === null ? null : `request: ${describeRequest(request)}\n    answer:  ${text.slice(0, 300)}` });
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (Date.now() - started) / 1000;

    const statuses = new Map<number, number>();
    const kinds = new Map<string, Map<number, number>>();
    const codes = new Map<string, number>();
    for (const o of outcomes) {
      statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1);
      const byKind = kinds.get(o.kind) ?? new Map<number, number>();
      byKind.set(o.status, (byKind.get(o.status) ?? 0) + 1);
      kinds.set(o.kind, byKind);
      for (const code of o.codes) codes.set(code, (codes.get(code) ?? 0) + 1);
    }
    const sorted = <K>(m: Map<K, number>) => [...m].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    console.log(
      [
        `fuzz: ${outcomes.length} requests in ${seconds.toFixed(1)} s (seed ${SEED}, ${CONCURRENCY} at a time)`,
        `  statuses: ${sorted(statuses).map(([s, n]) => `${s}×${n}`).join("  ")}`,
        ...[...kinds].sort((a, b) => a[0].localeCompare(b[0])).map(([kind, m]) => {
          const times = outcomes.filter((o) => o.kind === kind).map((o) => o.ms);
          return `  ${kind.padEnd(13)} ${sorted(m).map(([s, n]) => `${s}×${n}`).join("  ")}   (mean ${(times.reduce((a, b) => a + b, 0) / times.length).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms)`;
        }),
        `  codes: ${sorted(codes).map(([c, n]) => `${c}×${n}`).join("  ")}`,
      ].join("\n"),
    );

    const problems = outcomes.filter((o) => o.problem !== null);
    // One example of each kind of problem, and how often it came.
    const byProblem = new Map<string, Outcome[]>();
    for (const o of problems) byProblem.set(`${o.problem} [${o.kind}]`, [...(byProblem.get(`${o.problem} [${o.kind}]`) ?? []), o]);
    const report = [...byProblem].map(([problem, list]) => `${list.length}× ${problem}\n    ${list[0]?.detail}`);
    expect(problems.length, `${problems.length} bad answers, first ones:\n${report.join("\n")}`).toBe(0);
    expect(outcomes).toHaveLength(REQUESTS);
    expect(server.process.exitCode, server.output()).toBeNull();
    await expectServing(server, admin);
  }, 180_000);
});
