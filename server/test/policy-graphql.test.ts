import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql, signIn, spawnServer, type SpawnedServer } from "../../test/support/spawn-server.js";

// The customs files of the sample scenario (../shared/samples, copied in
// etl/test/fixtures/samples), uploaded in delivery order to a running server.
// The figures are worked by hand in policy.test.ts.
const samples = fileURLToPath(new URL("../../etl/test/fixtures/samples/", import.meta.url));
const CUSTOMS_FILES = ["20241003T1800_TG_customs_batch1.xml", "20241014T2000_BF_customs_batch.xml", "20241016T1800_TG_customs_batch2.xml"];

const GUARANTEES = `query($period: PeriodInput!, $timeZone: String, $rate: Float, $countries: [String!]) {
  guaranteeSavings(period: $period, timeZone: $timeZone, rate: $rate, countries: $countries) {
    period { from to } timeZone rate
    rows { country month declarations guarantees cifXof currentGuaranteesXof singleGuaranteeXof savingXof savingShare recordedDeclarations recordedGuaranteeXof }
    totals { declarations guarantees cifXof currentGuaranteesXof singleGuaranteeXof savingXof savingShare }
  }
}`;

const SCENARIO = `query($period: PeriodInput!, $bands: [BandChangeInput!]!, $chapters: [ChapterRateInput!], $recomputeVat: Boolean, $countries: [String!], $timeZone: String) {
  tariffScenario(period: $period, bands: $bands, chapters: $chapters, recomputeVat: $recomputeVat, countries: $countries, timeZone: $timeZone) {
    recomputeVat
    rows { country hsChapter lines changedLines baseXof currentDutyXof scenarioDutyXof dutyChangeXof vatEffectXof totalChangeXof }
    totals { baseXof currentDutyXof scenarioDutyXof dutyChangeXof vatEffectXof totalChangeXof }
  }
}`;

const OCTOBER = { from: "2024-10-01", to: "2024-11-01" };
const ATTACK = "'; DROP TABLE fact_declarations; --";

let server: SpawnedServer;
let cookie: string;

