import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSamples } from "../support/sample-server.js";
import { spawnServer, type SpawnedServer } from "../support/spawn-server.js";
import { callOf, introspect, named, printType, printValue, rootFields, valueFor, type Field, type Schema, type TypeRef } from "./schema-walk.js";
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

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface FuzzRequest {
  readonly kind: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string | Uint8Array;
}

const STRINGS = ["2024-10-01", "2024-11-01", "2023-10-01", "2024-02-30", "BF", "ML", "NE", "TG", "ZZ", "bf", "Africa/Lome", "UTC", "Mars/Olympus", "10", "V", "XXI", "x", "", "ok", "error", "refused", "admin", "' OR 1=1 --", "é", "\u0000", "9".repeat(30)];
const INTS = [0, 1, 2, 5, 20, -1, 1000, 10_000, 10_001, 2_147_483_647, -2_147_483_648];
const FLOATS = [0, 0.0025, 0.1, 0.5, 1, -1, 1.5, 1e10, 5e-324];
const ODD_VALUES: unknown[] = [null, true, false, 0, -0, 1e308, -1e308, 2 ** 53 + 1, 0.1, "", "x".repeat(2000), [], [[[[[]]]]], {}, { a: { b: { c: [1, "2", null] } } }, "null", "[]", "{}", Number.MAX_SAFE_INTEGER, "🙂", "\ud83d"];
const TOKENS = ["{", "}", "(", ")", "[", "]", ":", "$", "@", "...", "!", "=", ",", "|", "&", "query", "mutation", "subscription", "fragment", "on", "null", "true", "__typename", "__schema", "me", "metrics", "login", '"x"', "1e999", "-0", "9999999999999999999999", '"""block"""', "#comment\n", "\u2028", "\ud800", "é", "🙂"];

class Generator {
  private readonly random: () => number;
  constructor(
    seed: number,
    private readonly schema: Schema,
    private readonly cookie: string,
  ) {
    this.random = prng(seed);
  }

