import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql, signIn, spawnServer, TEST_ADMIN, type SpawnedServer } from "../../test/support/spawn-server.js";

let server: SpawnedServer;
let admin: string;

beforeAll(async () => {
  server = await spawnServer();
  admin = await signIn(server.url);
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

const codeOf = (body: { errors?: { extensions?: { code?: string } }[] }) => body.errors?.[0]?.extensions?.code;

describe("signing in and API keys", () => {
  it("refuses data without credentials, and a wrong password", async () => {
    const anonymous = await graphql(server.url, "{ countries { code } }");
    expect(codeOf(anonymous.body)).toBe("UNAUTHENTICATED");
    expect(anonymous.body.data).toBeNull();
    const wrong = await fetch(new URL("auth/login", server.url), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ login: TEST_ADMIN.login, password: "nope" }) });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe("INVALID_CREDENTIALS");
  });

  it("issues an API key shown once, accepts it, and refuses it once revoked", async () => {
    const created = await graphql<{ createApiKey: { key: string; info: { id: string; name: string } } }>(server.url, 'mutation { createApiKey(input: { name: "script R" }) { key info { id name } } }', {}, { cookie: admin });
    const key = created.body.data?.createApiKey.key ?? "";
    expect(key).toMatch(/^ck_[0-9a-f]{32}_/u);
    const listed = await graphql<{ apiKeys: { id: string; name: string }[] }>(server.url, "{ apiKeys { id name } }", {}, { bearer: key });
    expect(listed.body.data?.apiKeys.map((k) => k.name)).toEqual(["script R"]);
    expect(JSON.stringify(listed.body)).not.toContain(key.split("_")[2] as string); // the secret is never shown again
    await graphql(server.url, "mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }", { id: created.body.data?.createApiKey.info.id }, { cookie: admin });
    const refused = await graphql(server.url, "{ countries { code } }", {}, { bearer: key });
    expect(refused.status).toBe(401);
    expect(codeOf(refused.body)).toBe("KEY_REVOKED");
    const forged = await graphql(server.url, "{ countries { code } }", {}, { bearer: `${key.slice(0, -3)}abc` });
    expect(codeOf(forged.body)).toBe("INVALID_CREDENTIALS");
  });

  it("lets only administrators and operators upload, and only administrators create accounts", async () => {
    const created = await graphql(server.url, 'mutation { createUser(input: { login: "analyste.bf", displayName: "Analyste BF", role: ANALYST, country: "BF", password: "un mot de passe assez long" }) { login role country } }', {}, { cookie: admin });
    expect(created.body.data).toEqual({ createUser: { login: "analyste.bf", role: "ANALYST", country: "BF" } });
    const analyst = await signIn(server.url, "analyste.bf", "un mot de passe assez long");
    const upload = await graphql(server.url, 'mutation { uploadFile(fileName: "x.csv", contentBase64: "eA==") { status } }', {}, { cookie: analyst });
    expect(codeOf(upload.body)).toBe("FORBIDDEN");
    const escalate = await graphql(server.url, 'mutation { createUser(input: { login: "moi", displayName: "Moi", role: ADMIN, password: "un mot de passe assez long" }) { login } }', {}, { cookie: analyst });
    expect(codeOf(escalate.body)).toBe("FORBIDDEN");
  });

  it("loads an uploaded file through the same path as etl load, and refuses an oversized one", async () => {
    const csv = "call_id,vessel_name,imo,voyage,terminal,arrived_at,berthed_at,departed_at,teu_discharged,teu_loaded,tonnes_discharged,tonnes_loaded\nU-1,ONE,9387425,1,LCT,2024-03-01 06:00,2024-03-01 08:00,,1,0,10,0\nU-2,TWO,9316600,1,LCT,2024-03-01 06:00,2024-03-01 08:00,,1,0,10,0\n";
    const result = await graphql<{ uploadFile: Record<string, unknown> }>(
      server.url,
      "mutation($name: String!, $content: String!) { uploadFile(fileName: $name, contentBase64: $content) { feed status read loaded quarantined duplicates error } }",
      { name: "../../etc/escales.csv", content: Buffer.from(csv).toString("base64") },
      { cookie: admin },
    );
    expect(result.body.data?.uploadFile).toEqual({ feed: "VESSEL_CALLS", status: "QUARANTINED", read: 2, loaded: 1, quarantined: 1, duplicates: 0, error: null });
    expect(fs.readdirSync(`${server.dataDir}/uploads`)[0]).toMatch(/_escales\.csv$/u); // stored under a safe name, inside uploads/
    const big = await graphql(server.url, "mutation($c: String!) { uploadFile(fileName: \"big.csv\", contentBase64: $c) { status } }", { c: "A".repeat(14 * 1024 * 1024 + 8) }, { cookie: admin });
    expect([413, 200]).toContain(big.status);
    expect(JSON.stringify(big.body)).toMatch(/PAYLOAD_TOO_LARGE|too large/iu);
  });
});
