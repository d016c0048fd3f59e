import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";

export interface SignedInUser {
  readonly login: string;
  readonly displayName: string;
  readonly role: "admin" | "ministry" | "analyst" | "port_authority" | "operator";
  readonly country: string | null;
  readonly language: "fr" | "en";
}

type SessionState = { status: "checking" } | { status: "signed-out"; reason: string | null } | { status: "signed-in"; user: SignedInUser };

interface Session {
  readonly state: SessionState;
  signIn(login: string, password: string): Promise<string | null>;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** The dashboard's sign-in state, from the server's HttpOnly session cookie (never readable by scripts). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "checking" });
  useEffect(() => {
    fetch("/auth/me", { credentials: "same-origin" })
      .then(async (response) => {
        if (response.ok) setState({ status: "signed-in", user: ((await response.json()) as { user: SignedInUser }).user });
        else setState({ status: "signed-out", reason: null });
      })
      .catch(() => setState({ status: "signed-out", reason: "network" }));
  }, []);
  const signIn = useCallback(async (login: string, password: string) => {
    let response: Response;
    try {
      response = await fetch("/auth/login", { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify({ login, password }) });
    } catch {
      return "network";
    }
    const body = (await response.json().catch(() => ({}))) as { user?: SignedInUser; error?: { code: string } };
    if (!response.ok || !body.user) return body.error?.code ?? "INVALID_CREDENTIALS";
    setState({ status: "signed-in", user: body.user });
    return null;
  }, []);
  const signOut = useCallback(async () => {
    await fetch("/auth/logout", { method: "POST", credentials: "same-origin" }).catch(() => undefined);
    setState({ status: "signed-out", reason: null });
  }, []);
  return <SessionContext.Provider value={{ state, signIn, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error("useSession outside SessionProvider");
  return session;
}
