import { StatusPage } from "../features/status/StatusPage";
import { useI18n } from "../i18n/language";

export function App() {
  const { t, language, setLanguage } = useI18n();
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
        <button type="button" className="language" lang={language === "fr" ? "en" : "fr"} aria-label={`${t("app.language")}: ${t("app.switchTo")}`} onClick={() => setLanguage(language === "fr" ? "en" : "fr")}>
          {t("app.switchTo")}
        </button>
      </header>
      <main id="main">
        <StatusPage />
      </main>
    </>
  );
}
