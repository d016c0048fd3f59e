import { useState } from "react";
import { useKeptQuery } from "../../api/use-kept-query";
import { AuditLogDocument } from "../../gql/graphql";
import { formatDateTime, formatInteger } from "../../i18n/format";
import { useI18n } from "../../i18n/language";
import { useTexts } from "../../i18n/texts";
import { LoadState } from "./LoadState";
import { ACCOUNT_TEXTS } from "./texts";

const OUTCOMES = ["ok", "error", "refused"] as const;

/** The latest API requests (administrators): who asked what, when, how long it took and how it ended. */
export function AuditSection() {
  const { language } = useI18n();
  const t = useTexts(ACCOUNT_TEXTS);
  const [login, setLogin] = useState("");
  const [outcome, setOutcome] = useState("");
  const audit = useKeptQuery(AuditLogDocument, { limit: 100, login: login.trim() || null, outcome: outcome || null });
  const rows = audit.data?.auditLog ?? [];
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t.auditHeading}</h2>
      <p className="section-intro">{t.auditIntro}</p>
      <form className="account-form inline-form" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t.auditLogin}
          <input value={login} maxLength={100} onChange={(e) => setLogin(e.target.value)} />
        </label>
        <label>
          {t.auditOutcome}
          <select value={outcome} onChange={(e) => setOutcome(e.target.value)}>
            <option value="">{t.any}</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
      </form>
      <LoadState query={audit} />
      {audit.data && rows.length === 0 && <p>{t.noAudit}</p>}
      {rows.length > 0 && (
        <div className="table-scroll">
          <table className="figures" data-table="audit">
            <thead>
              <tr>
                <th scope="col">{t.colAt}</th>
                <th scope="col">{t.colWho}</th>
                <th scope="col">{t.colWhat}</th>
                <th scope="col" className="num">
                  {t.colDuration}
                </th>
                <th scope="col">{t.colOutcome}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={`${r.at}-${i}`} className={`audit-${r.outcome}`}>
                  <td>{formatDateTime(r.at, language)}</td>
                  <td>
                    {r.login || "—"}
                    {r.role && <span className="muted"> ({r.role}{r.scope ? `, ${r.scope}` : ""})</span>}
                    <span className="muted"> · {r.address}</span>
                  </td>
                  <td>
                    <code>{r.entry}</code> {r.operationType} {r.operationName}
                  </td>
                  <td className="num">{`${formatInteger(r.durationMs, language)}\u00A0ms`}</td>
                  <td>
                    {r.outcome} · {r.httpStatus}
                    {r.errorCodes.length > 0 && <span className="muted"> · {r.errorCodes.join(", ")}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
