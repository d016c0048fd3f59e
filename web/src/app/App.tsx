import { Suspense } from "react";
import { SignInPage } from "../features/auth/SignInPage";
import { useSession, type SignedInUser } from "../features/auth/session";
import { useI18n } from "../i18n/language";
import { useTexts } from "../i18n/texts";
import { AppDataProvider, RequireAppData } from "./app-data";
import { FilterBar } from "./FilterBar";
import { Link, usePlace } from "./navigation";
import { allowed, routeOf, ROUTES } from "./routes";
import { SHELL_TEXTS } from "./shell-texts";

export function App() {
  const { t, language, setLanguage } = useI18n();
  const s = useTexts(SHELL_TEXTS);
  const { state, signOut } = useSession();
  return (
    <>
      <a className="skip" href="#main">
        {s.skip}
      </a>
      <header className="masthead">
        <div>
          <p className="app-title">{t("app.title")}</p>
          <p className="subtitle">{t("app.subtitle")}</p>
        </div>
        <div className="masthead-actions">
          {state.status === "signed-in" && (
            <span className="who">
              {t("auth.signedInAs")} {state.user.displayName}
              <button type="button" className="link-button" onClick={() => void signOut()}>
                {t("auth.signOut")}
              </button>
            </span>
          )}
          <button type="button" className="language" lang={language === "fr" ? "en" : "fr"} aria-label={`${t("app.language")}: ${t("app.switchTo")}`} onClick={() => setLanguage(language === "fr" ? "en" : "fr")}>
            {t("app.switchTo")}
          </button>
        </div>
      </header>
      {state.status === "checking" && (
        <main id="main">
          <p role="status">{t("common.loading")}</p>
        </main>
      )}
      {state.status === "signed-out" && (
        <main id="main">
          <SignInPage />
        </main>
      )}
      {state.status === "signed-in" && <SignedIn user={state.user} offline={state.offline} />}
    </>
  );
}

function SignedIn({ user, offline }: { user: SignedInUser; offline: boolean }) {
  const { language } = useI18n();
  const s = useTexts(SHELL_TEXTS);
  const place = usePlace();
  const route = routeOf(place.path);
  const Page = route?.page;
  return (
    <>
      <nav className="site-nav" aria-label={s.nav}>
        <ul>
          {ROUTES.filter((r) => allowed(r, user)).map((r) => (
            <li key={r.id}>
              {r.external ? (
                <a href={`${r.path}?lang=${language}`}>{language === "fr" ? r.fr : r.en}</a>
              ) : (
                <Link to={r.id === "country" ? `/pays/${user.country ?? "BF"}` : r.path} current={route?.id === r.id}>
                  {language === "fr" ? r.fr : r.en}
                </Link>
              )}
            </li>
          ))}
        </ul>
        <button type="button" className="link-button print-button" onClick={() => window.print()}>
          {s.print}
        </button>
      </nav>
      {offline && (
        <p className="offline-banner" role="status">
          {s.offline}
        </p>
      )}
      <AppDataProvider>
        <FilterBar />
        {user.country && (
          <p className="scope-note">
            {s.scope} {user.country}.
          </p>
        )}
        <main id="main">
          {!route || !Page ? (
            <p role="alert">{s.notFound}</p>
          ) : !allowed(route, user) ? (
            <p role="alert">{s.forbidden}</p>
          ) : (
            <RequireAppData
              fallback={(failed) =>
                failed ? (
                  <div role="alert" className="notice notice-error">
                    <p>{s.appDataError}</p>
                    <button type="button" onClick={failed.retry}>
                      {s.retry}
                    </button>
                  </div>
                ) : (
                  <p role="status">{s.loading}</p>
                )
              }
              // The overview asks for its figures without waiting (its charts wait for the registry themselves).
              immediate={route.id === "overview"}
            >
              <Suspense fallback={<p role="status">{s.loading}</p>}>
                <Page />
              </Suspense>
            </RequireAppData>
          )}
        </main>
      </AppDataProvider>
    </>
  );
}
