import { useState, type FormEvent } from "react";
import { useAction } from "../../api/use-action";
import { useKeptQuery } from "../../api/use-kept-query";
import { CreateUserDocument, UpdateUserDocument, UsersDocument, type Role, type UsersQuery } from "../../gql/graphql";
import { fill } from "../../i18n/server-text";
import { useTexts } from "../../i18n/texts";
import { newAccountProblem, passwordProblem } from "./account-view";
import { LoadState } from "./LoadState";
import { ACCOUNT_TEXTS } from "./texts";

const ROLES: readonly Role[] = ["ADMIN", "MINISTRY", "ANALYST", "PORT_AUTHORITY", "OPERATOR"];
const COUNTRIES = ["", "BF", "ML", "NE", "TG"] as const;
type User = UsersQuery["users"][number];

/** Accounts (administrators): the list, a new account, and changes to one: role, country, name, a new password, disabling. */
export function UsersSection({ self }: { self: string }) {
  const t = useTexts(ACCOUNT_TEXTS);
  const users = useKeptQuery(UsersDocument, {});
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const changed = (text: string) => {
    setMessage(text);
    setEditing(null);
    users.retry();
  };
  return (
    <section aria-labelledby="users-title">
      <h2 id="users-title">{t.usersHeading}</h2>
      <p className="section-intro">{t.usersIntro}</p>
      {message && (
        <p className="notice-ok" role="status">
          {message}
        </p>
      )}
      <LoadState query={users} />
      {users.data && (
        <div className="table-scroll">
          <table className="figures" data-table="users">
            <thead>
              <tr>
                <th scope="col">{t.colLogin}</th>
                <th scope="col">{t.colDisplayName}</th>
                <th scope="col">{t.colRole}</th>
                <th scope="col">{t.colCountry}</th>
                <th scope="col">{t.colStatus}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.edit}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.users.map((u) =>
                editing === u.login ? (
                  <tr key={u.id} data-user={u.login}>
                    <td colSpan={6}>
                      <EditUser user={u} self={u.login === self} onDone={changed} onCancel={() => setEditing(null)} />
                    </td>
                  </tr>
                ) : (
                  <tr key={u.id} data-user={u.login} className={u.disabled ? "is-disabled" : undefined}>
                    <th scope="row">{u.login}</th>
                    <td>{u.displayName}</td>
                    <td data-field="role">{t[`role_${u.role}`]}</td>
                    <td data-field="country">{u.country ?? t.allCountries}</td>
                    <td data-field="status">{u.disabled ? t.disabled : t.enabled}</td>
                    <td>
                      <button type="button" className="secondary-button" onClick={() => setEditing(u.login)} aria-label={`${t.edit} ${u.login}`}>
                        {t.edit}
                      </button>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
      <NewUser onDone={changed} />
    </section>
  );
}

function RoleAndCountry({ role, country, onRole, onCountry }: { role: Role; country: string; onRole: (r: Role) => void; onCountry: (c: string) => void }) {
  const t = useTexts(ACCOUNT_TEXTS);
  return (
    <>
      <label>
        {t.role}
        <select value={role} onChange={(e) => onRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t[`role_${r}`]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.country}
        <select value={country} onChange={(e) => onCountry(e.target.value)}>
          {COUNTRIES.map((c) => (
            <option key={c} value={c}>
              {c === "" ? t.allCountries : c}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

function EditUser({ user, self, onDone, onCancel }: { user: User; self: boolean; onDone: (message: string) => void; onCancel: () => void }) {
  const t = useTexts(ACCOUNT_TEXTS);
  const update = useAction(UpdateUserDocument);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const [country, setCountry] = useState(user.country ?? "");
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const save = async (changes: { disabled?: boolean }) => {
    const passwordIssue = password === "" ? null : passwordProblem(password, password);
    if (passwordIssue) return setProblem(t[`problem_${passwordIssue}`]);
    if (role === "ADMIN" && country !== "") return setProblem(t.problem_adminCountry);
    setProblem(null);
    const input = { displayName: displayName.trim() || null, role, country, password: password || null, ...changes };
    const done = await update.run({ login: user.login, input }, () => fill(t.accountSaved, { login: user.login }));
    if (done) onDone(fill(t.accountSaved, { login: user.login }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save({});
  };
  return (
    <form className="account-form inline-form" onSubmit={submit} noValidate aria-label={`${t.edit} ${user.login}`}>
      <label>
        {t.displayName}
        <input value={displayName} maxLength={200} onChange={(e) => setDisplayName(e.target.value)} />
      </label>
      <RoleAndCountry role={role} country={country} onRole={setRole} onCountry={setCountry} />
      <label>
        {t.resetPassword}
        <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      {(problem || update.state.status === "failed") && (
        <p className="form-error" role="alert">
          {problem ?? (update.state.status === "failed" ? update.state.message : "")}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary-button" disabled={update.state.status === "pending"}>
          {t.save}
        </button>
        {!self && (
          <button type="button" className={user.disabled ? "secondary-button" : "danger-button"} onClick={() => void save({ disabled: !user.disabled })} disabled={update.state.status === "pending"}>
            {user.disabled ? t.enable : t.disable}
          </button>
        )}
        <button type="button" className="secondary-button" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

function NewUser({ onDone }: { onDone: (message: string) => void }) {
  const t = useTexts(ACCOUNT_TEXTS);
  const create = useAction(CreateUserDocument);
  const [login, setLogin] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<Role>("MINISTRY");
  const [country, setCountry] = useState("");
  const [language, setLanguage] = useState("fr");
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const issue = newAccountProblem({ login, displayName, role, country, password });
    if (issue) return setProblem(t[`problem_${issue}`]);
    setProblem(null);
    const input = { login: login.trim().toLowerCase(), displayName: displayName.trim(), role, country: country || null, language, password };
    const done = await create.run({ input }, () => "");
    if (done) {
      setLogin("");
      setDisplayName("");
      setPassword("");
      onDone(fill(t.accountCreated, { login: done.createUser.login }));
    }
  };
  return (
    <form className="account-form new-account" onSubmit={submit} noValidate aria-labelledby="new-account-title">
      <h3 id="new-account-title">{t.newAccount}</h3>
      <label>
        {t.login}
        <input value={login} autoComplete="off" maxLength={100} onChange={(e) => setLogin(e.target.value)} />
      </label>
      <label>
        {t.displayName}
        <input value={displayName} maxLength={200} onChange={(e) => setDisplayName(e.target.value)} />
      </label>
      <RoleAndCountry role={role} country={country} onRole={setRole} onCountry={setCountry} />
      <label>
        {t.language}
        <select value={language} onChange={(e) => setLanguage(e.target.value)}>
          <option value="fr">Français</option>
          <option value="en">English</option>
        </select>
      </label>
      <label>
        {t.password}
        <input type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      {(problem || create.state.status === "failed") && (
        <p className="form-error" role="alert">
          {problem ?? (create.state.status === "failed" ? create.state.message : "")}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary-button" disabled={create.state.status === "pending"}>
          {t.createAccount}
        </button>
      </div>
    </form>
  );
}
