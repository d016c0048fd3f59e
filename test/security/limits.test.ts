import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSamples } from "../support/sample-server.js";
import { spawnServer, type SpawnedServer } from "../support/spawn-server.js";
import { codeOf, createKey, csv, expectServing, gql, OCTOBER, send, signIn } from "./support.js";

// The limits of docs/security.md, each made small through its environment
// variable on a server loaded with the samples: depth, aliases, cost, tokens,
// time, result size and rate. Every refusal has its code and HTTP status,
// carries no data, and the server goes on serving.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "corridor-limits-"));
beforeAll(async () => {
  await loadSamples(dataDir);
});
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** One server at a time on the samples' directory, with these limits. */
function serverWith(env: Record<string, string>): { server: () => SpawnedServer; admin: () => string } {
  let server: SpawnedServer;
  let admin: string;
  beforeAll(async () => {
    server = await spawnServer({ DATA_DIR: dataDir, INBOX_POLL_MS: "0", ...env });
    admin = await signIn(server.url);
  });
  afterAll(async () => {
    await server?.stop();
  });
  return { server: () => server, admin: () => admin };
}

const METRICS = "query($q: MetricQueryInput!) { metrics(query: $q) { truncated rows { cells { value } } } }";
const tonnes = (extra: Record<string, unknown> = {}) => ({ measures: [{ measure: "TONNES" }], period: OCTOBER, ...extra });

describe("depth, aliases, cost and tokens (API_MAX_DEPTH=2, API_MAX_ALIASES=5, API_MAX_COST=400)", () => {
  const { server, admin } = serverWith({ API_MAX_DEPTH: "2", API_MAX_ALIASES: "5", API_MAX_COST: "400", API_MAX_TOKENS: "400" });

  it("an over-deep query gets 400 GRAPHQL_VALIDATION_FAILED, also when the depth hides in fragments", async () => {
    const deep = await gql(server().url, METRICS, { q: tonnes() }, { cookie: admin() });
    expect(deep.status).toBe(400);
    expect(codeOf(deep)).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(deep.body?.errors?.[0]?.message).toBe("Requête trop profonde : 2 niveaux au plus. / Query too deep: at most 2 levels.");
    expect(deep.body?.data ?? null).toBeNull();
    const hidden = await gql(server().url, "query($q: MetricQueryInput!) { ...A } fragment A on Query { metrics(query: $q) { ...B } } fragment B on MetricResult { rows { ...C } } fragment C on MetricRow { cells { value } }", { q: tonnes() }, { cookie: admin() });
    expect([hidden.status, codeOf(hidden)]).toEqual([400, "GRAPHQL_VALIDATION_FAILED"]);
    expect(hidden.body?.errors?.map((e) => e.message)).toContain("Requête trop profonde : 2 niveaux au plus. / Query too deep: at most 2 levels.");
    // Fragment cycles and unknown fragments are validation errors, not crashes of the depth rule.
    const cycle = await gql(server().url, "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }", {}, { cookie: admin() });
    expect([cycle.status, codeOf(cycle)]).toEqual([400, "GRAPHQL_VALIDATION_FAILED"]);
    const unknown = await gql(server().url, "{ ...Nowhere }", {}, { cookie: admin() });
    expect([unknown.status, codeOf(unknown)]).toEqual([400, "GRAPHQL_VALIDATION_FAILED"]);
    // Introspection is not counted: the explorer's own query passes.
    const introspection = await gql(server().url, "{ __schema { queryType { fields { name args { name type { name ofType { name ofType { name } } } } } } } }", {}, { cookie: admin() });
    expect(introspection.body?.errors).toBeUndefined();
    expect((await gql(server().url, "{ warehouse { feeds { feed } } }", {}, { cookie: admin() })).body?.errors).toBeUndefined();
    await expectServing(server(), admin());
  });

  it("too many aliases get 400 GRAPHQL_VALIDATION_FAILED, counted across fragments", async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: countries { code }`).join(" ")} }`;
    expect((await gql(server().url, aliases(5), {}, { cookie: admin() })).body?.errors).toBeUndefined();
    const many = await gql(server().url, aliases(6), {}, { cookie: admin() });
    expect([many.status, codeOf(many)]).toEqual([400, "GRAPHQL_VALIDATION_FAILED"]);
    expect(many.body?.errors?.[0]?.message).toBe("Trop d'alias : 5 au plus. / Too many aliases: at most 5.");
    expect(many.body?.data ?? null).toBeNull();
    const spread = await gql(server().url, "{ x: countries { c1: code c2: code } ...F } fragment F on Query { y: countries { c3: code c4: code } }", {}, { cookie: admin() });
    expect([spread.status, codeOf(spread)]).toEqual([400, "GRAPHQL_VALIDATION_FAILED"]);
    await expectServing(server(), admin());
  });

  it("an over-costly query gets 400 QUERY_TOO_COSTLY before it runs, its measures counted from the variables too", async () => {
    const two = await gql(server().url, "query($p: PeriodInput!) { a: overview(period: $p) { period { from } } b: overview(period: $p) { period { from } } }", { p: OCTOBER }, { cookie: admin() });
    expect([two.status, codeOf(two)]).toEqual([400, "QUERY_TOO_COSTLY"]);
    expect(two.body?.errors?.[0]?.message).toMatch(/^Requête trop coûteuse : \d+ pour un maximum de 400\. .* \/ Query too costly: \d+ for a maximum of 400\./u);
    expect(two.body?.data ?? null).toBeNull();
    const measures = ["TONNES", "TEU", "CONTAINERS", "DECLARATIONS", "CIF_VALUE", "GUARANTEES", "TRUCKS", "CUSTOMS_REVENUE", "PORT_CHARGES", "PORT_DWELL", "CUSTOMS_RELEASE", "BORDER_CROSSING", "CORRIDOR_TRANSIT", "END_TO_END"];
    const wide = await gql(server().url, "query($q: MetricQueryInput!) { metrics(query: $q) { truncated } }", { q: { measures: measures.map((measure) => ({ measure })), period: OCTOBER, compare: true } }, { cookie: admin() });
    expect([wide.status, codeOf(wide)]).toEqual([400, "QUERY_TOO_COSTLY"]);
    await expectServing(server(), admin());
  });

  it("a document over API_MAX_TOKENS is refused while parsing (400 GRAPHQL_PARSE_FAILED), and batches are refused (400)", async () => {
    const long = await gql(server().url, `{ ${Array.from({ length: 150 }, () => "countries { code }").join(" ")} }`, {}, { cookie: admin() });
    expect([long.status, codeOf(long)]).toEqual([400, "GRAPHQL_PARSE_FAILED"]);
    const batch = await send(server().url, "graphql", { method: "POST", headers: { "content-type": "application/json", cookie: admin() }, body: JSON.stringify([{ query: "{ me { login } }" }, { query: "{ me { login } }" }]) });
    expect([batch.status, codeOf(batch)]).toEqual([400, "BAD_REQUEST"]);
    await expectServing(server(), admin());
  });
});

