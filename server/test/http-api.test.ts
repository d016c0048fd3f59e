import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql, signIn, spawnServer, type SpawnedServer } from "../../test/support/spawn-server.js";

let server: SpawnedServer;
let cookie: string;

beforeAll(async () => {
  server = await spawnServer();
  cookie = await signIn(server.url);
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe("the platform server over HTTP", () => {
  it("answers /graphql with figures read from ClickHouse", async () => {
    const { status, body } = await graphql<{ warehouse: { mode: string; schemaVersion: number; empty: boolean; feeds: unknown[] }; offices: { code: string; timezone: string }[]; hsSections: unknown[] }>(
      server.url,
      `{ warehouse { mode schemaVersion empty feeds { feed loads dataAsOf } } offices(country: "NE") { code timezone } hsSections { section } }`,
      {},
      { cookie },
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.warehouse).toMatchObject({ mode: "EMBEDDED", empty: true });
    expect(body.data?.warehouse.schemaVersion).toBeGreaterThanOrEqual(9);
    expect(body.data?.warehouse.feeds).toHaveLength(5);
    expect(body.data?.offices).toEqual([
      { code: "NEMAK", timezone: "Africa/Niamey" },
      { code: "NENIM", timezone: "Africa/Niamey" },
      { code: "NETER", timezone: "Africa/Niamey" },
    ]);
    expect(body.data?.hsSections).toHaveLength(21);
  });

  it("treats an injection string in an argument as a plain value", async () => {
    const { status, body } = await graphql<{ offices: unknown[] }>(server.url, "query($c: String) { offices(country: $c) { code } }", { c: "NE' OR 1=1 --" }, { cookie });
    expect(status).toBe(200);
    expect(body.data?.offices).toEqual([]);
  });

  it("answers a malformed body or wrong variable types with a 4xx and a code, never a 5xx", async () => {
    const malformed = await fetch(new URL("graphql", server.url), { method: "POST", headers: { "content-type": "application/json" }, body: "{ not json" });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(await malformed.json())).not.toMatch(/at |\.ts|stack/u);
    const wrongType = await graphql(server.url, "query($n: Int!) { loads(limit: $n) { id } }", { n: "twenty" }, { cookie });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const unknownField = await graphql(server.url, "{ nope }", {}, { cookie });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("refuses a cross-site form post (CSRF) to /graphql", async () => {
    const response = await fetch(new URL("graphql?query=%7Bcountries%7Bcode%7D%7D", server.url), { method: "GET" });
    expect(response.status).toBe(400);
  });

  it("serves the dashboard at / with a strict content security policy, and a health check", async () => {
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('lang="fr"');
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    const health = await fetch(new URL("healthz", server.url));
    expect(await health.json()).toEqual({ status: "ok", engine: "embedded" });
  });
});
