// Amounts of the policy questions: XOF, to the franc.

/** XOF has no minor unit: amounts leave the API rounded to the franc. */
export function francs(value: unknown): number {
  return Math.round(Number(value));
}

/** Like francs(), for a cell that may be empty (a gap). */
export function francsOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : francs(value);
}

/** part ÷ whole, null when the whole is zero or missing (a share of nothing is no share). */
export function share(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || whole === 0) return null;
  return Math.round((part / whole) * 1e6) / 1e6;
}
