import { CREDENTIALS_REFUSED } from "../../api/graphql-client";
import { forgetAnswers } from "../../api/offline-cache";
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";

export interface SignedInUser {
  readonly login: string;
  readonly displayName: string;
  readonly role: "admin" | "ministry" | "analyst" | "port_authority" | "operator";
  readonly country: string | null;
  readonly language: "fr" | "en";
}

type SessionState =
  | { status: "checking" }
  /** `expired`: the server ended the session (inactivity, its maximum length, a new password); `network`: it could not be reached. */
  | { status: "signed-out"; reason: "expired" | "network" | null }
  /** `offline`: the server could not be reached; the user is the one last signed in on this browser, and pages show the answers kept. */
  | { status: "signed-in"; user: SignedInUser; offline: boolean };

const USER_KEY = "corridor.user";

function rememberUser(user: SignedInUser | null): void {
  try {
    if (user) window.localStorage.setItem(USER_KEY, JSON.stringify(user));
    else window.localStorage.removeItem(USER_KEY);
  } catch {
    // Storage disabled: offline viewing just will not be offered.
  }
}

function rememberedUser(): SignedInUser | null {
  try {
    const text = window.localStorage.getItem(USER_KEY);
    return text ? (JSON.parse(text) as SignedInUser) : null;
  } catch {
    return null;
  }
}

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
    // The server is out of reach (no network, or a proxy answering for it): the last user of this browser, read-only.
    const offline = () => {
      const user = rememberedUser();
      setState(user ? { status: "signed-in", user, offline: true } : { status: "signed-out", reason: "network" });
    };
    fetch("/auth/me", { credentials: "same-origin" })
      .then(async (response) => {
        if (response.ok) {
          const user = ((await response.json()) as { user: SignedInUser }).user;
          rememberUser(user);
          setState({ status: "signed-in", user, offline: false });
        } else if (response.status === 401) {
          rememberUser(null);
          forgetAnswers();
          setState({ status: "signed-out", reason: null });
        } else {
          offline();
        }
      })
      .catch(offline);
  }, []);
  useEffect(() => {
    // An API call was refused its credentials: whatever the page was showing, the person must sign in again.
    const refused = () => {
      rememberUser(null);
      forgetAnswers();
      setState((current) => (current.status === "signed-in" ? { status: "signed-out", reason: "expired" } : current));
    };
    window.addEventListener(CREDENTIALS_REFUSED, refused);
    return () => window.removeEventListener(CREDENTIALS_REFUSED, refused);
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
    rememberUser(body.user);
    setState({ status: "signed-in", user: body.user, offline: false });
    return null;
  }, []);
  const signOut = useCallback(async () => {
    await fetch("/auth/logout", { method: "POST", credentials: "same-origin" }).catch(() => undefined);
    // Another person may use this browser next: nothing of this session stays.
    rememberUser(null);
    forgetAnswers();
    setState({ status: "signed-out", reason: null });
  }, []);
  return <SessionContext.Provider value={{ state, signIn, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === null) throw new Error("useSession outside SessionProvider");
  return session;
}
