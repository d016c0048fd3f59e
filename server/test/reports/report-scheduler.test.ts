import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createLogger } from "@corridor/warehouse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openEtlWarehouse, type EtlWarehouse } from "../../../etl/test/support/etl-warehouse.js";
import { MetricsService } from "../../src/metrics/metrics-service.js";
import { FeedActivityQueries } from "../../src/queries/feed-activity.queries.js";
import { PlatformQueries } from "../../src/queries/platform.queries.js";
import { ReferenceQueries } from "../../src/queries/reference.queries.js";
import { ReportScheduler } from "../../src/reports/report-scheduler.js";
import type { ReportSettings } from "../../src/reports/report-settings.js";
import { ReportStore } from "../../src/reports/report-store.js";
import { RunExecutor } from "../../src/reports/run-executor.js";

// The scheduler's look, at chosen instants, on an empty warehouse and without SMTP:
// what it starts, and what it never starts twice.
let etl: EtlWarehouse;
let store: ReportStore;
let executor: RunExecutor;
let scheduler: ReportScheduler;
const reportsDir = fs.mkdtempSync(path.join(os.tmpdir(), "corridor-report-files-"));
const SCHEDULE_ID = "6f1c0a52-5d7e-4a43-9a57-0d3c8e1f2a10";

beforeAll(async () => {
  etl = await openEtlWarehouse();
  const logger = createLogger({ level: "silent" });
  const settings: ReportSettings = { smtp: null, dir: reportsDir, maxDataAgeHours: 72, maxAttempts: 2, retryDelayMs: 100, checkMs: 1000 };
  store = new ReportStore(etl.warehouse);
  const metrics = new MetricsService(etl.warehouse, new ReferenceQueries(etl.warehouse), new PlatformQueries(etl.warehouse));
  executor = new RunExecutor({ store, sources: { metrics, warehouse: etl.warehouse, feedActivity: new FeedActivityQueries(etl.warehouse) }, settings, mailer: null, logger });
  scheduler = new ReportScheduler(store, executor, settings, logger);
  const at = "2024-10-01T00:00:00.000Z";
  await store.putSchedule(
    { id: SCHEDULE_ID, name: "Hebdo", kind: "weekly_operations", rule: "weekly", cron: "0 7 * * 1", weekday: 1, atTime: "07:00", timeZone: "Africa/Lome", recipients: [{ address: "ops@port.test", language: "fr" }], formats: ["pdf", "xlsx"], countries: [], staleAction: "warn", ownerId: "00000000-0000-4000-8000-000000000001", ownerLogin: "admin", ownerEmail: "owner@port.test", ownerScope: null, paused: false, deleted: false, activeFrom: at, createdAt: at },
    null,
  );
}, 120_000);
afterAll(async () => {
  await etl?.close();
  fs.rmSync(reportsDir, { recursive: true, force: true });
});

describe("the report scheduler", () => {
  it("catches up once, at start, the latest run missed while the platform was down", async () => {
    // Mondays 7, 14, 21, 28 October and 4 November passed with the platform down; it starts on Wednesday 6 November.
    await scheduler.look(new Date("2024-11-06T12:00:00Z"));
    await executor.idle();
    const runs = await store.runs({ scheduleIds: [SCHEDULE_ID], limit: 10 });
    expect(runs.map((r) => [r.id, r.trigger, r.state])).toEqual([[`${SCHEDULE_ID}_2024-10-28_2024-11-04`, "catch_up", "succeeded"]]);
    // Without SMTP the report is produced and archived, and says it was not sent.
    expect(runs[0]?.notSentReason).toMatch(/SMTP non configuré.*SMTP not configured/su);
    expect(runs[0]?.artefacts.map((a) => a.format).sort()).toEqual(["json", "pdf", "xlsx"]);
    expect(runs[0]?.dataCheck).toBe("empty");
    // Looking again (a second restart, the next check) starts nothing more.
    await scheduler.look(new Date("2024-11-06T12:00:30Z"));
    await executor.idle();
    expect(await store.runs({ scheduleIds: [SCHEDULE_ID], limit: 10 })).toHaveLength(1);
  });

  it("starts the next period on time, and a paused schedule not at all", async () => {
    await scheduler.look(new Date("2024-11-11T07:00:03Z"));
    await executor.idle();
    const runs = await store.runs({ scheduleIds: [SCHEDULE_ID], limit: 10 });
    expect(runs.map((r) => [r.period.from, r.trigger])).toEqual([
      ["2024-11-04", "schedule"],
      ["2024-10-28", "catch_up"],
    ]);
    const schedule = await store.schedule(SCHEDULE_ID);
    if (!schedule) throw new Error("schedule missing");
    await store.putSchedule({ ...schedule, paused: true }, schedule.version);
    await scheduler.look(new Date("2024-11-18T07:00:10Z"));
    await executor.idle();
    expect(await store.runs({ scheduleIds: [SCHEDULE_ID], limit: 10 })).toHaveLength(2);
  });
});
