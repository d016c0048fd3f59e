import type { Logger } from "@corridor/warehouse";
import type { RunExecutor } from "./run-executor.js";
import type { ReportSettings } from "./report-settings.js";
import type { ReportStore } from "./report-store.js";
import { latestDue, nextRuns, reportPeriod } from "./schedule-rules.js";

/** The scheduler never sleeps longer than this, so a changed clock or schedule is seen within a minute or a check. */
const MIN_WAIT_MS = 250;

/**
 * The one timer of the reports, inside the platform's process. At each look
 * it starts the run of every schedule whose latest run time has passed and
 * whose period has no run yet (so a run missed while the platform was down is
 * caught up once, at start), resumes runs a stop interrupted, retries those
 * whose wait is over, and sends notices still pending.
 */
export class ReportScheduler {
  private timer: NodeJS.Timeout | null = null;
  private looking: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly store: ReportStore,
    private readonly executor: RunExecutor,
    private readonly settings: ReportSettings,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.wake(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.looking;
    // A run under way is left to finish, up to a point: one cut short is resumed at the next start.
    await Promise.race([this.executor.idle(), new Promise((resolve) => setTimeout(resolve, 30_000).unref())]);
  }

  private wake(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.looking = this.look()
        .catch((error: unknown) => {
          this.logger.error({ error: error instanceof Error ? error.message : String(error) }, "report scheduler look failed");
          return this.settings.checkMs;
        })
        .then((next) => {
          this.looking = null;
          this.wake(next);
        });
    }, ms);
    // The HTTP server keeps the process alive; the timer alone must not.
    this.timer.unref();
  }

  /** One look; returns how long to wait before the next. */
  async look(now: Date = new Date()): Promise<number> {
    let wait = this.settings.checkMs;
    for (const schedule of await this.store.schedules()) {
      if (schedule.paused || schedule.deleted) continue;
      const due = latestDue(schedule.cron, schedule.timeZone, now, new Date(schedule.activeFrom));
      if (due) {
        const period = reportPeriod(schedule.kind, due, schedule.timeZone);
        // Found late (the platform was down, or busy): say it was a catch-up.
        const late = now.getTime() - due.getTime() > 2 * this.settings.checkMs + 5_000;
        const run = await this.executor.create(schedule, period, late ? "catch_up" : "schedule", due, null);
        if (run) {
          this.logger.info({ runId: run.id, schedule: schedule.name, trigger: run.trigger }, "report run due");
          void this.executor.advance(run.id);
        }
      }
      const [next] = nextRuns(schedule.cron, schedule.timeZone, now, 1);
      if (next) wait = Math.min(wait, next.getTime() - now.getTime());
    }
    for (const run of await this.store.openRuns()) {
      if (this.executor.isBusy(run.id)) continue;
      if (run.state === "retrying" && run.nextAttemptAt !== null) {
        const left = Date.parse(run.nextAttemptAt) - now.getTime();
        if (left > 0) {
          wait = Math.min(wait, left);
          if (run.deliveries.every((d) => d.state !== "pending" || d.purpose === "report")) continue;
        }
      }
      void this.executor.advance(run.id);
    }
    return Math.max(MIN_WAIT_MS, wait);
  }
}
