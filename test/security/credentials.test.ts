import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createLogger, openWarehouse, warehouseConfigFromEnv } from "@corridor/warehouse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnServer, type SpawnedServer } from "../support/spawn-server.js";
import { codeOf, createAccount, createKey, csv, expectServing, gql, login, OCTOBER, PASSWORD, secretOf, send, signIn, startRaw, TEST_ADMIN } from "./support.js";

// Who may come in, and who is refused, over HTTP: no credentials, wrong
// passwords, revoked and expired keys, expired sessions, disabled accounts,
// each role's rights, and the first administrator. Every refusal has its
// code, carries no data, and the server goes on serving.

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

const QUERY = { measures: [{ measure: "TONNES" }], dimensions: ["COUNTRY"], period: OCTOBER };
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("no credentials", () => {
  it("get UNAUTHENTICATED (401) and no data on GraphQL, the CSV export, uploads and /auth/me; `me` is null", async () => {
    const data = await gql(server.url, "{ countries { code } }");
    expect(data.status).toBe(401);
    expect(codeOf(data)).toBe("UNAUTHENTICATED");
    expect(data.body?.data ?? null).toBeNull();
    const figures = await gql(server.url, "query($q: MetricQueryInput!) { metrics(query: $q) { rows { cells { value } } } }", { q: QUERY });
    expect(codeOf(figures)).toBe("UNAUTHENTICATED");
    expect(figures.body?.data ?? null).toBeNull();
    const upload = await gql(server.url, 'mutation { uploadFile(fileName: "x.csv", contentBase64: "eA==") { status } }');
    expect(codeOf(upload)).toBe("UNAUTHENTICATED");
    expect(fs.existsSync(path.join(server.dataDir, "uploads"))).toBe(false);
    const exported = await csv(server.url, QUERY);
    expect(exported.status).toBe(401);
    expect(codeOf(exported)).toBe("UNAUTHENTICATED");
    const me = await send(server.url, "auth/me");
    expect(me.status).toBe(401);
    const anonymous = await gql(server.url, "{ me { login } }");
    expect(anonymous.body).toEqual({ data: { me: null } });
    await expectServing(server, admin);
  });

  it("a malformed Authorization header or session cookie is refused with 401, not a 500", async () => {
    for (const authorization of ["Bearer", "Basic YWRtaW46YWRtaW4=", "Bearer not-a-key", `Bearer ck_${"0".repeat(32)}_${"a".repeat(43)}`]) {
      const answer = await send(server.url, "graphql", { method: "POST", headers: { "content-type": "application/json", authorization }, body: JSON.stringify({ query: "{ countries { code } }" }) });
      expect(answer.status, authorization).toBe(401);
      expect(codeOf(answer), authorization).toBe("INVALID_CREDENTIALS");
    }
    // A cookie whose value is not valid percent-encoding.
    for (const cookie of ["corridor_session=%", "corridor_session=%E0%A4%A", "corridor_session=nope"]) {
      const answer = await send(server.url, "graphql", { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ query: "{ countries { code } }" }) });
      expect(answer.status, cookie).toBe(401);
      expect(codeOf(answer), cookie).toBe("INVALID_CREDENTIALS");
      const exported = await send(server.url, "api/metrics.csv", { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify({ query: QUERY }) });
      expect(exported.status, cookie).toBe(401);
      const me = await send(server.url, "auth/me", { headers: { cookie } });
      expect(me.status, cookie).toBe(401);
    }
    await expectServing(server, admin);
  });
});

