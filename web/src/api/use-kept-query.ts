import { useRef } from "react";
import { useQuery } from "./use-query";
import type { TypedDocumentString } from "../gql/graphql";

/**
 * useQuery that keeps showing the last answer while a new one is on its way
 * (after an upload, or a filter change), so tables do not blink away.
 */
export function useKeptQuery<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables) {
  const query = useQuery(document, variables);
  const kept = useRef<{ data: TResult; savedAt: string | null } | null>(null);
  if (query.status === "success") kept.current = { data: query.data, savedAt: null };
  if (query.status === "stale") kept.current = { data: query.data, savedAt: query.savedAt };
  return {
    /** The answer to show: the current one, or the last one while loading. */
    data: kept.current?.data ?? null,
    /** When the answer shown was received, if the network is gone. */
    staleSince: query.status === "stale" ? query.savedAt : null,
    loading: query.status === "loading",
    error: query.status === "error" ? query.error : null,
    retry: query.retry,
  };
}
