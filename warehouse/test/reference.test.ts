import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger, readReferenceLists, ReferenceDataError, referenceDir, syncReference, type Warehouse } from "../src/index.js";
import { openTempWarehouse, type TempWarehouse } from "./temp-warehouse.js";

const logger = createLogger({ level: "silent" });
let temp: TempWarehouse;
let warehouse: Warehouse;

beforeAll(async () => {
  temp = await openTempWarehouse(); // migrated and synced once
  warehouse = temp.warehouse;
});
afterAll(() => temp.close());

function copyOfReference(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "reference-"));
  for (const file of fs.readdirSync(referenceDir())) fs.copyFileSync(path.join(referenceDir(), file), path.join(dir, file));
  return dir;
}

describe("reference lists", () => {
  it("loads every list with French and English names, and the shared office and route codes", async () => {
    const counts = await warehouse.query<{ t: string; n: string }>({
      sql: `SELECT 'offices' AS t, count() AS n FROM ref_offices FINAL UNION ALL SELECT 'routes', count() FROM ref_routes FINAL
            UNION ALL SELECT 'chapters', count() FROM ref_hs_chapters FINAL UNION ALL SELECT 'sections', count() FROM ref_hs_sections FINAL`,
      tag: "test:reference",
    });
    expect(Object.fromEntries(counts.map((c) => [c.t, Number(c.n)]))).toEqual({ offices: 16, routes: 6, chapters: 97, sections: 21 });
    const [niamey] = await warehouse.query<{ timezone: string; country: string }>({ sql: "SELECT timezone, country FROM ref_offices FINAL WHERE code = 'NENIM'", tag: "test:reference" });
    expect(niamey).toEqual({ timezone: "Africa/Niamey", country: "NE" });
    const [route] = await warehouse.query<{ offices: string[] }>({ sql: "SELECT offices FROM ref_routes FINAL WHERE route = 'TG-ML-HER'", tag: "test:reference" });
    expect(route?.offices).toEqual(["TGLFW", "TGCIN", "BFCIN", "BFKOL", "MLHER", "MLSIK", "MLBKO"]);
    const [chapter] = await warehouse.query<{ name_fr: string; name_en: string; section: string }>({ sql: "SELECT name_fr, name_en, section FROM ref_hs_chapters FINAL WHERE chapter = '27'", tag: "test:reference" });
    expect(chapter).toMatchObject({ section: "V", name_en: expect.stringContaining("Mineral fuels") });
    expect(chapter?.name_fr).toContain("Combustibles minéraux");
  });

  it("writes nothing when no file changed", async () => {
    expect(await syncReference(warehouse, logger)).toEqual([]);
  });

  it("applies a changed list, deleting the codes that left it", async () => {
    const dir = copyOfReference();
    const offices = fs.readFileSync(path.join(dir, "offices.csv"), "utf8").split("\n");
    const withoutKoury = offices.filter((line) => !line.startsWith("MLKOU,")).join("\n").replace("Hérémakono", "Hérémakono (PCJ)");
    fs.writeFileSync(path.join(dir, "offices.csv"), withoutKoury);
    const routes = fs.readFileSync(path.join(dir, "routes.csv"), "utf8").split("\n").filter((line) => !line.startsWith("TG-ML-KOU,")).join("\n");
    fs.writeFileSync(path.join(dir, "routes.csv"), routes);
    const result = await syncReference(warehouse, logger, dir);
    expect(result).toEqual([
      { table: "ref_offices", rows: 15, deleted: 1 },
      { table: "ref_routes", rows: 5, deleted: 1 },
    ]);
    const rows = await warehouse.query<{ code: string; name: string }>({ sql: "SELECT code, name FROM ref_offices FINAL WHERE code IN ('MLKOU', 'MLHER')", tag: "test:reference" });
    expect(rows).toEqual([{ code: "MLHER", name: "Hérémakono (PCJ)" }]);
    // And back: the shipped lists restore the deleted codes.
    await syncReference(warehouse, logger);
    const [restored] = await warehouse.query<{ n: string }>({ sql: "SELECT count() AS n FROM ref_offices FINAL", tag: "test:reference" });
    expect(restored?.n).toBe("16");
    fs.rmSync(dir, { recursive: true });
  });

  it("refuses a broken list, naming file, line and problem, and loads nothing", () => {
    const dir = copyOfReference();
    fs.appendFileSync(path.join(dir, "offices.csv"), "XXBAD,Nowhere,QQ,border,Mars/Olympus,abc,1.0\n");
    let error: unknown;
    try {
      readReferenceLists(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReferenceDataError);
    const text = (error as Error).message;
    expect(text).toContain("offices.csv, ligne/line 18, timezone");
    expect(text).toContain("offices.csv, ligne/line 18, lat");
    expect(text).toContain("XXBAD: pays inconnu / unknown country QQ");
    fs.rmSync(dir, { recursive: true });
  });
});