describe("signing in", () => {
  it("refuses a wrong password and an unknown login alike (401 INVALID_CREDENTIALS, no cookie)", async () => {
    const wrong = await login(server.url, TEST_ADMIN.login, "not the password at all");
    const unknown = await login(server.url, "nobody", "not the password at all");
    for (const answer of [wrong, unknown]) {
      expect(answer.status).toBe(401);
      expect(codeOf(answer)).toBe("INVALID_CREDENTIALS");
      expect(answer.headers.get("set-cookie")).toBeNull();
    }
    expect(wrong.body).toEqual(unknown.body);
    await expectServing(server, admin);
  });

  it("sets an HttpOnly, SameSite=Strict cookie for SESSION_TTL_HOURS (12 h), and sign-out ends the session at once", async () => {
    const answer = await login(server.url, TEST_ADMIN.login, TEST_ADMIN.password);
    expect(answer.status).toBe(200);
    const cookie = answer.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^corridor_session=[A-Za-z0-9_-]{40,}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/u);
    const session = cookie.split(";")[0] as string;
    expect((await gql(server.url, "{ me { login } }", {}, { cookie: session })).body?.data).toEqual({ me: { login: TEST_ADMIN.login } });
    const out = await send(server.url, "auth/logout", { method: "POST", headers: { cookie: session } });
    expect(out.body).toEqual({ signedOut: true });
    const after = await gql(server.url, "{ countries { code } }", {}, { cookie: session });
    expect(after.status).toBe(401);
    expect(codeOf(after)).toBe("INVALID_CREDENTIALS");
    await expectServing(server, admin);
  });

  it("after 10 failures for one login, refuses even the right password with 429 TOO_MANY_ATTEMPTS and Retry-After; other logins still sign in", async () => {
    await createAccount(server.url, admin, { login: "guessed", role: "ANALYST" });
    for (let i = 0; i < 10; i++) expect((await login(server.url, "guessed", `wrong password ${i}`)).status).toBe(401);
    const throttled = await login(server.url, "guessed", PASSWORD);
    expect(throttled.status).toBe(429);
    expect(codeOf(throttled)).toBe("TOO_MANY_ATTEMPTS");
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(throttled.headers.get("set-cookie")).toBeNull();
    expect((await login(server.url, TEST_ADMIN.login, TEST_ADMIN.password)).status).toBe(200);
    await expectServing(server, admin);
  });
});

describe("API keys", () => {
  it("a revoked key is refused at once on GraphQL and the CSV export (401 KEY_REVOKED); the owner's other key still works", async () => {
    const analyst = await createAccount(server.url, admin, { login: "analyste.revoque", role: "ANALYST" });
    const revoked = await createKey(server.url, { cookie: analyst }, "to revoke");
    const kept = await createKey(server.url, { cookie: analyst }, "kept");
    // Used once, so the authenticator has it cached when it is revoked.
    expect((await gql(server.url, "{ me { login } }", {}, { bearer: revoked.key })).body?.data).toEqual({ me: { login: "analyste.revoque" } });
    const revocation = await gql<{ revokeApiKey: { revokedAt: string | null } }>(server.url, "mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }", { id: revoked.id }, { cookie: analyst });
    expect(revocation.body?.data?.revokeApiKey.revokedAt).toEqual(expect.any(String));
    const refused = await gql(server.url, "{ countries { code } }", {}, { bearer: revoked.key });
    expect(refused.status).toBe(401);
    expect(codeOf(refused)).toBe("KEY_REVOKED");
    expect(refused.body?.data ?? null).toBeNull();
    const exported = await csv(server.url, QUERY, { bearer: revoked.key });
    expect(exported.status).toBe(401);
    expect(codeOf(exported)).toBe("KEY_REVOKED");
    expect((await gql(server.url, "{ me { login } }", {}, { bearer: kept.key })).body?.data).toEqual({ me: { login: "analyste.revoque" } });
    await expectServing(server, admin);
  });

  it("a user cannot revoke, list or mint someone else's key", async () => {
    const owner = await createAccount(server.url, admin, { login: "proprietaire", role: "ANALYST" });
    const other = await createAccount(server.url, admin, { login: "voisin", role: "MINISTRY", country: "NE" });
    const key = await createKey(server.url, { cookie: owner }, "mine");
    const revoke = await gql(server.url, "mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }", { id: key.id }, { cookie: other });
    expect(codeOf(revoke)).toBe("BAD_USER_INPUT"); // "unknown key": another's key id is not confirmed to exist
    const listed = await gql<{ apiKeys: { id: string }[] }>(server.url, "{ apiKeys { id } }", {}, { cookie: other });
    expect(listed.body?.data?.apiKeys).toEqual([]);
    const minted = await gql(server.url, 'mutation { createApiKey(input: { name: "x", forLogin: "proprietaire" }) { key } }', {}, { cookie: other });
    expect(codeOf(minted)).toBe("FORBIDDEN");
    expect(JSON.stringify(minted.body)).not.toMatch(/ck_/u);
    expect((await gql(server.url, "{ me { login } }", {}, { bearer: key.key })).body?.data).toEqual({ me: { login: "proprietaire" } });
  });
});

