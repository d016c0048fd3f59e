import { useCallback, useMemo } from "react";
import { parseFilters, writeFilters, type Filters } from "./filters";
import { navigate, usePlace } from "./navigation";

/** The filters of the address, and a setter that writes them back (a new history step, so Back undoes a change). */
export function useFilters(): [Filters, (next: Partial<Filters>) => void] {
  const place = usePlace();
  const today = useMemo(() => new Date(), []);
  const filters = useMemo(() => parseFilters(place.params, today), [place.params, today]);
  const setFilters = useCallback(
    (next: Partial<Filters>) => {
      navigate(window.location.pathname, writeFilters({ ...filters, ...next }, new URLSearchParams(window.location.search), today));
    },
    [filters, today],
  );
  return [filters, setFilters];
}
