import { useEffect, useState } from "react";

/** Who the session cookie belongs to, as GET /auth/me says (401: nobody). */
export type AccountState = { readonly status: "checking" } | { readonly status: "signed-in"; readonly displayName: string } | { readonly status: "signed-out" } | { readonly status: "unknown" };

export function useAccount(): AccountState {
  const [state, setState] = useState<AccountState>({ status: "checking" });
  useEffect(() => {
    const controller = new AbortController();
    fetch("/auth/me", { credentials: "same-origin", signal: controller.signal })
      .then(async (response) => {
        if (response.status === 401) return setState({ status: "signed-out" });
        if (!response.ok) return setState({ status: "unknown" });
        const body = (await response.json()) as { user?: { displayName?: string; login?: string } };
        setState({ status: "signed-in", displayName: body.user?.displayName ?? body.user?.login ?? "" });
      })
      .catch((error: unknown) => {
        // Unreachable server: GraphiQL says so itself when it asks for the schema.
        if ((error as Error).name !== "AbortError") setState({ status: "unknown" });
      });
    return () => controller.abort();
  }, []);
  return state;
}