describe("roles", () => {
  // What each role may do (docs/security.md): every role reads figures and manages its own keys;
  // administrators manage accounts and read the audit log; administrators and operators upload files.
  const OPERATIONS: Record<string, { document: string; allowed: readonly string[] }> = {
    figures: { document: "{ countries { code } measures { name } }", allowed: ["ADMIN", "MINISTRY", "ANALYST", "PORT_AUTHORITY", "OPERATOR"] },
    ownKeys: { document: "{ apiKeys { id } }", allowed: ["ADMIN", "MINISTRY", "ANALYST", "PORT_AUTHORITY", "OPERATOR"] },
    users: { document: "{ users { login } }", allowed: ["ADMIN"] },
    auditLog: { document: "{ auditLog(limit: 1) { login } }", allowed: ["ADMIN"] },
    createUser: { document: 'mutation { createUser(input: { login: "escalade", displayName: "x", role: ADMIN, password: "un mot de passe assez long" }) { login } }', allowed: [] },
    uploadFile: { document: 'mutation { uploadFile(fileName: "essai.txt", contentBase64: "eA==") { status } }', allowed: ["ADMIN", "OPERATOR"] },
  };

  it("each role gets FORBIDDEN (and no data) exactly where it has no right", async () => {
    const sessions: Record<string, string> = { ADMIN: admin };
    for (const role of ["MINISTRY", "ANALYST", "PORT_AUTHORITY", "OPERATOR"]) sessions[role] = await createAccount(server.url, admin, { login: `role.${role.toLowerCase()}`, role });
    for (const [role, cookie] of Object.entries(sessions)) {
      for (const [name, { document, allowed }] of Object.entries(OPERATIONS)) {
        const answer = await gql(server.url, document, {}, { cookie });
        expect(answer.status, `${role} ${name}`).toBeLessThan(500);
        if (allowed.includes(role)) {
          expect(answer.body?.errors, `${role} ${name}: ${answer.text}`).toBeUndefined();
        } else if (name === "createUser" && role === "ADMIN") {
          expect(answer.body?.errors, answer.text).toBeUndefined(); // an administrator may create an administrator
        } else {
          expect(codeOf(answer), `${role} ${name}`).toBe("FORBIDDEN");
          expect(answer.body?.data ?? null, `${role} ${name}`).toBeNull();
        }
      }
    }
    // Only the one administrator-made account exists: no escalation went through.
    const users = await gql<{ users: { login: string; role: string }[] }>(server.url, "{ users { login role } }", {}, { cookie: admin });
    expect(users.body?.data?.users.filter((u) => u.role === "ADMIN").map((u) => u.login).sort()).toEqual(["admin", "escalade"]);
    await expectServing(server, admin);
  });
});

