/** The platform's roles (docs/security.md says what each may do). */
export const ROLES = ["admin", "ministry", "analyst", "port_authority", "operator"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Roles that may load data (upload files): operators feed the platform; administrators may too. */
export const LOADING_ROLES: readonly Role[] = ["admin", "operator"];
