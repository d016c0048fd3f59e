import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql, signIn } from "../../test/support/spawn-server.js";
import { SAMPLES_DIR, startSampleServer, type SampleServer } from "../../test/support/sample-server.js";

let sample: SampleServer;

beforeAll(async () => {
  sample = await startSampleServer();
});
afterAll(async () => {
  await sample?.stop();
});

const QUARANTINE = `query Quarantine($file: String, $reason: String, $feed: Feed, $limit: Int) {
  quarantine(file: $file, reason: $reason, feed: $feed, limit: $limit) {
    total truncated
    byReason { reason reasonFr reasonEn records }
    portWideOnly
    records { feed fileName recordIndex line message segment reason reasonFr reasonEn detail recordKey raw rawTruncated quarantinedAt fixed }
  }
}`;

interface Page {
  total: number;
  portWideOnly: boolean;
  truncated: boolean;
  byReason: { reason: string; reasonFr: string; reasonEn: string; records: number }[];
  records: { feed: string; fileName: string; recordIndex: number; line: number | null; message: number | null; segment: number | null; reason: string; reasonFr: string; reasonEn: string; detail: string; recordKey: string | null; raw: string; rawTruncated: boolean; quarantinedAt: string; fixed: boolean }[];
}

const codeOf = (body: { errors?: { extensions?: { code?: string } }[] }) => body.errors?.[0]?.extensions?.code;

async function ask(variables: Record<string, unknown> = {}, cookie = sample.cookie) {
  return graphql<{ quarantine: Page }>(sample.server.url, QUARANTINE, variables, { cookie });
}

