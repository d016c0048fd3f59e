import { useTexts } from "../../i18n/texts";
import { ACCOUNT_TEXTS } from "./texts";

/** Loading and error states of a list, with a retry; nothing once the list is there. */
export function LoadState({ query }: { query: { data: unknown; loading: boolean; error: Error | null; retry: () => void } }) {
  const t = useTexts(ACCOUNT_TEXTS);
  if (query.loading && query.data === null) return <p role="status">{t.loading}</p>;
  if (query.error)
    return (
      <div role="alert" className="notice notice-error">
        <p>{t.error}</p>
        <button type="button" onClick={query.retry}>
          {t.retry}
        </button>
      </div>
    );
  return null;
}