  private int(n: number): number {
    return Math.floor(this.random() * n);
  }
  private pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)] as T;
  }
  private chance(p: number): boolean {
    return this.random() < p;
  }

  /** A random value of `ref`, mostly of the right type. */
  private randomValue(ref: TypeRef, depth = 0): unknown {
    if (ref.kind === "NON_NULL") return this.randomValue(ref.ofType as TypeRef, depth);
    if (this.chance(0.03)) return this.pick(ODD_VALUES);
    if (ref.kind === "LIST") return Array.from({ length: this.int(4) }, () => this.randomValue(ref.ofType as TypeRef, depth + 1));
    const type = this.schema.types.get(ref.name as string);
    if (!type) return null;
    if (type.kind === "ENUM") return this.pick(type.enumValues ?? [{ name: "X" }]).name;
    if (type.kind === "INPUT_OBJECT") {
      if (depth > 4) return {};
      const value: Record<string, unknown> = {};
      for (const field of type.inputFields ?? []) {
        if (field.type.kind === "NON_NULL" || this.chance(0.4)) value[field.name] = this.randomValue(field.type, depth + 1);
      }
      return value;
    }
    switch (type.name) {
      case "Int":
        return this.pick(INTS);
      case "Float":
        return this.pick(FLOATS);
      case "Boolean":
        return this.chance(0.5);
      default:
        return this.pick(STRINGS);
    }
  }

  /** A random selection of an object type: some of its fields, a few levels down. */
  private randomSelection(ref: TypeRef, depth: number): string {
    const type = this.schema.types.get(named(ref).name as string);
    if (!type || type.kind !== "OBJECT") return "";
    const fields = (type.fields ?? []).filter((f) => !f.args.some((a) => a.type.kind === "NON_NULL" && a.defaultValue === null));
    const parts: string[] = [];
    for (const field of fields) {
      if (!this.chance(parts.length === 0 ? 0.6 : 0.35)) continue;
      const inner = this.schema.types.get(named(field.type).name as string);
      const alias = this.chance(0.05) ? `a${this.int(100)}: ` : "";
      if (inner?.kind === "OBJECT") {
        if (depth > 0) parts.push(`${alias}${field.name} ${this.randomSelection(field.type, depth - 1)}`);
      } else {
        parts.push(`${alias}${field.name}`);
      }
    }
    if (parts.length === 0) {
      const scalar = fields.find((f) => this.schema.types.get(named(f.type).name as string)?.kind !== "OBJECT");
      if (scalar) parts.push(scalar.name);
      else if (fields[0]) parts.push(`${fields[0].name} ${this.randomSelection(fields[0].type, 0)}`);
    }
    return `{ ${parts.join(" ")} }`;
  }

  /** A valid-looking operation on one or two root fields, with random arguments. */
  private validOperation(): { query: string; variables: Record<string, unknown> } {
    const roots = rootFields(this.schema);
    const mutation = this.chance(0.08);
    const candidates = roots.filter((r) => (r.operation === "mutation") === mutation);
    const chosen: Field[] = [this.pick(candidates).field];
    if (!mutation && this.chance(0.2)) chosen.push(this.pick(candidates).field);
    if (this.chance(0.25) && chosen.length === 1) {
      // The schema's own valid call, selection and all.
      return callOf(mutation ? "mutation" : "query", chosen[0] as Field, this.schema, null, undefined, this.chance(0.5));
    }
    const variables: Record<string, unknown> = {};
    const definitions: string[] = [];
    const selections = chosen.map((field, i) => {
      const args: string[] = [];
      for (const arg of field.args) {
        const required = arg.type.kind === "NON_NULL" && arg.defaultValue === null;
        if (!required && !this.chance(0.5)) continue;
        const value = this.chance(0.6) ? valueFor(arg.type, this.schema, field.name, arg.name) : this.randomValue(arg.type);
        if (this.chance(0.5)) {
          const name = `${arg.name}${i}`;
          definitions.push(`$${name}: ${printType(arg.type)}`);
          variables[name] = value;
          args.push(`${arg.name}: $${name}`);
        } else {
          args.push(`${arg.name}: ${printValue(value, arg.type, this.schema)}`);
        }
      }
      const alias = i > 0 ? `f${i}: ` : "";
      return `${alias}${field.name}${args.length > 0 ? `(${args.join(", ")})` : ""} ${this.randomSelection(field.type, 3)}`;
    });
    const name = this.chance(0.3) ? ` Op${this.int(1000)}` : "";
    const head = `${mutation ? "mutation" : "query"}${name}${definitions.length > 0 ? `(${definitions.join(", ")})` : ""}`;
    return { query: `${head} { ${selections.join(" ")} }`, variables };
  }

  /** A document with a few tokens deleted, doubled, swapped or inserted. */
  private mutatedDocument(query: string): string {
    const tokens = query.match(/"(?:[^"\\]|\\.)*"|\.\.\.|[A-Za-z_][A-Za-z0-9_]*|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\$|[{}()[\]:!=@,|&]|\S/gu) ?? [];
    const edits = 1 + this.int(3);
    for (let e = 0; e < edits && tokens.length > 0; e++) {
      const at = this.int(tokens.length);
      switch (this.int(8)) {
        case 0:
          tokens.splice(at, 1);
          break;
        case 1:
          tokens.splice(at, 0, tokens[at] as string);
          break;
        case 2:
          tokens.splice(at, 0, this.pick(TOKENS));
          break;
        case 3:
          if (at + 1 < tokens.length) [tokens[at], tokens[at + 1]] = [tokens[at + 1] as string, tokens[at] as string];
          break;
        case 4:
          tokens.splice(at, 0, String.fromCodePoint(this.int(0x2ffff)));
          break;
        case 5: {
          const i = tokens.findIndex((t) => /^-?\d/u.test(t));
          if (i >= 0) tokens[i] = this.pick(["1e400", "-9223372036854775809", "0.0000000000000000000001", "NaN", "2147483648", "-0"]);
          break;
        }
        case 6: {
          const n = 5 + this.int(40);
          tokens.splice(at, 0, `${"me {".repeat(n)} login ${"}".repeat(n)}`);
          break;
        }
        default: {
          const i = tokens.findIndex((t) => t === "query" || t === "mutation");
          if (i >= 0) tokens[i] = this.pick(["subscription", "mutation", "query", "fragment", "Query", ""]);
        }
      }
    }
    return tokens.join(" ");
  }

  private json(kind: string, body: unknown, extra: Record<string, string> = {}): FuzzRequest {
    return { kind, method: "POST", path: "graphql", headers: { "content-type": "application/json", cookie: this.cookie, ...extra }, body: JSON.stringify(body) };
  }

  next(): FuzzRequest {
    const roll = this.random();
    if (roll < 0.3) {
      const op = this.validOperation();
      return this.json("valid", op);
    }
    if (roll < 0.52) {
      const op = this.validOperation();
      return this.json("mutated", { query: this.mutatedDocument(op.query), variables: op.variables });
    }
    if (roll < 0.64) {
      const op = this.validOperation();
      const names = Object.keys(op.variables);
      const variables: unknown = this.chance(0.15) ? this.pick(["x", 1, [], null, true, "{}"]) : { ...op.variables };
      if (variables && typeof variables === "object" && !Array.isArray(variables)) {
        const v = variables as Record<string, unknown>;
        if (names.length > 0) v[this.pick(names)] = this.pick(ODD_VALUES);
        if (this.chance(0.3)) v[`extra${this.int(9)}`] = this.pick(ODD_VALUES);
      }
      const body: Record<string, unknown> = { query: op.query, variables };
      if (this.chance(0.1)) body.operationName = this.pick(["Nope", "", 42, null, "Op1"]);
      if (this.chance(0.05)) body.extensions = { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } };
      return this.json("variables", body);
    }
    if (roll < 0.74) {
      const valid = JSON.stringify(this.validOperation());
      const bodies: (string | Uint8Array)[] = [
        valid.slice(0, this.int(valid.length)),
        `${valid}${this.pick(["}", "]", ",", "x", "\u0000"])}`,
        valid.replace(/"/u, "'"),
        `\ufeff${valid}`,
        `{"query": ${this.pick(['"{ me { login } }"', "1", "null", "[]", "{}", "true"])}}`,
        `{"query":"{ me { login } }","query":"{ nope }"}`,
        "[".repeat(5000 + this.int(5000)) + "]".repeat(1000),
        Uint8Array.from({ length: 20 + this.int(200) }, () => this.int(256)),
        Uint8Array.from([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d]),
        "",
        "null",
        JSON.stringify([{ query: "{ me { login } }" }, { query: "{ me { login } }" }]),
      ];
      return { kind: "broken-json", method: "POST", path: "graphql", headers: { "content-type": "application/json", cookie: this.cookie }, body: this.pick(bodies) };
    }
    if (roll < 0.82) {
      const op = this.validOperation();
      const contentType = this.pick(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "application/graphql", "application/json; charset=utf-16", "application/json; charset=latin1", "", "*/*", "application/JSON"]);
      const method = this.pick(["POST", "POST", "GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"]);
      const headers: Record<string, string> = { cookie: this.cookie };
      if (contentType) headers["content-type"] = contentType;
      if (this.chance(0.3)) headers["apollo-require-preflight"] = "1";
      if (method === "GET" || method === "HEAD") {
        const search = new URLSearchParams({ query: op.query, variables: JSON.stringify(op.variables) });
        return { kind: "method", method, path: `graphql?${search.toString()}`, headers };
      }
      return { kind: "content-type", method, path: "graphql", headers, body: contentType.startsWith("application/x-www") ? `query=${encodeURIComponent(op.query)}` : JSON.stringify(op) };
    }
    if (roll < 0.9) {
      const input = this.schema.types.get("MetricQueryInput");
      const ref: TypeRef = { kind: "INPUT_OBJECT", name: input?.name ?? "MetricQueryInput", ofType: null };
      const query = this.chance(0.5) ? valueFor(ref, this.schema, "csv", "query") : this.randomValue(ref);
      const body = this.chance(0.1) ? this.pick(["{", "null", "[]", '"x"', "{}"]) : JSON.stringify({ query, language: this.pick(["fr", "en", "de", 1, null]) });
      return { kind: "csv", method: "POST", path: "api/metrics.csv", headers: { "content-type": this.pick(["application/json", "application/json", "text/plain"]), cookie: this.cookie }, body };
    }
    if (roll < 0.95) {
      const junk = this.pick(["%", "%E0%A4%A", "a".repeat(100), "", "ck_" + "f".repeat(32) + "_" + "x".repeat(43), "\u00e9", "corridor_session=1; corridor_session=2"]);
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (this.chance(0.5)) headers.authorization = this.pick(["Bearer ", "Bearer x", "Basic Og==", `Bearer ${junk}`, "bearer ck_" + "0".repeat(32) + "_" + "A".repeat(30)]);
      else headers.cookie = `corridor_session=${encodeURIComponent(junk).replace(/%25/gu, this.chance(0.5) ? "%" : "%25")}`;
      const target = this.pick(["graphql", "api/metrics.csv", "auth/me", "auth/logout"]);
      return { kind: "credentials", method: target === "auth/me" ? "GET" : "POST", path: target, headers, body: target === "auth/me" ? undefined : JSON.stringify({ query: "{ me { login } }" }) };
    }
    if (roll < 0.965) {
      const body = this.pick([JSON.stringify({ login: this.pick(STRINGS), password: this.pick(STRINGS) }), JSON.stringify({ login: this.pick(ODD_VALUES), password: this.pick(ODD_VALUES) }), "{", "", "x".repeat(5000)]);
      return { kind: "login", method: "POST", path: "auth/login", headers: { "content-type": this.pick(["application/json", "text/plain"]) }, body };
    }
    if (roll < 0.99) {
      // The other routes: report documents (id and format from the URL), the CLI's internal channel, sign-out.
      const junk = this.pick(["00000000-0000-0000-0000-000000000000", "..%2f..%2fetc%2fpasswd", "%00", "x".repeat(300), "1%20OR%201=1", "%E0%A4%A", ""]);
      const route = this.int(3);
      if (route === 0) return { kind: "other-routes", method: "GET", path: `api/reports/runs/${junk}/${this.pick(["pdf", "xlsx", "csv", "json", junk])}${this.chance(0.3) ? `?language=${this.pick(["fr", "en", "de", junk])}` : ""}`, headers: { cookie: this.cookie } };
      if (route === 1) return { kind: "other-routes", method: "POST", path: "internal/etl", headers: { "content-type": "application/json", authorization: `Bearer ${junk}` }, body: JSON.stringify({ argv: ["status"] }) };
      return { kind: "other-routes", method: "POST", path: "auth/logout", headers: { cookie: this.cookie.replace(/=.*/u, `=${junk}`) } };
    }
    // Oversized: a GraphQL body past its limit, a CSV body past 256 kB, a document of many tokens.
    const which = this.int(3);
    if (which === 0) return this.json("oversized", { query: "{ me { login } }", variables: { pad: "x".repeat(15 * 1024 * 1024) } });
    if (which === 1) return { kind: "oversized", method: "POST", path: "api/metrics.csv", headers: { "content-type": "application/json", cookie: this.cookie }, body: JSON.stringify({ query: { pad: "x".repeat(300_000) } }) };
    return this.json("oversized", { query: `{ ${"me { login } ".repeat(2000)} }` });
  }
}

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
