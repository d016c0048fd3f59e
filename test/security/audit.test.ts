import { createHash } from "node:crypto";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnServer, type SpawnedServer } from "../support/spawn-server.js";
import { codeOf, createAccount, createKey, csv, expectServing, gql, OCTOBER, secretOf, signIn } from "./support.js";

// The audit trail: after a mix of answered, failed and refused requests on
// both entry points, an administrator's `auditLog` says who asked what, when,
// how long it took and how it ended, with every secret masked.

let server: SpawnedServer;
let admin: string;

beforeAll(async () => {
  server = await spawnServer({ INBOX_POLL_MS: "0" });
  admin = await signIn(server.url);
});
afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

interface AuditRecord {
  at: string;
  entry: string;
  login: string;
  keyId: string;
  role: string;
  scope: string;
  address: string;
  operationType: string;
  operationName: string;
  queryHash: string;
  query: string;
  variables: string;
  durationMs: number;
  httpStatus: number;
  outcome: string;
  errorCodes: string[];
}
const AUDIT = "query($limit: Int!, $login: String, $outcome: String) { auditLog(limit: $limit, login: $login, outcome: $outcome) { at entry login keyId role scope address operationType operationName queryHash query variables durationMs httpStatus outcome errorCodes } }";
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("the audit log", () => {
  it("keeps who, what, when, how long and how it ended for answered, failed and refused requests, secrets masked", async () => {
    const started = Date.now();
    const secrets = { variablePassword: "mot de passe en variable 1", inlinePassword: "mot de passe en clair 22", renamedPassword: "mot de passe renomme 333", content: Buffer.from("contenu confidentiel du fichier").toString("base64") };

    // Accounts made with the password as a variable, written inline, and through a variable of another name.
    const created = await gql(server.url, "mutation($input: NewUserInput!) { createUser(input: $input) { login } }", { input: { login: "analyste.audit", displayName: "Analyste", role: "ANALYST", country: "BF", password: secrets.variablePassword } }, { cookie: admin });
    expect(created.body?.errors).toBeUndefined();
    const inline = await gql(server.url, `mutation { createUser(input: { login: "second.audit", displayName: "Second", role: MINISTRY, password: "${secrets.inlinePassword}" }) { login } }`, {}, { cookie: admin });
    expect(inline.body?.errors).toBeUndefined();
    const renamed = await gql(server.url, 'mutation($p: String!) { createUser(input: { login: "troisieme.audit", displayName: "Trois", role: ANALYST, password: $p }) { login } }', { p: secrets.renamedPassword }, { cookie: admin });
    expect(renamed.body?.errors).toBeUndefined();
    const upload = await gql(server.url, `mutation { uploadFile(fileName: "note.txt", contentBase64: "${secrets.content}") { status } }`, {}, { cookie: admin });
    expect(upload.body?.errors).toBeUndefined();

    const analyst = await signIn(server.url, "analyste.audit", secrets.variablePassword);
    const key = await createKey(server.url, { cookie: analyst }, "carnet");
    const FIGURES = "query Chiffres($q: MetricQueryInput!) { metrics(query: $q) { truncated } }";
    const figures = await gql(server.url, FIGURES, { q: { measures: [{ measure: "TONNES" }], dimensions: ["COUNTRY"], period: OCTOBER } }, { bearer: key.key });
    expect(figures.body?.errors).toBeUndefined();
    const forbidden = await gql(server.url, "query Comptes { users { login } }", {}, { bearer: key.key });
    expect(codeOf(forbidden)).toBe("FORBIDDEN");
    const invalid = await gql(server.url, "{ nope }", {}, { bearer: key.key });
    expect(codeOf(invalid)).toBe("GRAPHQL_VALIDATION_FAILED");
    const refused = await gql(server.url, "{ countries { code } }", {}, { bearer: `${key.key.slice(0, -4)}AAAA` });
    expect(codeOf(refused)).toBe("INVALID_CREDENTIALS");
    const exported = await csv(server.url, { measures: [{ measure: "TONNES" }], dimensions: ["COUNTRY"], period: OCTOBER }, { bearer: key.key });
    expect(exported.status).toBe(200);

    const answer = await gql<{ auditLog: AuditRecord[] }>(server.url, AUDIT, { limit: 100 }, { cookie: admin });
    expect(answer.body?.errors).toBeUndefined();
    const log = answer.body?.data?.auditLog ?? [];
    const ended = Date.now();

    // Newest first, each with its time, a duration and a status.
    expect(log.map((r) => Date.parse(r.at))).toEqual([...log.map((r) => Date.parse(r.at))].sort((a, b) => b - a));
    for (const record of log) {
      expect(Date.parse(record.at)).toBeGreaterThanOrEqual(started - 1000);
      expect(Date.parse(record.at)).toBeLessThanOrEqual(ended + 1000);
      expect(Number.isInteger(record.durationMs) && record.durationMs >= 0).toBe(true);
      expect(["ok", "error", "refused"]).toContain(record.outcome);
      expect(record.address).not.toBe("");
    }

    const figuresRow = log.find((r) => r.operationName === "Chiffres");
    expect(figuresRow).toMatchObject({ entry: "graphql", login: "analyste.audit", keyId: key.id, role: "analyst", scope: "BF", operationType: "query", query: FIGURES, queryHash: sha256(FIGURES), httpStatus: 200, outcome: "ok", errorCodes: [] });
    expect(JSON.parse(figuresRow?.variables ?? "null")).toEqual({ q: { measures: [{ measure: "TONNES" }], dimensions: ["COUNTRY"], period: OCTOBER } });
    expect(log.find((r) => r.operationName === "Comptes")).toMatchObject({ login: "analyste.audit", keyId: key.id, outcome: "error", errorCodes: ["FORBIDDEN"] });
    expect(log.find((r) => r.query === "{ nope }")).toMatchObject({ login: "analyste.audit", httpStatus: 400, outcome: "error", errorCodes: ["GRAPHQL_VALIDATION_FAILED"] });
    expect(log.find((r) => r.httpStatus === 401)).toMatchObject({ entry: "graphql", login: "", keyId: "", operationType: "refused", outcome: "refused", errorCodes: ["INVALID_CREDENTIALS"] });
    const csvRow = log.find((r) => r.entry === "csv");
    expect(csvRow).toMatchObject({ login: "analyste.audit", keyId: key.id, scope: "BF", operationType: "csv", operationName: "metrics.csv", httpStatus: 200, outcome: "ok" });
    expect(JSON.parse(csvRow?.query ?? "null")).toMatchObject({ measures: [{ measure: "TONNES" }], dimensions: ["COUNTRY"] });
    const mutations = log.filter((r) => r.operationType === "mutation" && r.login === "admin");
    expect(mutations.length).toBeGreaterThanOrEqual(4);

    // No secret reached the table: passwords (as variables, inline, renamed), file contents, the API key, the session.
    const everything = JSON.stringify(log);
    for (const secret of [...Object.values(secrets), key.key, secretOf(key.key), admin.split("=")[1] as string, analyst.split("=")[1] as string]) expect(everything).not.toContain(secret);
    expect(everything).toContain('\\"password\\":\\"***\\"');
    expect(everything).toContain('password: \\"***\\"');
    expect(everything).toContain('contentBase64: \\"***\\"');
    await expectServing(server, admin);
  });

  it("a request the engine cannot store as sent (an unpaired surrogate) does not stop the audit of the requests after it", async () => {
    const send = (body: string) => fetch(new URL("graphql", server.url), { method: "POST", headers: { "content-type": "application/json", cookie: admin }, body });
    // "\ud800" in JSON is a lone UTF-16 surrogate once parsed: in the document, a variable and the operation name.
    expect((await send('{"query":"query Surrogate($c: String) { offices(country: $c) { code } } # \\ud800","variables":{"c":"\\ud800"},"operationName":"Surrogate"}')).status).toBeLessThan(500);
    expect((await send('{"query":"query Seul { offices(country: \\"\\ud800\\") { code } }"}')).status).toBeLessThan(500);
    expect((await send('{"query":"query Apres { me { login } }"}')).status).toBe(200);
    const answer = await gql<{ auditLog: AuditRecord[] }>(server.url, AUDIT, { limit: 10 }, { cookie: admin });
    expect(answer.body?.errors).toBeUndefined();
    const log = answer.body?.data?.auditLog ?? [];
    expect(log.map((r) => r.operationName)).toEqual(expect.arrayContaining(["Apres", "Surrogate"]));
    // The document that did not parse is kept too, the surrogate replaced by U+FFFD.
    expect(log.find((r) => r.query.startsWith("query Seul"))?.query).toBe('query Seul { offices(country: "\ufffd") { code } }');
    await expectServing(server, admin);
  });

  it("filters by login and by outcome, and is for administrators only", async () => {
    const mine = await gql<{ auditLog: AuditRecord[] }>(server.url, AUDIT, { limit: 1000, login: "analyste.audit" }, { cookie: admin });
    expect(mine.body?.data?.auditLog.length).toBeGreaterThanOrEqual(4);
    expect(new Set(mine.body?.data?.auditLog.map((r) => r.login))).toEqual(new Set(["analyste.audit"]));
    const refused = await gql<{ auditLog: AuditRecord[] }>(server.url, AUDIT, { limit: 1000, outcome: "refused" }, { cookie: admin });
    expect(refused.body?.data?.auditLog.length).toBeGreaterThanOrEqual(1);
    expect(new Set(refused.body?.data?.auditLog.map((r) => r.outcome))).toEqual(new Set(["refused"]));
    const huge = await gql<{ auditLog: AuditRecord[] }>(server.url, AUDIT, { limit: 2_000_000_000 }, { cookie: admin });
    expect(huge.body?.errors).toBeUndefined(); // capped at 1 000 rows, not refused
    const analyst = await createAccount(server.url, admin, { login: "curieux", role: "ANALYST" });
    const denied = await gql(server.url, AUDIT, { limit: 10 }, { cookie: analyst });
    expect(codeOf(denied)).toBe("FORBIDDEN");
    expect(denied.body?.data ?? null).toBeNull();
  });
});
