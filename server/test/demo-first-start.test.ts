import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { graphql, signIn, spawnServer } from "../../test/support/spawn-server.js";

let dataDir = "";
afterAll(() => {
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  for (let waited = 0; !check() && waited < ms; waited += 200) await new Promise((r) => setTimeout(r, 200));
}

describe("the first start", () => {
  it("generates demo data and loads it through the ETL once, printing the time it took; later starts do not", async () => {
    const first = await spawnServer({ DEMO_DATA: "on", DEMO_SCALE: "0.002", LOG_LEVEL: "warn" });
    dataDir = first.dataDir;
    await waitFor(() => first.output().includes("Données de démonstration chargées en"), 120_000);
    expect(first.output()).toMatch(/Données de démonstration chargées en [\d.]+ s : \d+ fichiers/u);
    const cookie = await signIn(first.url);
    const { body } = await graphql<{ warehouse: { empty: boolean; feeds: { feed: string; loads: number; dataAsOf: string | null }[] }; loads: { source: string }[] }>(
      first.url,
      "{ warehouse { empty feeds { feed loads dataAsOf } } loads(limit: 5) { source } }",
      {},
      { cookie },
    );
    expect(body.data?.warehouse.empty).toBe(false);
    // Every feed has data, dated up to last month.
    for (const feed of body.data?.warehouse.feeds ?? []) {
      expect(feed.loads, feed.feed).toBeGreaterThan(0);
      expect(feed.dataAsOf, feed.feed).not.toBeNull();
    }
    expect(new Set(body.data?.loads.map((l) => l.source))).toEqual(new Set(["demo"]));
    await first.stop();

    const second = await spawnServer({ DATA_DIR: dataDir, DEMO_DATA: "on", DEMO_SCALE: "0.002" });
    await new Promise((r) => setTimeout(r, 1500));
    expect(second.output()).not.toContain("Données de démonstration");
    await second.stop();
  }, 180_000);
});