describe("a slow query past its timeout (API_QUERY_TIMEOUT_MS=1)", () => {
  const { server, admin } = serverWith({ API_QUERY_TIMEOUT_MS: "1" });

  it("metrics, overview and countryFigures get QUERY_TIMEOUT and no data; the CSV export 504 QUERY_TIMEOUT", async () => {
    const cases: [string, Record<string, unknown>][] = [
      ["query($q: MetricQueryInput!) { metrics(query: $q) { truncated } }", { q: tonnes({ dimensions: ["CONSIGNEE"], grain: "DAY" }) }],
      ["query($p: PeriodInput!) { overview(period: $p) { kpis { value } } }", { p: OCTOBER }],
      ["query($p: PeriodInput!) { countryFigures(period: $p) { countries { country } } }", { p: OCTOBER }],
    ];
    for (const [document, variables] of cases) {
      const started = Date.now();
      const answer = await gql(server().url, document, variables, { cookie: admin() });
      expect(answer.status, document).toBe(200);
      expect(codeOf(answer), document).toBe("QUERY_TIMEOUT");
      expect(answer.body?.data ?? null, document).toBeNull();
      expect(answer.body?.errors?.[0]?.message).toMatch(/La requête a dépassé son délai.* \/ The query took too long/u);
      expect(Date.now() - started, document).toBeLessThan(5_000); // stopped by the engine, not waited out
    }
    const exported = await csv(server().url, tonnes({ dimensions: ["CONSIGNEE"] }), { cookie: admin() });
    expect([exported.status, codeOf(exported)]).toEqual([504, "QUERY_TIMEOUT"]);
    await expectServing(server(), admin());
  });

  // README: API_QUERY_TIMEOUT_MS is the limit of "each statement an API request sends".
  it("the policy views (guaranteeSavings, tariffScenario) and the dwell histogram are held to the same time limit", async () => {
    const views: Record<string, [string, Record<string, unknown>]> = {
      guaranteeSavings: ["query($p: PeriodInput!) { guaranteeSavings(period: $p) { rows { country } } }", { p: OCTOBER }],
      tariffScenario: ["query($p: PeriodInput!) { tariffScenario(period: $p, bands: [{ fromRate: 0.1, toRate: 0.15 }]) { rows { country } } }", { p: OCTOBER }],
      portDwellHistogram: ["query($p: PeriodInput!) { portDwellHistogram(period: $p) { containers } }", { p: OCTOBER }],
    };
    const codes: Record<string, string | undefined> = {};
    for (const [name, [document, variables]] of Object.entries(views)) codes[name] = codeOf(await gql(server().url, document, variables, { cookie: admin() }));
    expect(codes).toEqual({ guaranteeSavings: "QUERY_TIMEOUT", tariffScenario: "QUERY_TIMEOUT", portDwellHistogram: "QUERY_TIMEOUT" });
    await expectServing(server(), admin());
  });
});

