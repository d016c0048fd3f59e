import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEtlWarehouse, type EtlWarehouse } from "../support/etl-warehouse.js";

let etl: EtlWarehouse;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "corridor-redelivery-"));
let n = 0;

/** Writes a file (the name gives the delivery order) and loads it alone. */
async function deliver(name: string, content: string | Buffer) {
  const file = path.join(dir, `${String(++n).padStart(3, "0")}_${name}`);
  fs.writeFileSync(file, content);
  const summary = await etl.load([file]);
  const f = summary.files[0];
  return { read: f?.read, loaded: f?.loaded, quarantined: f?.quarantined, duplicates: f?.duplicates, status: f?.status };
}

const q = <T>(sql: string) => etl.warehouse.query<T>({ sql, tag: "test:redelivery" });

const CALLS_HEADER = "call_id,vessel_name,imo,voyage,terminal,arrived_at,berthed_at,departed_at,teu_discharged,teu_loaded,tonnes_discharged,tonnes_loaded\n";

beforeAll(async () => {
  etl = await openEtlWarehouse();
});
afterAll(async () => {
  await etl.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("re-delivered records", () => {
  it("replaces a vessel call corrected in a later file, rebuilding the month it left", async () => {
    expect(await deliver("calls.csv", `${CALLS_HEADER}C-1,ONE,9387425,1,LCT,2024-11-30 22:00,2024-12-01 04:00,,1,0,10,0\n`)).toMatchObject({ loaded: 1 });
    expect(await q("SELECT toYYYYMM(arrived_at) AS m, waiting_s FROM fact_ship_calls")).toEqual([{ m: 202411, waiting_s: 21600 }]);
    // The arrival was wrong: it moves to December, and November must no longer count it.
    expect(await deliver("calls.csv", `${CALLS_HEADER}C-1,ONE,9387425,1,LCT,2024-12-01 02:00,2024-12-01 04:00,,1,0,10,0\n`)).toMatchObject({ loaded: 1, duplicates: 0 });
    expect(await q("SELECT toYYYYMM(arrived_at) AS m, waiting_s FROM fact_ship_calls")).toEqual([{ m: 202412, waiting_s: 7200 }]);
  });

  it("counts the same row re-sent in the other CSV dialect as a duplicate", async () => {
    const semicolon = Buffer.from(
      "call_id;vessel_name;imo;voyage;terminal;arrived_at;berthed_at;departed_at;teu_discharged;teu_loaded;tonnes_discharged;tonnes_loaded\r\nC-1;ONE;9387425;1;LCT;01/12/2024 02:00;01/12/2024 04:00;;1;0;10,0;0\r\n",
      "latin1",
    );
    expect(await deliver("calls-b.csv", semicolon)).toMatchObject({ read: 1, loaded: 0, duplicates: 1 });
  });

  it("quarantines a bad update and keeps the earlier version in force", async () => {
    expect(await deliver("calls.csv", `${CALLS_HEADER}C-1,ONE,9387425,1,LCT,2024-12-01 02:00,2024-12-01 01:00,,1,0,10,0\n`)).toMatchObject({ quarantined: 1, status: "quarantined" });
    expect(await q("SELECT toString(berthed_at) AS b FROM vessel_calls FINAL WHERE call_id = 'C-1'")).toEqual([{ b: "2024-12-01 04:00:00" }]);
    // The same bad row again is a duplicate of the quarantined one; the fixed row loads.
    expect(await deliver("calls.csv", `${CALLS_HEADER}C-1,ONE,9387425,1,LCT,2024-12-01 02:00,2024-12-01 01:00,,1,0,10,0\n`)).toMatchObject({ duplicates: 1 });
    expect(await deliver("calls.csv", `${CALLS_HEADER}C-1,ONE,9387425,1,LCT,2024-12-01 02:00,2024-12-01 05:00,,1,0,10,0\n`)).toMatchObject({ loaded: 1 });
    expect(await q("SELECT waiting_s FROM fact_ship_calls")).toEqual([{ waiting_s: 10800 }]);
  });

  it("replaces a re-delivered invoice and counts a credit note under its own date", async () => {
    const header = "invoice_no,issued_at,fee_code,amount,currency,country,call_id,container,declaration,credit_note_of\n";
    await deliver("invoices.csv", `${header}I-1,2024-12-02 08:00,THC,100000,XOF,BF,,,,\n`);
    await deliver("invoices.csv", `${header}I-1,2024-12-02 08:00,THC,120000,XOF,BF,,,,\nI-2,2025-01-05 08:00,THC,-20000,XOF,BF,,,,I-1\n`);
    expect(await q("SELECT toYYYYMM(issued_at) AS m, toString(sum(amount_xof)) AS s FROM fact_port_charges GROUP BY m ORDER BY m")).toEqual([
      { m: 202412, s: "120000" },
      { m: 202501, s: "-20000" },
    ]);
  });

  it("keeps the declaration of the latest export, even when an older export arrives later", async () => {
    const declaration = (exportedAt: string, release: string) => `<?xml version="1.0" encoding="UTF-8"?>
<ASYCUDA_BATCH exported_at="${exportedAt}"><ASYCUDA>
<Identification><Office_segment><Customs_clearance_office_code>TGLFW</Customs_clearance_office_code></Office_segment>
<Type><Type_of_declaration>IM</Type_of_declaration><Declaration_gen_procedure_code>8</Declaration_gen_procedure_code></Type>
<Registration><Serial_number>L</Serial_number><Number>900</Number><Date>2024-12-03</Date><Time>09:00</Time></Registration>
<Release><Date>${release ? "2024-12-04" : ""}</Date><Time>${release}</Time></Release></Identification>
<General_information><Country><Destination><Destination_country_code>BF</Destination_country_code></Destination></Country></General_information>
<Transit><Destination_office>BFOUA</Destination_office><Route>TG-BF-OUA</Route></Transit>
<Item><Tarification><HScode><Commodity_code>10063000</Commodity_code><Precision_1>00</Precision_1></HScode></Tarification>
<Valuation_item><Weight_itm><Gross_weight_itm>1000</Gross_weight_itm><Net_weight_itm>990</Net_weight_itm></Weight_itm><Total_CIF_itm>500000</Total_CIF_itm></Valuation_item></Item>
</ASYCUDA></ASYCUDA_BATCH>`;
    await deliver("batch-12h.xml", declaration("2024-12-04T12:00:00Z", "11:00"));
    // An export of 10:00 (before the release) delivered late: it counts as loaded and changes no figure.
    expect(await deliver("batch-10h.xml", declaration("2024-12-04T10:00:00Z", ""))).toMatchObject({ loaded: 1, duplicates: 0 });
    expect(await q("SELECT declaration_id, release_s FROM fact_releases")).toEqual([{ declaration_id: "TGLFW-2024-L-900", release_s: 26 * 3600 }]);
  });
});