describe("the quarantine query, on the samples", () => {
  it("lists exactly the two planted records, with where, why (in French and English) and their raw text", async () => {
    const { body } = await ask();
    expect(body.errors).toBeUndefined();
    const page = body.data?.quarantine as Page;
    expect(page.total).toBe(2);
    expect(page.truncated).toBe(false);
    expect(page.portWideOnly).toBe(false);
    const imo = page.records.find((r) => r.reason === "BAD_IMO");
    expect(imo).toMatchObject({ feed: "VESSEL_CALLS", fileName: "20241016T0700_PAL_escales_A.csv", line: 4, message: null, segment: null, reasonFr: "Numéro OMI invalide (chiffre de contrôle)", reasonEn: "Invalid IMO number (check digit)", rawTruncated: false, fixed: false });
    expect(imo?.raw).toContain('LFW-24-3109,"STELLA, II",9316600');
    const digit = page.records.find((r) => r.reason === "BAD_CHECK_DIGIT");
    expect(digit).toMatchObject({ feed: "CONTAINER_EVENTS", fileName: "20241010T0600_LCT_EDI.edi", message: 3, segment: 56, line: 57, reasonFr: "Chiffre de contrôle ISO 6346 faux", reasonEn: "Wrong ISO 6346 check digit" });
    expect(digit?.raw.length).toBeGreaterThan(0);
    for (const record of page.records) {
      expect(record.detail.length).toBeGreaterThan(0);
      expect(Number.isNaN(Date.parse(record.quarantinedAt))).toBe(false);
    }
    expect(page.records).toHaveLength(2);
    expect(page.byReason.map((r) => [r.reason, r.records]).sort()).toEqual([
      ["BAD_CHECK_DIGIT", 1],
      ["BAD_IMO", 1],
    ]);
    expect(page.byReason.find((r) => r.reason === "BAD_IMO")?.reasonFr).toBe("Numéro OMI invalide (chiffre de contrôle)");
  });

  it("filters by reason, file and feed; counts by reason ignore the reason filter; limit cuts the list and says so", async () => {
    const byReason = (await ask({ reason: "BAD_IMO" })).body.data?.quarantine as Page;
    expect(byReason.records.map((r) => r.fileName)).toEqual(["20241016T0700_PAL_escales_A.csv"]);
    expect(byReason.total).toBe(1);
    expect(byReason.byReason).toHaveLength(2);
    const byFile = (await ask({ file: "20241010T0600_LCT_EDI.edi" })).body.data?.quarantine as Page;
    expect(byFile.records.map((r) => r.reason)).toEqual(["BAD_CHECK_DIGIT"]);
    expect(byFile.byReason.map((r) => r.reason)).toEqual(["BAD_CHECK_DIGIT"]);
    const byFeed = (await ask({ feed: "CUSTOMS_DECLARATIONS" })).body.data?.quarantine as Page;
    expect(byFeed).toMatchObject({ total: 0, truncated: false, records: [], byReason: [] });
    const cut = (await ask({ limit: 1 })).body.data?.quarantine as Page;
    expect(cut.records).toHaveLength(1);
    expect(cut).toMatchObject({ total: 2, truncated: true });
  });

  it("refuses an unknown reason code as bad input, and keeps a quote in a file name a value, not SQL", async () => {
    const unknown = await ask({ reason: "NOPE" });
    expect(codeOf(unknown.body)).toBe("BAD_USER_INPUT");
    expect(unknown.status).toBeLessThan(500);
    const injected = await ask({ file: "x' OR 1=1 --" });
    expect(injected.body.data?.quarantine.total).toBe(0);
  });

  it("is for operators and administrators: an analyst gets FORBIDDEN, an operator gets the records, no credentials UNAUTHENTICATED", async () => {
    const url = sample.server.url;
    for (const [login, role] of [
      ["analyste.q", "ANALYST"],
      ["operateur.q", "OPERATOR"],
    ]) {
      const created = await graphql(url, `mutation { createUser(input: { login: "${login}", displayName: "${login}", role: ${role}, password: "un mot de passe assez long" }) { login } }`, {}, { cookie: sample.cookie });
      expect(created.body.errors).toBeUndefined();
    }
    const analyst = await ask({}, await signIn(url, "analyste.q", "un mot de passe assez long"));
    expect(codeOf(analyst.body)).toBe("FORBIDDEN");
    expect(analyst.body.data ?? null).toBeNull();
    const operator = await ask({}, await signIn(url, "operateur.q", "un mot de passe assez long"));
    expect(operator.body.data?.quarantine.total).toBe(2);
    const anonymous = await graphql(url, QUARANTINE);
    expect(codeOf(anonymous.body)).toBe("UNAUTHENTICATED");
  });

  it("shows a country-scoped operator the port-wide feeds' records only, and refuses it another feed's", async () => {
    // A Malian declaration with an unreadable CIF value, delivered by an administrator: quarantined.
    const batch = fs.readFileSync(path.join(SAMPLES_DIR, "20241014T2000_BF_customs_batch.xml"), "latin1");
    const first = /<ASYCUDA>[\s\S]*?<\/ASYCUDA>/u.exec(batch)?.[0] ?? "";
    const malian = first.replace("<Code>BF0045120</Code>", "<Code>ML7700199</Code>").replace("<Number>33817</Number>", "<Number>77001</Number>").replace(/<Total_CIF_itm>\d+<\/Total_CIF_itm>/u, "<Total_CIF_itm>douze millions</Total_CIF_itm>");
    const file = `<?xml version="1.0" encoding="ISO-8859-1"?>\n<ASYCUDA_BATCH exported_at="2024-10-20T20:00:00Z">\n  ${malian}\n</ASYCUDA_BATCH>\n`;
    const upload = await graphql<{ uploadFile: { quarantined: number } }>(sample.server.url, "mutation($c: String!) { uploadFile(fileName: \"ml.xml\", contentBase64: $c) { quarantined } }", { c: Buffer.from(file, "latin1").toString("base64") }, { cookie: sample.cookie });
    expect(upload.body.data?.uploadFile.quarantined).toBe(1);
    const all = (await ask()).body.data?.quarantine as Page;
    expect(all.records.some((r) => r.feed === "CUSTOMS_DECLARATIONS" && r.raw.includes("ML7700199"))).toBe(true);

    const created = await graphql(sample.server.url, 'mutation { createUser(input: { login: "operateur.bf", displayName: "Opérateur BF", role: OPERATOR, country: "BF", password: "un mot de passe assez long" }) { login } }', {}, { cookie: sample.cookie });
    expect(created.body.errors).toBeUndefined();
    const scoped = await signIn(sample.server.url, "operateur.bf", "un mot de passe assez long");
    const answer = await ask({}, scoped);
    expect(answer.body.errors).toBeUndefined();
    const page = answer.body.data?.quarantine as Page;
    expect(page.portWideOnly).toBe(true);
    expect(new Set(page.records.map((r) => r.feed))).toEqual(new Set(["VESSEL_CALLS", "CONTAINER_EVENTS"]));
    expect(page.byReason.map((r) => r.reason)).not.toContain("BAD_NUMBER");
    expect(JSON.stringify(page)).not.toContain("ML7700199");
    const refused = await ask({ feed: "CUSTOMS_DECLARATIONS" }, scoped);
    expect(codeOf(refused.body)).toBe("FORBIDDEN");
    expect(refused.status).toBeLessThan(500);
    expect(JSON.stringify(refused.body)).not.toContain("ML7700199");
    expect(((await ask({ feed: "VESSEL_CALLS" }, scoped)).body.data?.quarantine as Page).total).toBe(page.byReason.filter((r) => r.reason === "BAD_IMO").reduce((n, r) => n + r.records, 0));
  });

  // Last: it adds a record to the quarantine.
  it("cuts a long raw text at 2 000 characters and says so", async () => {
    const header = "call_id,vessel_name,imo,voyage,terminal,arrived_at,berthed_at,departed_at,teu_discharged,teu_loaded,tonnes_discharged,tonnes_loaded\n";
    const long = `L-1,${"X".repeat(3000)},9316600,1,LCT,2024-10-03 04:10,2024-10-03 09:00,,0,0,1,0\n`;
    const upload = await graphql<{ uploadFile: { quarantined: number } }>(sample.server.url, "mutation($c: String!) { uploadFile(fileName: \"long.csv\", contentBase64: $c) { quarantined } }", { c: Buffer.from(header + long).toString("base64") }, { cookie: sample.cookie });
    expect(upload.body.data?.uploadFile.quarantined).toBe(1);
    const page = (await ask({ reason: "BAD_IMO" })).body.data?.quarantine as Page;
    const cut = page.records.find((r) => r.recordKey === "L-1");
    expect(cut?.raw).toHaveLength(2000);
    expect(cut?.rawTruncated).toBe(true);
    expect(page.total).toBe(2);
  });
});
