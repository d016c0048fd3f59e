import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { spawnServer } from "../../../test/support/spawn-server.js";
import { EXIT, runCli } from "../../src/index.js";
import { SAMPLES_DIR } from "../support/etl-warehouse.js";

function sink(): { stream: Writable; text: () => string } {
  let text = "";
  return { stream: new Writable({ write: (c: Buffer, _e, done) => ((text += c.toString()), done()) }), text: () => text };
}

async function etl(dataDir: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  process.env.DATA_DIR = dataDir;
  const out = sink();
  const err = sink();
  const code = await runCli(argv, out.stream, err.stream);
  return { code, out: out.text(), err: err.text() };
}

const temp: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "corridor-cli-"));
  temp.push(dir);
  return dir;
}
afterEach(() => {
  delete process.env.DATA_DIR;
});
afterAll(() => temp.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe("pnpm etl load", () => {
  it("prints the --json summary with the load log's numbers; a file that is no feed fails alone (exit 2)", async () => {
    const data = tempDir();
    const result = await etl(data, "load", SAMPLES_DIR, "--json");
    expect(result.code).toBe(EXIT.unreadable);
    const summary = JSON.parse(result.out) as { files: { path: string; feed: string; read: number; loaded: number; quarantined: number; duplicates: number; status: string }[]; totals: Record<string, number> };
    expect(summary.totals).toEqual({ files: 13, failed: 1, read: 71, loaded: 68, quarantined: 2, duplicates: 1 });
    expect(Object.keys(summary.files[0] ?? {}).sort()).toEqual(["duplicates", "feed", "loaded", "path", "quarantined", "read", "status"]);
    // EXPECTED.md sits in the folder: it is not a feed file, so it fails alone and is reported, and the exit code says so.
    const readme = summary.files.find((f) => f.path.endsWith("EXPECTED.md"));
    expect(readme).toMatchObject({ feed: null, status: "failed", read: 0 });
    const status = await etl(data, "status", "--json", "--limit", "50");
    expect(JSON.parse(status.out).loads).toHaveLength(13);
  });

  it("exits 0 when everything loaded, 1 with quarantined records, 2 when a file cannot be read; reads gzip by its content", async () => {
    const data = tempDir();
    const files = tempDir();
    const invoices = fs.readFileSync(path.join(SAMPLES_DIR, "20241101T0600_TTL_factures_2024-10.csv"));
    fs.writeFileSync(path.join(files, "invoices.dat"), gzipSync(invoices));
    const ok = await etl(data, "load", path.join(files, "invoices.dat"), "--json");
    expect(ok.code).toBe(EXIT.ok);
    expect(JSON.parse(ok.out).files[0]).toMatchObject({ feed: "port-invoices", read: 2, loaded: 2, status: "loaded" });
    const quarantined = await etl(data, "load", path.join(SAMPLES_DIR, "20241016T0700_PAL_escales_A.csv"));
    expect(quarantined.code).toBe(EXIT.quarantined);
    fs.writeFileSync(path.join(files, "broken.gz"), Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), Buffer.from("not really gzip")]));
    fs.writeFileSync(path.join(files, "letter.txt"), "Dear customs officer,\n");
    const bad = await etl(data, "load", path.join(files, "broken.gz"), path.join(files, "letter.txt"));
    expect(bad.code).toBe(EXIT.unreadable);
    expect(bad.out).toContain("broken.gz");
    expect(bad.out).toMatch(/letter\.txt: format non reconnu/u);
  });

  it("refuses bad usage with a message and code 64", async () => {
    const result = await etl(tempDir(), "load");
    expect(result.code).toBe(EXIT.usage);
    expect(result.err).toContain("donnez des fichiers ou dossiers");
    expect((await etl(tempDir(), "quarantine", "--reason", "NOPE")).code).toBe(EXIT.usage);
    expect((await etl(tempDir(), "frobnicate")).code).toBe(EXIT.usage);
  });
});

describe("pnpm etl quarantine and refresh", () => {
  it("lists quarantined records with where and why, filters them, and exports CSV", async () => {
    const data = tempDir();
    await etl(data, "load", SAMPLES_DIR);
    const list = await etl(data, "quarantine");
    expect(list.out).toContain("BAD_IMO  20241016T0700_PAL_escales_A.csv, ligne/line 4");
    expect(list.out).toContain("BAD_CHECK_DIGIT  20241010T0600_LCT_EDI.edi, message 3, segment 56, ligne/line 57");
    const filtered = await etl(data, "quarantine", "--reason", "BAD_IMO");
    expect(filtered.out).not.toContain("BAD_CHECK_DIGIT");
    const byFile = await etl(data, "quarantine", "--file", "20241010T0600_LCT_EDI.edi");
    expect(byFile.out).not.toContain("BAD_IMO");
    const csv = await etl(data, "quarantine", "--csv");
    const lines = csv.out.trim().split("\n");
    expect(lines[0]).toBe("quarantined_at,feed,file_name,record_index,line,message,segment,reason,detail,record_key,fixed,raw");
    expect(lines).toHaveLength(1 + 2);
    expect(csv.out).toContain('"LFW-24-3109,""STELLA, II"",9316600');
  });

  it("marks a quarantined record fixed once it is re-sent correctly", async () => {
    const data = tempDir();
    const files = tempDir();
    const header = "call_id,vessel_name,imo,voyage,terminal,arrived_at,berthed_at,departed_at,teu_discharged,teu_loaded,tonnes_discharged,tonnes_loaded\n";
    fs.writeFileSync(path.join(files, "1.csv"), `${header}X-1,A,9316600,1,LCT,2024-10-03 04:10,2024-10-03 09:00,,0,0,1,0\n`);
    fs.writeFileSync(path.join(files, "2.csv"), `${header}X-1,A,9316608,1,LCT,2024-10-03 04:10,2024-10-03 09:00,,0,0,1,0\n`);
    expect((await etl(data, "load", path.join(files, "1.csv"))).code).toBe(EXIT.quarantined);
    expect((await etl(data, "load", path.join(files, "2.csv"))).code).toBe(EXIT.ok);
    expect((await etl(data, "quarantine")).out).toContain("[X-1]  (corrigé depuis / fixed since)");
  });

  it("rebuilds derived tables on request", async () => {
    const data = tempDir();
    await etl(data, "load", SAMPLES_DIR);
    const result = await etl(data, "refresh", "--from", "2024-09", "--to", "2024-11");
    expect(result.code).toBe(EXIT.ok);
    expect(result.out).toContain("3 mois reconstruits");
    expect((await etl(data, "refresh", "--from", "2024-13", "--to", "2024-14")).code).toBe(EXIT.usage);
  });
});

describe("pnpm etl while the server owns the embedded engine", () => {
  it("loads through the server, with the same counts as a direct load", async () => {
    const server = await spawnServer({ DATA_DIR: tempDir() });
    try {
      const result = await etl(server.dataDir, "load", path.join(SAMPLES_DIR, "20241016T0700_PAL_escales_A.csv"), "--json");
      expect(result.err).toContain("command sent to it");
      expect(result.code).toBe(EXIT.quarantined);
      expect(JSON.parse(result.out).files[0]).toMatchObject({ feed: "vessel-calls", read: 3, loaded: 2, quarantined: 1, duplicates: 0 });
      const quarantine = await etl(server.dataDir, "quarantine");
      expect(quarantine.out).toContain("BAD_IMO");
    } finally {
      await server.stop();
    }
  });
});
