import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { EXAMPLES, type ExplorerExample } from "./examples";
import { HEADERS_EXAMPLE, TEXTS } from "./texts";
import { useAccount } from "./use-account";
import { useLanguage } from "./use-language";

const Workbench = lazy(() => import("./Workbench"));

/** The explorer: a small bilingual header, a sign-in notice when needed, and GraphiQL as it ships. */
export function ExplorerPage() {
  const [language, setLanguage] = useLanguage();
  const account = useAccount();
  const t = TEXTS[language];
  const dashboard = language === "fr" ? "/" : "/?lang=en";
  // GraphiQL reads the query to open when it mounts: picking an example mounts it anew
  // (its tabs are kept in localStorage, so nothing but the last response is lost).
  const [opened, setOpened] = useState<{ readonly example: ExplorerExample; readonly serial: number } | null>(null);
  const menu = useRef<HTMLDetailsElement>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const open = (example: ExplorerExample) => {
    setOpened((previous) => ({ example, serial: (previous?.serial ?? 0) + 1 }));
    if (menu.current) menu.current.open = false;
  };
  // The examples menu closes on a click elsewhere or on Escape, as menus do.
  useEffect(() => {
    if (!menuOpen) return;
    const close = (event: Event) => {
      const details = menu.current;
      if (!details) return;
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !details.contains(event.target as Node)) {
        details.open = false;
        if (event instanceof KeyboardEvent) details.querySelector("summary")?.focus();
      }
    };
    document.addEventListener("pointerdown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("pointerdown", close);
      document.removeEventListener("keydown", close);
    };
  }, [menuOpen]);
  return (
    <div className="explorer">
      <header className="explorer-head">
        <div className="explorer-titles">
          <h1>{t.title}</h1>
          <p className="explorer-subtitle">{t.subtitle}</p>
        </div>
        <div className="explorer-actions">
          <details className="explorer-examples" ref={menu} onToggle={(event) => setMenuOpen(event.currentTarget.open)}>
            <summary>{t.examples}</summary>
            <ul>
              {EXAMPLES.map((example) => (
                <li key={example.id}>
                  <button type="button" onClick={() => open(example)}>
                    {language === "fr" ? example.titleFr : example.titleEn}
                  </button>
                </li>
              ))}
            </ul>
          </details>
          {account.status === "signed-in" && (
            <span className="explorer-who">
              {t.signedInAs} {account.displayName}
            </span>
          )}
          <a className="explorer-back" href={dashboard}>
            ← {t.back}
          </a>
          <button type="button" className="explorer-language" lang={language === "fr" ? "en" : "fr"} aria-label={`${t.language}: ${t.switchTo}`} onClick={() => setLanguage(language === "fr" ? "en" : "fr")}>
            {t.switchTo}
          </button>
        </div>
      </header>
      {account.status === "signed-out" && (
        <section className="explorer-notice" aria-labelledby="explorer-notice-title">
          <h2 id="explorer-notice-title">{t.noticeTitle}</h2>
          <p>
            {t.noticeSchema} {t.noticeSignInBefore}
            <a href={dashboard}>{t.noticeSignInLink}</a>
            {t.noticeSignInAfter}
          </p>
          <p>
            {t.noticeKey} <code translate="no">{HEADERS_EXAMPLE}</code>
          </p>
        </section>
      )}
      <main className="explorer-main">
        <Suspense fallback={<p className="explorer-loading" role="status">{t.loading}</p>}>
          <Workbench key={opened?.serial ?? 0} opened={opened?.example ?? null} />
        </Suspense>
      </main>
    </div>
  );
}
