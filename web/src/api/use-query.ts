import { useCallback, useEffect, useState } from "react";
import type { TypedDocumentString } from "../gql/graphql";
import { request } from "./graphql-client";

export type QueryState<T> = { status: "loading" } | { status: "error"; error: Error } | { status: "success"; data: T };

/** One typed operation's state; `retry` runs it again. Variables are compared by value. */
export function useQuery<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables): QueryState<TResult> & { retry(): void } {
  const [state, setState] = useState<QueryState<TResult>>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: "loading" });
    request(document, JSON.parse(key) as TVariables, controller.signal).then(
      (data) => setState({ status: "success", data }),
      (error: Error) => {
        if (error.name !== "AbortError") setState({ status: "error", error });
      },
    );
    return () => controller.abort();
  }, [document, key, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
