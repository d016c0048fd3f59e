import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tabSeparatedLine, type Column } from "../../src/core/tab-separated.js";
import { openEtlWarehouse, type EtlWarehouse } from "../support/etl-warehouse.js";

let etl: EtlWarehouse;
beforeAll(async () => {
  etl = await openEtlWarehouse();
});
afterAll(() => etl.close());

describe("TabSeparated rows", () => {
  it("round-trips awkward text through the engine, in plain, nullable and array columns", async () => {
    const awkward = ["d'occasion", "back\\slash", "tab\there", "line\nbreak", "cr\rhere", 'quote"s', "[bracket], comma", "Société Générale d'Import-Export du Faso", ""];
    const columns: Column[] = [
      { name: "movement", kind: "text" },
      { name: "event", kind: "text" },
      { name: "office", kind: "text" },
      { name: "at", kind: "text" },
      { name: "truck", kind: "text" },
      { name: "containers", kind: "text[]" },
      { name: "gross_kg", kind: "number" },
    ];
    const body = awkward
      .map((text, i) => tabSeparatedLine(columns, { movement: `M-${i}`, event: "ARRIVED", office: "TGCIN", at: "2024-01-01 00:00:00", truck: text, containers: [text, "x", text], gross_kg: i % 2 ? null : "12.5" }))
      .join("");
    await etl.warehouse.insertText("transit_events", ["movement", "event", "office", "at", "truck", "containers", "gross_kg"], body, { tag: "test:tsv", rows: awkward.length });
    const rows = await etl.warehouse.query<{ truck: string; containers: string[]; kg: string | null }>({ sql: "SELECT truck, containers, toString(gross_kg) AS kg FROM transit_events ORDER BY toUInt32(substring(movement, 3))", tag: "test:tsv" });
    expect(rows).toEqual(awkward.map((text, i) => ({ truck: text, containers: [text, "x", text], kg: i % 2 ? null : "12.5" })));
  });
});
