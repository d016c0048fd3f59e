import { createContext, useContext, useMemo, type ReactNode } from "react";
import { useQuery } from "../api/use-query";
import { AppDataDocument, type AppDataQuery, type Dimension, type Measure } from "../gql/graphql";
import type { Registry } from "./metric-filters";

export interface AppData {
  readonly registry: Registry;
  readonly routes: AppDataQuery["routes"];
  readonly hsSections: AppDataQuery["hsSections"];
}

type AppDataState = { data: AppData | null; retry: (() => void) | null };

const AppDataContext = createContext<AppDataState | null>(null);

/**
 * Loads the registry and the filter lists once per visit (a few hundred
 * bytes). Children render at once: on a 3G link each round trip costs half a
 * second, so the overview's figures are asked for in parallel with this, and
 * only what needs the registry waits for it (RequireAppData, useOptionalAppData).
 */
export function AppDataProvider({ children }: { children: ReactNode }) {
  const query = useQuery(AppDataDocument, {});
  const value = useMemo<AppDataState>(() => {
    if (query.status !== "success" && query.status !== "stale") return { data: null, retry: query.status === "error" ? query.retry : null };
    const registry = new Map<Measure, ReadonlySet<Dimension>>(query.data.measures.map((m) => [m.name, new Set(m.dimensions)]));
    return { data: { registry, routes: query.data.routes, hsSections: query.data.hsSections }, retry: null };
  }, [query]);
  return <AppDataContext.Provider value={value}>{children}</AppDataContext.Provider>;
}

/** The app data once loaded; null before. */
export function useOptionalAppData(): AppData | null {
  return useContext(AppDataContext)?.data ?? null;
}

/** For components inside RequireAppData: the app data, always there. */
export function useAppData(): AppData {
  const value = useOptionalAppData();
  if (value === null) throw new Error("useAppData outside RequireAppData");
  return value;
}

/** Renders its children once the app data is loaded; meanwhile `fallback` (with a retry when loading failed). */
export function RequireAppData({ children, fallback, immediate = false }: { children: ReactNode; fallback: (failed: { retry: () => void } | null) => ReactNode; immediate?: boolean }) {
  const state = useContext(AppDataContext);
  if (!state?.data && !immediate) return <>{fallback(state?.retry ? { retry: state.retry } : null)}</>;
  return <>{children}</>;
}
