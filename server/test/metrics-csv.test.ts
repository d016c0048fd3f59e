import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvField, DIALECTS } from "../src/export/csv-text.js";
import { startSampleServer, type SampleServer } from "../../test/support/sample-server.js";
import type { SpawnedServer } from "../../test/support/spawn-server.js";

let samples: SampleServer;
let server: SpawnedServer;
let cookie: string;

beforeAll(async () => {
  samples = await startSampleServer();
  ({ server, cookie } = samples);
}, 120_000);
afterAll(async () => {
  await samples?.stop();
});

const exportCsv = (body: unknown, headers: Record<string, string> = { cookie }) =>
  fetch(new URL("api/metrics.csv", server.url), { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

const october = { from: "2024-10-01", to: "2024-11-01" };

describe("CSV export of a general query", () => {
  it("streams UTF-8 with a BOM, French headers, names and decimal commas for Excel", async () => {
    const response = await exportCsv({ query: { measures: [{ measure: "PORT_DWELL", statistics: ["COUNT", "P50", "P90"] }], dimensions: ["COUNTRY"], period: october } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="corridor_port_dwell_2024-10-01_2024-11-01.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split("\r\n");
    expect(lines).toEqual([
      "Pays;Pays (nom);PORT_DWELL COUNT (conteneurs);PORT_DWELL P50 (heures);PORT_DWELL P90 (heures)",
      "BF;Burkina Faso;2;149;159,4",
      "ML;Mali;1;98;98",
      "NE;Niger;1;107;107",
      "",
    ]);
  });

  it("writes comparisons and English with commas when asked", async () => {
    const response = await exportCsv({ language: "en", query: { measures: [{ measure: "PORT_CHARGES" }], dimensions: ["COUNTRY"], filters: [{ dimension: "COUNTRY", values: ["BF"] }], period: october, compare: true } });
    const text = (await response.text()).replace(/^\uFEFF/u, "");
    expect(text.split("\r\n").slice(0, 2)).toEqual([
      "Country,Country (name),PORT_CHARGES VALUE (XOF),PORT_CHARGES VALUE (XOF) previous period,PORT_CHARGES VALUE (XOF) change / previous period,PORT_CHARGES VALUE (XOF) a year earlier,PORT_CHARGES VALUE (XOF) change over a year",
      "BF,Burkina Faso,484325,,,,",
    ]);
  });

  it("refuses without credentials, a form post, and a query the schema would refuse, saying why", async () => {
    const query = { measures: [{ measure: "TONNES" }], period: october };
    const anonymous = await exportCsv({ query }, {});
    expect(anonymous.status).toBe(401);
    const form = await fetch(new URL("api/metrics.csv", server.url), { method: "POST", headers: { cookie, "content-type": "application/x-www-form-urlencoded" }, body: "query=x" });
    expect(form.status).toBe(415);
    const unknown = await exportCsv({ query: { ...query, measures: [{ measure: "TONNES; DROP TABLE users" }] } });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ errors: [{ extensions: { code: "BAD_USER_INPUT" }, message: expect.stringContaining("query.measures[0].measure") }] });
    const unsplittable = await exportCsv({ query: { ...query, measures: [{ measure: "SHIP_WAITING" }], dimensions: ["COUNTRY"] } });
    expect(unsplittable.status).toBe(400);
    expect(await unsplittable.json()).toMatchObject({ errors: [{ message: expect.stringContaining("cannot be split or filtered by COUNTRY") }] });
  });
});

describe("CSV fields", () => {
  it("quote separators and quotes, and defuse spreadsheet formulas", () => {
    expect(csvField("Établissements Zongo & Frères; Ouaga", DIALECTS.fr)).toBe('"Établissements Zongo & Frères; Ouaga"');
    expect(csvField('say "hi"', DIALECTS.en)).toBe('"say ""hi"""');
    expect(csvField("=HYPERLINK(\"http://x\")", DIALECTS.en)).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvField("-59000", DIALECTS.en)).toBe("-59000");
    expect(csvField("@SUM(A1)", DIALECTS.fr)).toBe("'@SUM(A1)");
  });
});
