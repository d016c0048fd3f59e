import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql, signIn, spawnServer, type SpawnedServer } from "../../test/support/spawn-server.js";

const samples = fileURLToPath(new URL("../../etl/test/fixtures/samples/", import.meta.url));
let server: SpawnedServer;

beforeAll(async () => {
  server = await spawnServer({ INBOX_POLL_MS: "200", DEMO_DATA: "off" });
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe("files dropped into the server's inbox", () => {
  it("are loaded by the running server and show in /graphql", async () => {
    const inbox = path.join(server.dataDir, "inbox");
    fs.copyFileSync(path.join(samples, "20241101T0600_TTL_factures_2024-10.csv"), path.join(inbox, "factures.csv"));
    const processed = path.join(inbox, "processed", "factures.csv");
    for (let i = 0; i < 100 && !fs.existsSync(processed); i++) await new Promise((r) => setTimeout(r, 100));
    expect(fs.existsSync(processed)).toBe(true);
    const { body } = await graphql<{ loads: { fileName: string; source: string; status: string; read: number; loaded: number }[]; warehouse: { empty: boolean } }>(
      server.url,
      "{ loads { fileName source status read loaded } warehouse { empty } }",
      {},
      { cookie: await signIn(server.url) },
    );
    expect(body.data?.loads).toEqual([{ fileName: "factures.csv", source: "inbox", status: "LOADED", read: 2, loaded: 2 }]);
    expect(body.data?.warehouse.empty).toBe(false);
  });

  it("move an answer's dataAsOf as soon as their load ends (the kept freshness is forgotten)", async () => {
    const cookie = await signIn(server.url);
    const ask = async () =>
      (
        await graphql<{ metrics: { dataAsOf: { feed: string; lastEventAt: string | null }[] } }>(
          server.url,
          'query { metrics(query: { measures: [{ measure: SHIP_CALLS }], period: { from: "2024-10-01", to: "2024-11-01" } }) { dataAsOf { feed lastEventAt } } }',
          {},
          { cookie },
        )
      ).body.data?.metrics.dataAsOf.find((f) => f.feed === "VESSEL_CALLS")?.lastEventAt;
    expect(await ask()).toBeNull();
    const inbox = path.join(server.dataDir, "inbox");
    fs.copyFileSync(path.join(samples, "20241016T0700_PAL_escales_A.csv"), path.join(inbox, "escales.csv"));
    const processed = path.join(inbox, "processed", "escales.csv");
    for (let i = 0; i < 100 && !fs.existsSync(processed); i++) await new Promise((r) => setTimeout(r, 100));
    expect(fs.existsSync(processed)).toBe(true);
    // Well within the 10 s the freshness is otherwise kept.
    for (let i = 0; i < 20 && (await ask()) == null; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await ask()).toMatch(/^2024-10-/u);
  });
});
