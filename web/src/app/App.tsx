import { SignInPage } from "../features/auth/SignInPage";
import { useSession } from "../features/auth/session";
import { StatusPage } from "../features/status/StatusPage";
import { useI18n } from "../i18n/language";

export function App() {
  const { t, language, setLanguage } = useI18n();
  const { state, signOut } = useSession();
  return (
    <>
      <a className="skip" href="#main">
        {language === "fr" ? "Aller au contenu" : "Skip to content"}
      </a>
      <header className="masthead">
        <div>
          <h1>{t("app.title")}</h1>
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
      <main id="main">
        {state.status === "checking" && <p role="status">{t("common.loading")}</p>}
        {state.status === "signed-out" && <SignInPage />}
        {state.status === "signed-in" && <StatusPage />}
      </main>
    </>
  );
}
