import { useCallback, useState } from "react";
import { request } from "./graphql-client";
import type { TypedDocumentString } from "../gql/graphql";
import { useI18n } from "../i18n/language";
import { messageIn } from "../i18n/server-text";

export type ActionState = { status: "idle" } | { status: "pending" } | { status: "failed"; message: string } | { status: "done"; message: string };

/**
 * One mutation the page can run, with its state for the button that runs it:
 * pending while it goes, the server's message (in the reader's language) when
 * it is refused, and a confirmation when it is done.
 */
export function useAction<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>) {
  const { language } = useI18n();
  const [state, setState] = useState<ActionState>({ status: "idle" });
  const run = useCallback(
    async (variables: TVariables, done: (result: TResult) => string): Promise<TResult | null> => {
      setState({ status: "pending" });
      try {
        const result = await request(document, variables);
        setState({ status: "done", message: done(result) });
        return result;
      } catch (error) {
        setState({ status: "failed", message: messageIn((error as Error).message, language) });
        return null;
      }
    },
    [document, language],
  );
  const reset = useCallback(() => setState({ status: "idle" }), []);
  return { state, run, reset };
}
