/**
 * Number fields. The `,` CSV dialect (and XML, JSON, EDIFACT) writes `1234.5`;
 * the `;` dialect writes a decimal comma and may group thousands with a space
 * or no-break space (`1 234,5`). Results are canonical decimal text, so the
 * same value reads the same whatever the dialect: no grouping, `.` as the
 * decimal mark, no trailing fractional zeros (`21,0` and `21` give `21`).
 */
export type DecimalMark = "point" | "comma";

const GROUP_SPACES = /[ \u00A0\u202F]/gu;
const HAS_GROUP_SPACE = /[ \u00A0\u202F]/u;

export function parseDecimal(text: string, mark: DecimalMark = "point"): string | null {
  let t = text.trim();
  if (t === "") return null;
  if (mark === "comma") {
    // Thousands groups, if any, must be groups of three digits.
    if (HAS_GROUP_SPACE.test(t) && !/^-?\d{1,3}([ \u00A0\u202F]\d{3})*(,\d+)?$/u.test(t)) return null;
    t = t.replace(GROUP_SPACES, "");
    if (t.includes(".")) return null;
    t = t.replace(",", ".");
  } else if (t.includes(",")) {
    return null;
  }
  if (!/^[+-]?\d+(\.\d+)?$/u.test(t)) return null;
  return canonical(t);
}

function canonical(t: string): string {
  let sign = "";
  if (t.startsWith("+")) t = t.slice(1);
  if (t.startsWith("-")) {
    sign = "-";
    t = t.slice(1);
  }
  let [int = "0", frac = ""] = t.split(".");
  int = int.replace(/^0+(?=\d)/u, "");
  frac = frac.replace(/0+$/u, "");
  const text = frac ? `${int}.${frac}` : int;
  return text === "0" ? "0" : `${sign}${text}`;
}

export function isNegative(decimal: string): boolean {
  return decimal.startsWith("-");
}

/** Whole number of XOF from a canonical decimal, rounded half away from zero (formats.md). */
export function roundHalfAwayFromZero(decimal: string): string {
  const negative = decimal.startsWith("-");
  const [int = "0", frac = ""] = (negative ? decimal.slice(1) : decimal).split(".");
  let whole = BigInt(int);
  if (frac !== "" && Number(frac[0]) >= 5) whole += 1n;
  return whole === 0n ? "0" : `${negative ? "-" : ""}${whole}`;
}

/** EUR → XOF at the fixed parity 1 EUR = 655.957 XOF, exactly (integer arithmetic), rounded half away from zero. */
export function eurToXof(decimal: string): string {
  const negative = decimal.startsWith("-");
  const [int = "0", frac = ""] = (negative ? decimal.slice(1) : decimal).split(".");
  const scale = 10n ** BigInt(frac.length);
  const cents = BigInt(int) * scale + BigInt(frac || "0");
  // amount × 655.957 = cents × 655957 / (scale × 1000)
  const numerator = cents * 655_957n;
  const denominator = scale * 1000n;
  let whole = numerator / denominator;
  if ((numerator % denominator) * 2n >= denominator) whole += 1n;
  return whole === 0n ? "0" : `${negative ? "-" : ""}${whole}`;
}
