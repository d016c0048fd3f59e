import { useCallback, useEffect, useState, type MouseEvent, type ReactNode } from "react";

/** The address bar is the state of the view: a link reproduces what was on screen. */
export interface Place {
  readonly path: string;
  readonly params: URLSearchParams;
}

const current = (): Place => ({ path: window.location.pathname, params: new URLSearchParams(window.location.search) });

/** Fired on window after navigate(): the History API has no event for pushState. */
const NAVIGATED = "corridor:navigated";

/** Changes the address without a reload; `replace` for changes that should not add a Back step (a filter typed letter by letter). */
export function navigate(path: string, params: URLSearchParams, options: { replace?: boolean } = {}): void {
  const query = params.toString();
  const url = `${path}${query ? `?${query}` : ""}`;
  if (options.replace) window.history.replaceState(null, "", url);
  else window.history.pushState(null, "", url);
  window.dispatchEvent(new Event(NAVIGATED));
}

export function usePlace(): Place {
  const [place, setPlace] = useState(current);
  useEffect(() => {
    const update = () => setPlace(current());
    window.addEventListener(NAVIGATED, update);
    window.addEventListener("popstate", update);
    return () => {
      window.removeEventListener(NAVIGATED, update);
      window.removeEventListener("popstate", update);
    };
  }, []);
  return place;
}

/** An in-app link that keeps the filters (and the language) of the current address. */
export function Link({ to, children, className, current: isCurrent }: { to: string; children: ReactNode; className?: string; current?: boolean }) {
  const params = new URLSearchParams(window.location.search);
  const href = `${to}${params.toString() ? `?${params}` : ""}`;
  const onClick = useCallback(
    (event: MouseEvent<HTMLAnchorElement>) => {
      // Let the browser open new tabs and windows as usual.
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      navigate(to, new URLSearchParams(window.location.search));
      window.scrollTo(0, 0);
    },
    [to],
  );
  return (
    <a href={href} className={className} aria-current={isCurrent ? "page" : undefined} onClick={onClick}>
      {children}
    </a>
  );
}
