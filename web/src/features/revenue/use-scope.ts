import { useSession } from "../auth/session";

/** The country whose detail the signed-in user may see; null when it sees every country's. */
export function useScope(): string | null {
  const { state } = useSession();
  return state.status === "signed-in" ? state.user.country : null;
}
