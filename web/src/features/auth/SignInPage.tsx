import { useState, type FormEvent } from "react";
import { useI18n } from "../../i18n/language";
import { useSession } from "./session";

/** The sign-in form: login and password, with the server's reason when refused. */
export function SignInPage() {
  const { t } = useI18n();
  const { signIn, state } = useSession();
  const [login, setLogin] = useState("");
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const failure = await signIn(login, password);
    setBusy(false);
    if (failure === null) return;
    setProblem(failure === "TOO_MANY_ATTEMPTS" ? t("auth.tooMany") : failure === "network" ? t("auth.network") : t("auth.invalid"));
    setPassword("");
  };
  return (
    <section className="sign-in" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">{t("auth.title")}</h2>
      {state.status === "signed-out" && state.reason === "expired" && problem === null && (
        <p role="status" className="notice">
          {t("auth.expired")}
        </p>
      )}
      <form onSubmit={submit}>
        <label>
          {t("auth.login")}
          <input name="login" autoComplete="username" value={login} onChange={(e) => setLogin(e.target.value)} required />
        </label>
        <label>
          {t("auth.password")}
          <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </label>
        {problem && (
          <p role="alert" className="form-error">
            {problem}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t("auth.submit")}
        </button>
      </form>
    </section>
  );
}
