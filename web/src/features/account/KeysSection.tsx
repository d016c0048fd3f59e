import { useMemo, useState, type FormEvent } from "react";
import { useAction } from "../../api/use-action";
import { useKeptQuery } from "../../api/use-kept-query";
import { CreateApiKeyDocument, MyApiKeysDocument, RevokeApiKeyDocument, type ApiKeyFieldsFragment } from "../../gql/graphql";
import { formatDateTime } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { fill } from "../../i18n/server-text";
import { useTexts } from "../../i18n/texts";
import { expiryDays, keyState, sortKeys } from "./account-view";
import { LoadState } from "./LoadState";
import { ACCOUNT_TEXTS } from "./texts";

/** API keys: create one (its secret shown once), see them with their state, revoke one. Administrators see every account's. */
export function KeysSection({ isAdmin }: { isAdmin: boolean }) {
  const { language } = useI18n();
  const t = useTexts(ACCOUNT_TEXTS);
  const keys = useKeptQuery(MyApiKeysDocument, {});
  const create = useAction(CreateApiKeyDocument);
  const revoke = useAction(RevokeApiKeyDocument);
  const [name, setName] = useState("");
  const [days, setDays] = useState("");
  const [secret, setSecret] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<ApiKeyFieldsFragment | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const now = useMemo(() => new Date(), [keys.data]);
  const list = sortKeys(keys.data?.apiKeys ?? [], now);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const expiresInDays = expiryDays(days);
    if (name.trim().length === 0 || name.trim().length > 100) return setProblem(t.keyNameMissing);
    if (expiresInDays === "invalid") return setProblem(t.keyInvalidDays);
    setProblem(null);
    const created = await create.run({ input: { name: name.trim(), expiresInDays } }, () => t.keyCreated);
    if (created) {
      setSecret(created.createApiKey.key);
      setName("");
      setDays("");
      keys.retry();
    }
  };
  const confirmRevoke = async () => {
    if (!confirming) return;
    const done = await revoke.run({ id: confirming.id }, () => fill(t.revoked, { name: confirming.name }));
    setConfirming(null);
    if (done) keys.retry();
  };

  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">{isAdmin ? t.keysHeadingAdmin : t.keysHeading}</h2>
      <p className="section-intro">{t.keysIntro}</p>
      <form className="account-form inline-form" onSubmit={submit} noValidate>
        <label>
          {t.keyName}
          <input value={name} maxLength={100} onChange={(e) => setName(e.target.value)} required />
        </label>
        <label>
          {t.keyExpiry}
          <input value={days} inputMode="numeric" onChange={(e) => setDays(e.target.value)} />
        </label>
        <div className="form-actions">
          <button type="submit" className="primary-button" disabled={create.state.status === "pending"}>
            {t.createKey}
          </button>
        </div>
      </form>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {create.state.status === "failed" && (
        <p className="form-error" role="alert">
          {create.state.message}
        </p>
      )}
      {secret && (
        <div className="notice-ok secret" role="status">
          <p>{t.keyCreated}</p>
          <code className="api-key" data-secret>
            {secret}
          </code>
        </div>
      )}
      {revoke.state.status === "done" && (
        <p className="notice-ok" role="status">
          {revoke.state.message}
        </p>
      )}
      {revoke.state.status === "failed" && (
        <p className="form-error" role="alert">
          {revoke.state.message}
        </p>
      )}
      <LoadState query={keys} />
      {keys.data && list.length === 0 && <p>{t.noKeys}</p>}
      {list.length > 0 && (
        <div className="table-scroll">
          <table className="figures" data-table="keys">
            <thead>
              <tr>
                <th scope="col">{t.colName}</th>
                {isAdmin && <th scope="col">{t.colOwner}</th>}
                <th scope="col">{t.colCreated}</th>
                <th scope="col">{t.colExpires}</th>
                <th scope="col">{t.colState}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.revoke}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((k) => {
                const state = keyState(k, now);
                return (
                  <tr key={k.id} data-key={k.name}>
                    <th scope="row">{k.name}</th>
                    {isAdmin && <td>{k.owner}</td>}
                    <td>{formatDateTime(k.createdAt, language)}</td>
                    <td>{k.expiresAt ? formatDateTime(k.expiresAt, language) : t.never}</td>
                    <td data-field="state">
                      <span className={`badge badge-key-${state}`}>{t[`state_${state}`]}</span>
                    </td>
                    <td>
                      {state === "active" &&
                        (confirming?.id === k.id ? (
                          <span className="confirm" role="group" aria-label={fill(t.revokeConfirm, { name: k.name })}>
                            <span>{fill(t.revokeConfirm, { name: k.name })}</span>
                            <button type="button" className="danger-button" onClick={() => void confirmRevoke()} disabled={revoke.state.status === "pending"}>
                              {t.confirm}
                            </button>
                            <button type="button" className="secondary-button" onClick={() => setConfirming(null)}>
                              {t.cancel}
                            </button>
                          </span>
                        ) : (
                          <button type="button" className="secondary-button" onClick={() => setConfirming(k)}>
                            {t.revoke}
                          </button>
                        ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