describe("account changes", () => {
  const UPDATE = "mutation($login: String!, $input: UpdateUserInput!) { updateUser(login: $login, input: $input) { login role country disabled } }";
  const CHANGE = "mutation($current: String!, $password: String!) { changePassword(current: $current, password: $password) }";

  it("disabling an account refuses its session and its key at once (401 ACCOUNT_DISABLED); enabling it lets the key back in", async () => {
    const session = await createAccount(server.url, admin, { login: "suspendu", role: "ANALYST" });
    const { key } = await createKey(server.url, { cookie: session });
    const disabled = await gql(server.url, UPDATE, { login: "suspendu", input: { disabled: true } }, { cookie: admin });
    expect(disabled.body?.errors, disabled.text).toBeUndefined();
    for (const credentials of [{ cookie: session }, { bearer: key }]) {
      const refused = await gql(server.url, "{ countries { code } }", {}, credentials);
      expect(refused.status).toBe(401);
      expect(codeOf(refused)).toBe("ACCOUNT_DISABLED");
      expect(refused.body?.data ?? null).toBeNull();
      expect((await csv(server.url, QUERY, credentials)).status).toBe(401);
    }
    expect((await login(server.url, "suspendu", PASSWORD)).status).toBe(401);
    await gql(server.url, UPDATE, { login: "suspendu", input: { disabled: false } }, { cookie: admin });
    expect((await gql(server.url, "{ countries { code } }", {}, { bearer: key })).status).toBe(200);
  });

  it("a new role or country holds from the next request; nobody but an administrator changes accounts; an administrator cannot disable or demote themselves, nor have a country", async () => {
    const session = await createAccount(server.url, admin, { login: "promu", role: "ANALYST" });
    expect(codeOf(await gql(server.url, "{ users { login } }", {}, { cookie: session }))).toBe("FORBIDDEN");
    expect(codeOf(await gql(server.url, UPDATE, { login: "promu", input: { role: "ADMIN" } }, { cookie: session }))).toBe("FORBIDDEN");
    const scoped = await gql<{ updateUser: { country: string | null } }>(server.url, UPDATE, { login: "promu", input: { country: "BF" } }, { cookie: admin });
    expect(scoped.body?.data?.updateUser.country).toBe("BF");
    const detail = await gql(server.url, "query($q: MetricQueryInput!) { metrics(query: $q) { rows { cells { value } } } }", { q: { ...QUERY, dimensions: ["HS_CHAPTER"] } }, { cookie: session });
    expect(codeOf(detail)).toBe("FORBIDDEN");
    expect(codeOf(await gql(server.url, UPDATE, { login: "promu", input: { role: "ADMIN" } }, { cookie: admin }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await gql(server.url, UPDATE, { login: TEST_ADMIN.login, input: { disabled: true } }, { cookie: admin }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await gql(server.url, UPDATE, { login: TEST_ADMIN.login, input: { role: "ANALYST" } }, { cookie: admin }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await gql(server.url, UPDATE, { login: "inconnu", input: { disabled: true } }, { cookie: admin }))).toBe("BAD_USER_INPUT");
    await expectServing(server, admin);
  });

  it("changePassword asks for the current password, refuses a short one, then ends every session; the old password no longer signs in, the new one does", async () => {
    const first = await createAccount(server.url, admin, { login: "prudent", role: "MINISTRY" });
    const second = await signIn(server.url, "prudent", PASSWORD);
    const { key } = await createKey(server.url, { cookie: first });
    expect(codeOf(await gql(server.url, CHANGE, { current: "pas le bon mot de passe", password: "un nouveau mot de passe" }, { cookie: first }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await gql(server.url, CHANGE, { current: PASSWORD, password: "court" }, { cookie: first }))).toBe("BAD_USER_INPUT");
    expect(codeOf(await gql(server.url, CHANGE, { current: PASSWORD, password: "un nouveau mot de passe" }))).toBe("UNAUTHENTICATED");
    const changed = await gql<{ changePassword: boolean }>(server.url, CHANGE, { current: PASSWORD, password: "un nouveau mot de passe" }, { cookie: first });
    expect(changed.body?.data?.changePassword, changed.text).toBe(true);
    for (const cookie of [first, second]) expect((await gql(server.url, "{ countries { code } }", {}, { cookie })).status).toBe(401);
    expect((await gql(server.url, "{ countries { code } }", {}, { bearer: key })).status).toBe(200);
    expect((await login(server.url, "prudent", PASSWORD)).status).toBe(401);
    expect((await login(server.url, "prudent", "un nouveau mot de passe")).status).toBe(200);
  });
});

describe("expired sessions and keys, disabled accounts (rows changed while the server is stopped)", () => {
  it("SESSION_EXPIRED, KEY_EXPIRED and ACCOUNT_DISABLED on every entry point; secrets are stored only as hashes", async () => {
    const session = await signIn(server.url);
    const sessionToken = decodeURIComponent(session.slice(session.indexOf("=") + 1));
    const expiring = await createKey(server.url, { cookie: admin }, "expiring", 30);
    const leaver = await createAccount(server.url, admin, { login: "depart", role: "ANALYST" });
    const leaverToken = decodeURIComponent(leaver.slice(leaver.indexOf("=") + 1));
    const leaverKey = await createKey(server.url, { cookie: leaver }, "leaver");
    await server.stop();

    const warehouse = await openWarehouse(warehouseConfigFromEnv({ DATA_DIR: server.dataDir, EMBEDDED_SESSIONS: "1" }), { role: "test", logger: createLogger({ level: "silent" }) });
    try {
      const now = new Date();
      const past = new Date(now.getTime() - 60_000).toISOString();
      // As AccessStore does: a newer version of the row (ReplacingMergeTree on updated_at).
      const [row] = await warehouse.query<{ user_id: string; created_at: string }>({ sql: "SELECT user_id, created_at FROM sessions FINAL WHERE token_hash = {h:FixedString(64)}", params: { h: sha256(sessionToken) }, tag: "test:session" });
      expect(row).toBeDefined();
      await warehouse.insert("sessions", [{ token_hash: sha256(sessionToken), user_id: row?.user_id, created_at: row?.created_at, expires_at: past, revoked: 0, updated_at: now.toISOString() }], { tag: "test:expire-session" });
      const [key] = await warehouse.query<Record<string, unknown>>({ sql: "SELECT key_id, user_id, name, secret_hash, created_at FROM api_keys FINAL WHERE key_id = {id:UUID}", params: { id: expiring.id }, tag: "test:key" });
      await warehouse.insert("api_keys", [{ ...key, expires_at: past, revoked_at: null, updated_at: now.toISOString() }], { tag: "test:expire-key" });
      const [user] = await warehouse.query<Record<string, unknown>>({ sql: "SELECT user_id, login, display_name, role, country, language, password_hash, created_at FROM users FINAL WHERE login = 'depart'", tag: "test:user" });
      await warehouse.insert("users", [{ ...user, disabled: 1, updated_at: now.toISOString() }], { tag: "test:disable" });

      // Nothing secret is kept in clear: passwords as scrypt, session tokens and key secrets as sha256.
      const stored = JSON.stringify(await warehouse.query({ sql: "SELECT * FROM users FINAL", tag: "test:dump" })) + JSON.stringify(await warehouse.query({ sql: "SELECT * FROM sessions FINAL", tag: "test:dump" })) + JSON.stringify(await warehouse.query({ sql: "SELECT * FROM api_keys FINAL", tag: "test:dump" }));
      for (const secret of [TEST_ADMIN.password, PASSWORD, sessionToken, leaverToken, secretOf(expiring.key), secretOf(leaverKey.key)]) expect(stored).not.toContain(secret);
      expect(stored).toContain(sha256(secretOf(leaverKey.key)));
      expect(stored).toContain(sha256(sessionToken));
      expect(stored).toMatch(/"password_hash":"scrypt\$32768\$8\$1\$/u);
    } finally {
      await warehouse.close();
    }

    server = await spawnServer({ DATA_DIR: server.dataDir, INBOX_POLL_MS: "0" });
    const expired = await gql(server.url, "{ countries { code } }", {}, { cookie: session });
    expect(expired.status).toBe(401);
    expect(codeOf(expired)).toBe("SESSION_EXPIRED");
    expect(expired.body?.data ?? null).toBeNull();
    const expiredCsv = await csv(server.url, QUERY, { cookie: session });
    expect([expiredCsv.status, codeOf(expiredCsv)]).toEqual([401, "SESSION_EXPIRED"]);
    const expiredMe = await send(server.url, "auth/me", { headers: { cookie: session } });
    expect([expiredMe.status, codeOf(expiredMe)]).toEqual([401, "SESSION_EXPIRED"]);

    const keyExpired = await gql(server.url, "{ countries { code } }", {}, { bearer: expiring.key });
    expect([keyExpired.status, codeOf(keyExpired)]).toEqual([401, "KEY_EXPIRED"]);
    expect([(await csv(server.url, QUERY, { bearer: expiring.key })).status]).toEqual([401]);

    for (const credentials of [{ cookie: leaver }, { bearer: leaverKey.key }]) {
      const disabled = await gql(server.url, "{ countries { code } }", {}, credentials);
      expect([disabled.status, codeOf(disabled)]).toEqual([401, "ACCOUNT_DISABLED"]);
      const disabledCsv = await csv(server.url, QUERY, credentials);
      expect([disabledCsv.status, codeOf(disabledCsv)]).toEqual([401, "ACCOUNT_DISABLED"]);
    }
    const disabledLogin = await login(server.url, "depart", PASSWORD);
    expect([disabledLogin.status, codeOf(disabledLogin)]).toEqual([401, "INVALID_CREDENTIALS"]);

    admin = await signIn(server.url);
    await expectServing(server, admin);
  });
});

describe("the first administrator", () => {
  it("has no default password: one is generated, printed once and written owner-only to DATA_DIR/first-admin.txt", async () => {
    const dataDir = fs.mkdtempSync(path.join(path.dirname(server.dataDir), "corridor-first-admin-"));
    try {
      const first = await startRaw({ DATA_DIR: dataDir, ADMIN_LOGIN: "chef", ADMIN_PASSWORD: undefined });
      expect(first.url, first.output()).not.toBeNull();
      const printed = /mot de passe \/ password : (\S+)/u.exec(first.output())?.[1] ?? "";
      expect(printed.length).toBeGreaterThanOrEqual(20);
      const file = path.join(dataDir, "first-admin.txt");
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(file, "utf8")).toContain(`password: ${printed}`);
      for (const guess of ["admin", "password", "changeme", "chef"]) expect((await login(first.url as string, "chef", guess)).status).toBe(401);
      expect((await login(first.url as string, "admin", "admin")).status).toBe(401);
      const signedIn = await login(first.url as string, "chef", printed);
      expect(signedIn.status).toBe(200);
      expect(signedIn.body).toMatchObject({ user: { login: "chef", role: "admin", country: null } });
      await first.stop();
      // The second start creates nobody and prints no password.
      const second = await startRaw({ DATA_DIR: dataDir, ADMIN_LOGIN: "autre", ADMIN_PASSWORD: undefined });
      expect(second.output()).not.toMatch(/password :/u);
      expect((await login(second.url as string, "chef", printed)).status).toBe(200);
      await second.stop();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("refuses to start with an ADMIN_PASSWORD shorter than 12 characters", async () => {
    const dataDir = fs.mkdtempSync(path.join(path.dirname(server.dataDir), "corridor-first-admin-"));
    try {
      const refused = await startRaw({ DATA_DIR: dataDir, ADMIN_PASSWORD: "admin" });
      expect(refused.url).toBeNull();
      expect(refused.exitCode).not.toBe(0);
      expect(refused.output()).toMatch(/ADMIN_PASSWORD: au moins 12 caractères/u);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
