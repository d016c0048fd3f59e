import { fill } from "../../i18n/server-text";
import { useTexts } from "../../i18n/texts";
import { useSession } from "../auth/session";
import "./account.css";
import { AuditSection } from "./AuditSection";
import { KeysSection } from "./KeysSection";
import { PasswordSection } from "./PasswordSection";
import { ACCOUNT_TEXTS } from "./texts";
import { UsersSection } from "./UsersSection";

/**
 * Compte: one's password and API keys (analysts get their keys here, not through a script); for
 * administrators, the accounts with their roles and country scope, and the request log.
 */
export default function AccountPage() {
  const t = useTexts(ACCOUNT_TEXTS);
  const { state } = useSession();
  if (state.status !== "signed-in") return null;
  const user = state.user;
  const isAdmin = user.role === "admin";
  const roleKey = `role_${user.role.toUpperCase()}` as "role_ADMIN";
  return (
    <div className="account-page">
      <h1>{t.heading}</h1>
      <p className="section-intro">{t.intro}</p>
      <p>
        {t.signedInAs} <strong>{user.displayName}</strong> ({user.login}) — {t[roleKey]}, {user.country ? fill(t.countryScope, { c: user.country }) : t.allCountries}.
      </p>
      {state.offline && (
        <p className="stale-note" role="status">
          {t.offlineNote}
        </p>
      )}
      <PasswordSection />
      <KeysSection isAdmin={isAdmin} />
      {isAdmin && <UsersSection self={user.login} />}
      {isAdmin && <AuditSection />}
    </div>
  );
}