beforeAll(async () => {
  server = await spawnServer();
  cookie = await signIn(server.url);
  for (const name of CUSTOMS_FILES) {
    const contentBase64 = fs.readFileSync(path.join(samples, name)).toString("base64");
    const { body } = await graphql<{ uploadFile: { status: string; loaded: number } }>(
      server.url,
      "mutation($fileName: String!, $contentBase64: String!) { uploadFile(fileName: $fileName, contentBase64: $contentBase64) { status loaded } }",
      { fileName: name, contentBase64 },
      { cookie },
    );
    expect(body.errors, name).toBeUndefined();
    expect(body.data?.uploadFile.status).toBe("LOADED");
  }
});
afterAll(async () => {
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe("the policy views over GraphQL", () => {
  it("guaranteeSavings: today's guarantees against a single one, with the defaults (0.25 %, Lomé time)", async () => {
    const { status, body } = await graphql<{ guaranteeSavings: { timeZone: string; rate: number; rows: unknown[]; totals: unknown } }>(server.url, GUARANTEES, { period: { from: "2024-10-01", to: "2024-12-01" } }, { cookie });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const answer = body.data?.guaranteeSavings;
    expect(answer).toMatchObject({ timeZone: "Africa/Lome", rate: 0.0025 });
    expect(answer?.rows).toEqual([
      { country: "BF", month: "2024-10-01", declarations: 2, guarantees: 4, cifXof: 38_200_000, currentGuaranteesXof: 191_000, singleGuaranteeXof: 95_500, savingXof: 95_500, savingShare: 0.5, recordedDeclarations: 2, recordedGuaranteeXof: 5_489_750 },
      // November has no declaration: a gap, not zeros.
      { country: "BF", month: "2024-11-01", declarations: null, guarantees: null, cifXof: null, currentGuaranteesXof: null, singleGuaranteeXof: null, savingXof: null, savingShare: null, recordedDeclarations: null, recordedGuaranteeXof: null },
      { country: "ML", month: "2024-10-01", declarations: 1, guarantees: 3, cifXof: 33_600_000, currentGuaranteesXof: 252_000, singleGuaranteeXof: 84_000, savingXof: 168_000, savingShare: 0.666667, recordedDeclarations: 1, recordedGuaranteeXof: 13_977_600 },
      { country: "ML", month: "2024-11-01", declarations: null, guarantees: null, cifXof: null, currentGuaranteesXof: null, singleGuaranteeXof: null, savingXof: null, savingShare: null, recordedDeclarations: null, recordedGuaranteeXof: null },
      { country: "NE", month: "2024-10-01", declarations: 1, guarantees: 3, cifXof: 14_850_000, currentGuaranteesXof: 111_375, singleGuaranteeXof: 37_125, savingXof: 74_250, savingShare: 0.666667, recordedDeclarations: 1, recordedGuaranteeXof: 4_714_875 },
      { country: "NE", month: "2024-11-01", declarations: null, guarantees: null, cifXof: null, currentGuaranteesXof: null, singleGuaranteeXof: null, savingXof: null, savingShare: null, recordedDeclarations: null, recordedGuaranteeXof: null },
    ]);
    expect(answer?.totals).toEqual({ declarations: 4, guarantees: 10, cifXof: 86_650_000, currentGuaranteesXof: 554_375, singleGuaranteeXof: 216_625, savingXof: 337_750, savingShare: 0.609245 });
  });

  it("tariffScenario: the 10 % band at 12.5 %, VAT recomputed by default", async () => {
    const { body } = await graphql<{ tariffScenario: unknown }>(server.url, SCENARIO, { period: OCTOBER, bands: [{ fromRate: 0.1, toRate: 0.125 }] }, { cookie });
    expect(body.errors).toBeUndefined();
    const row = { baseXof: 12_900_000, currentDutyXof: 1_290_000, scenarioDutyXof: 1_612_500, dutyChangeXof: 322_500, vatEffectXof: 58_050, totalChangeXof: 380_550 };
    expect(body.data?.tariffScenario).toEqual({ recomputeVat: true, rows: [{ country: "BF", hsChapter: "10", lines: 1, changedLines: 1, ...row }], totals: row });
  });

  it("answers bad input with BAD_USER_INPUT and a French-then-English reason", async () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      [GUARANTEES, { period: OCTOBER, rate: 0.2 }, /taux de garantie .* \/ guarantee rate/u],
      [GUARANTEES, { period: OCTOBER, timeZone: ATTACK }, /fuseau horaire inconnu .* \/ unknown time zone/u],
      [GUARANTEES, { period: OCTOBER, countries: [ATTACK] }, /pays : .* \/ countries: /u],
      [GUARANTEES, { period: { from: "2024-10-01", to: "2024-10-01" } }, /période .* \/ period/u],
      [SCENARIO, { period: OCTOBER, bands: [{ fromRate: 0.1, toRate: 1.2 }] }, /taux entre 0 et 1 .* \/ .* rate between 0 and 1/u],
      [SCENARIO, { period: OCTOBER, bands: [], chapters: [{ chapter: "7", rate: 0.1 }] }, /chapitre SH .* \/ .* two-digit HS chapter/u],
      [SCENARIO, { period: OCTOBER, bands: Array.from({ length: 51 }, (_, i) => ({ fromRate: i / 100, toRate: 0.1 })) }, /at most 50 changes/u],
    ];
    for (const [query, variables, message] of cases) {
      const { status, body } = await graphql(server.url, query, variables, { cookie });
      expect(status, JSON.stringify(variables)).toBe(200);
      expect(body.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe("BAD_USER_INPUT");
      expect(body.errors?.[0]?.message).toMatch(message);
    }
    // The injection strings were plain values: the declarations are all still there.
    const { body } = await graphql<{ guaranteeSavings: { totals: { declarations: number } } }>(server.url, GUARANTEES, { period: OCTOBER }, { cookie });
    expect(body.data?.guaranteeSavings.totals.declarations).toBe(4);
  });

  it("requires a signed-in user", async () => {
    const { body } = await graphql(server.url, GUARANTEES, { period: OCTOBER });
    expect(body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(body.data ?? null).toBeNull();
  });
});
