import { useState, type FormEvent } from "react";
import { useAction } from "../../api/use-action";
import { ChangePasswordDocument } from "../../gql/graphql";
import { useTexts } from "../../i18n/texts";
import { useSession } from "../auth/session";
import { passwordProblem } from "./account-view";
import { ACCOUNT_TEXTS } from "./texts";

/** Changing one's own password. The server then ends every session, this one too: the page says so and offers to sign in again. */
export function PasswordSection() {
  const t = useTexts(ACCOUNT_TEXTS);
  const { signOut } = useSession();
  const change = useAction(ChangePasswordDocument);
  const [current, setCurrent] = useState("");
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [tried, setTried] = useState(false);
  const problem = passwordProblem(password, confirmation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (problem !== null || current === "") return;
    const done = await change.run({ current, password }, () => t.passwordChanged);
    if (done) {
      setCurrent("");
      setPassword("");
      setConfirmation("");
      setTried(false);
    }
  };
  return (
    <section aria-labelledby="password-title">
      <h2 id="password-title">{t.passwordHeading}</h2>
      <p className="section-intro">{t.passwordIntro}</p>
      {change.state.status === "done" ? (
        <div className="notice-ok" role="status">
          <p>{change.state.message}</p>
          <button type="button" className="primary-button" onClick={() => void signOut()}>
            {t.signInAgain}
          </button>
        </div>
      ) : (
        <form className="account-form" onSubmit={submit} noValidate>
          <label>
            {t.currentPassword}
            <input type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required />
          </label>
          <label>
            {t.newPassword}
            <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} minLength={12} required aria-invalid={tried && (problem === "short" || problem === "long")} />
          </label>
          <label>
            {t.confirmPassword}
            <input type="password" autoComplete="new-password" value={confirmation} onChange={(e) => setConfirmation(e.target.value)} required aria-invalid={tried && problem === "mismatch"} />
          </label>
          {tried && problem !== null && (
            <p className="form-error" role="alert">
              {t[`problem_${problem}`]}
            </p>
          )}
          {change.state.status === "failed" && (
            <p className="form-error" role="alert">
              {change.state.message}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="primary-button" disabled={change.state.status === "pending"}>
              {t.changePassword}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
