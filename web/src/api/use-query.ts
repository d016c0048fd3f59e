import { useCallback, useEffect, useState } from "react";
import type { TypedDocumentString } from "../gql/graphql";
import { ApiError, request } from "./graphql-client";
import { answerKey, readAnswer, saveAnswer } from "./offline-cache";

export type QueryState<T> =
  | { status: "loading" }
  | { status: "error"; error: Error }
  | { status: "success"; data: T }
  /** The network is gone: the last answer seen for the same question, received at `savedAt`. */
  | { status: "stale"; data: T; savedAt: string };

/**
 * One typed operation's state; `retry` runs it again. Variables are compared
 * by value. `skip` leaves it idle (a page that waits for another answer).
 */
export function useQuery<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables, options: { skip?: boolean } = {}): QueryState<TResult> & { retry(): void } {
  const [state, setState] = useState<QueryState<TResult>>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (options.skip) return;
    const controller = new AbortController();
    const cacheKey = answerKey(document.toString(), key);
    setState({ status: "loading" });
    request(document, JSON.parse(key) as TVariables, controller.signal).then(
      (data) => {
        saveAnswer(cacheKey, data);
        setState({ status: "success", data });
      },
      (error: Error) => {
        if (error.name === "AbortError") return;
        const cached = error instanceof ApiError && error.code === "NETWORK" ? readAnswer<TResult>(cacheKey) : null;
        setState(cached ? { status: "stale", data: cached.data, savedAt: cached.savedAt } : { status: "error", error });
      },
    );
    return () => controller.abort();
  }, [document, key, attempt, options.skip]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