describe("an oversized result (API_MAX_RESULT_ROWS=2)", () => {
  const { server, admin } = serverWith({ API_MAX_RESULT_ROWS: "2" });

  it("a split by CONSIGNEE or by DAY gets RESULT_TOO_LARGE and no data; the CSV export 413 RESULT_TOO_LARGE", async () => {
    for (const q of [tonnes({ dimensions: ["CONSIGNEE"] }), tonnes({ grain: "DAY" })]) {
      const answer = await gql(server().url, METRICS, { q }, { cookie: admin() });
      expect([answer.status, codeOf(answer)], answer.text).toEqual([200, "RESULT_TOO_LARGE"]);
      expect(answer.body?.data ?? null).toBeNull();
      expect(answer.text).not.toMatch(/BF0045120|ML0330912/u);
    }
    const exported = await csv(server().url, tonnes({ dimensions: ["CONSIGNEE"] }), { cookie: admin() });
    expect([exported.status, codeOf(exported)]).toEqual([413, "RESULT_TOO_LARGE"]);
    expect(exported.headers.get("content-type")).toMatch(/^application\/json/u);
    // Within the limit, the same query answers; `limit` cuts rows without an error.
    const small = await gql<{ metrics: { truncated: boolean; rows: unknown[] } }>(server().url, METRICS, { q: tonnes({ dimensions: ["CONSIGNEE"], filters: [{ dimension: "COUNTRY", values: ["BF"] }], limit: 1 }) }, { cookie: admin() });
    expect(small.body?.errors).toBeUndefined();
    expect(small.body?.data?.metrics).toMatchObject({ truncated: true, rows: [expect.anything()] });
    await expectServing(server(), admin());
  });

  // README: API_MAX_RESULT_ROWS is what "one statement of an API request may return".
  it("the policy views are held to the same result size (three country-months of guarantees > 2)", async () => {
    const guarantees = await gql(server().url, "query($p: PeriodInput!) { guaranteeSavings(period: $p) { rows { country } } }", { p: OCTOBER }, { cookie: admin() });
    expect(codeOf(guarantees), guarantees.text).toBe("RESULT_TOO_LARGE");
  });
});

describe("a rate-limited key (API_RATE_BURST=3, API_RATE_PER_MINUTE=1)", () => {
  const { server, admin } = serverWith({ API_RATE_BURST: "3", API_RATE_PER_MINUTE: "1" });

  it("gets 429 RATE_LIMITED with Retry-After on GraphQL and the CSV export once its burst is used; other keys are served; refusals are audited", async () => {
    // The administrator's bucket: two requests here, the audit read below.
    const limited = await createKey(server().url, { cookie: admin() }, "busy script");
    const other = await createKey(server().url, { cookie: admin() }, "other script");
    for (let i = 0; i < 3; i++) expect((await gql(server().url, "{ countries { code } }", {}, { bearer: limited.key })).status).toBe(200);
    const refused = await gql(server().url, "{ countries { code } }", {}, { bearer: limited.key });
    expect([refused.status, codeOf(refused)]).toEqual([429, "RATE_LIMITED"]);
    expect(refused.body?.data ?? null).toBeNull();
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.body?.errors?.[0]?.extensions?.retryAfterSeconds).toBe(retryAfter);
    // The CSV export counts against the same bucket.
    const exported = await csv(server().url, tonnes({ dimensions: ["COUNTRY"] }), { bearer: limited.key });
    expect([exported.status, codeOf(exported)]).toEqual([429, "RATE_LIMITED"]);
    expect(Number(exported.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    // Another key has its own bucket: the server keeps serving.
    const served = await gql<{ countries: unknown[] }>(server().url, "{ countries { code } }", {}, { bearer: other.key });
    expect(served.status).toBe(200);
    expect(served.body?.data?.countries).toHaveLength(5);
    expect(server().process.exitCode).toBeNull();
    const audit = await gql<{ auditLog: { entry: string; keyId: string; httpStatus: number; outcome: string; errorCodes: string[] }[] }>(server().url, '{ auditLog(limit: 50, outcome: "refused") { entry keyId httpStatus outcome errorCodes } }', {}, { cookie: admin() });
    expect(audit.body?.errors).toBeUndefined();
    const refusals = audit.body?.data?.auditLog.filter((r) => r.keyId === limited.id) ?? [];
    expect(refusals.map((r) => [r.entry, r.httpStatus, r.errorCodes]).sort()).toEqual([
      ["csv", 429, ["RATE_LIMITED"]],
      ["graphql", 429, ["RATE_LIMITED"]],
    ]);
  });

  it("anonymous callers are limited by address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await gql(server().url, "{ me { login } }")).status);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    expect((await send(server().url, "healthz")).status).toBe(200);
  });
});
