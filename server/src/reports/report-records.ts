import type { Period } from "../metrics/query/period.js";
import type { ReportKind, ScheduleRule } from "./schedule-rules.js";

export type Language = "fr" | "en";
export const REPORT_FORMATS = ["pdf", "xlsx", "csv"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type StaleAction = "warn" | "hold";

export interface Recipient {
  readonly address: string;
  readonly language: Language;
}

/** A schedule as stored (table report_schedules). */
export interface ScheduleRecord {
  readonly id: string;
  readonly name: string;
  readonly kind: ReportKind;
  readonly rule: ScheduleRule;
  readonly cron: string;
  readonly weekday: number | null;
  readonly atTime: string | null;
  readonly timeZone: string;
  readonly recipients: readonly Recipient[];
  readonly formats: readonly ReportFormat[];
  readonly countries: readonly string[];
  readonly staleAction: StaleAction;
  readonly ownerId: string;
  readonly ownerLogin: string;
  readonly ownerEmail: string;
  /** The owner's country when the owner is scoped: the report is limited to it. */
  readonly ownerScope: string | null;
  readonly paused: boolean;
  readonly deleted: boolean;
  readonly activeFrom: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

export const RUN_STATES = ["scheduled", "running", "sending", "succeeded", "failed", "retrying", "held"] as const;
export type RunState = (typeof RUN_STATES)[number];
export type RunTrigger = "schedule" | "catch_up" | "manual";
export type DataCheck = "ok" | "stale" | "empty";

export interface Artefact {
  /** File name inside DATA_DIR/reports/<run id>/. */
  readonly file: string;
  readonly format: ReportFormat | "json";
  readonly language: Language | null;
  readonly bytes: number;
  readonly sha256: string;
}

export type DeliveryPurpose = "report" | "resend" | "failure_notice" | "hold_notice";

/**
 * One e-mail of a run. Written as 'sending' before SMTP is asked and as 'sent'
 * once it accepted the message; 'pending' waits for the scheduler's next look
 * (a notice the mail server refused), 'failed' is final (a re-send that failed:
 * whoever asked sees it and may ask again).
 */
export interface Delivery {
  readonly id: string;
  readonly purpose: DeliveryPurpose;
  readonly language: Language;
  readonly recipients: readonly string[];
  /** Derived from the run id and the delivery id, so a message sent again after a crash keeps it. */
  readonly messageId: string;
  readonly state: "pending" | "sending" | "sent" | "failed";
  readonly attempts: number;
  readonly at: string;
  readonly error: string | null;
  readonly requestedBy: string | null;
}

/** A run as stored (table report_runs). */
export interface RunRecord {
  readonly id: string;
  readonly scheduleId: string;
  readonly scheduleName: string;
  readonly kind: ReportKind;
  readonly period: Period;
  readonly timeZone: string;
  readonly trigger: RunTrigger;
  readonly scheduledFor: string;
  readonly state: RunState;
  readonly attempts: number;
  readonly nextAttemptAt: string | null;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly recipients: readonly string[];
  readonly dataCheck: DataCheck | null;
  readonly dataNote: string;
  readonly artefacts: readonly Artefact[];
  readonly deliveries: readonly Delivery[];
  readonly notSentReason: string;
  readonly error: string;
  readonly ownerNotice: string;
  readonly requestedBy: string;
  readonly updatedAt: string;
  readonly version: number;
}

/** The run of a schedule for a period has this id, whoever starts it: the key of exactly-once. */
export function runIdOf(scheduleId: string, period: Period): string {
  return `${scheduleId}_${period.from}_${period.to}`;
}

/** Versions only grow: the later write of a row always wins, even if the clock stepped back. */
export function nextVersion(previous: number | null): number {
  return Math.max((previous ?? 0) + 1, Date.now() * 1000);
}
