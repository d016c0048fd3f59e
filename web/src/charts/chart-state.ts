import type { QueryState } from "../api/use-query";
import type { ChartState } from "./ChartCard";

/** A chart's state from its query's: loading; error with a retry; empty when the answer holds no figure; ready otherwise, dated when it is the answer kept offline. */
export function chartStateOf(answer: QueryState<unknown> & { retry(): void }, hasFigures: boolean, emptyMessage?: string): ChartState {
  if (answer.status === "loading") return { status: "loading" };
  if (answer.status === "error") return { status: "error", retry: answer.retry };
  if (!hasFigures) return emptyMessage === undefined ? { status: "empty" } : { status: "empty", message: emptyMessage };
  return { status: "ready", staleSince: answer.status === "stale" ? answer.savedAt : null };
}
