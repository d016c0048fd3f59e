/**
 * Customs taxes of a declaration item (formats.md §3 codes; rates from
 * domain.md §4 and §7). Amounts are whole XOF.
 */
import type { CetBand } from "./commodities.js";

/** Duty_tax_MP: 1 paid, 0 suspended (transit), 2 guaranteed. */
export type PaymentMode = 0 | 1 | 2;

export interface TaxLine {
  readonly code: "DD" | "RS" | "PC" | "PCS" | "TVA" | "GAR";
  readonly base: number;
  /** A percentage, as written in Duty_tax_rate. */
  readonly rate: number;
  readonly amount: number;
  readonly mp: PaymentMode;
}

/** Statistical fee (RS) 1 %, §4 [S112]. */
export const RS_RATE = 1;
/** ECOWAS community levy (PC) 0.5 % of CIF, §4 [S110]. */
export const PC_RATE = 0.5;
/** UEMOA solidarity levy (PCS) 0.8 % since 1 Jul 2017, 1 % before, §4 [S111]. */
export const PCS_RATE = 0.8;
export const PCS_RATE_BEFORE = 1;
export const PCS_CHANGE_MS = Date.UTC(2017, 6, 1);
/** VAT 18 % on CIF + duties and levies, §4 [E, UEMOA norm]. */
export const TVA_RATE = 18;
/** RS suspended on IM8 sea transit at Lomé to BF, ML and NE from 19 Feb 2025 (additional code 981), §4 [S112]; paid at Lomé before. */
export const RS_TRANSIT_SUSPENDED_FROM_MS = Date.UTC(2025, 1, 19);
/** TRIE guarantee: 0.25 % of CIF per country crossed, §4 [S114]. */
export const GUARANTEE_RATE_PER_COUNTRY = 0.25;

const amountOf = (base: number, rate: number) => Math.round((base * rate) / 100);

function line(code: TaxLine["code"], base: number, rate: number, mp: PaymentMode): TaxLine {
  return { code, base, rate, amount: amountOf(base, rate), mp };
}

/** What decides an item's taxes besides its value. */
export interface Taxable {
  readonly cetBand: CetBand;
  readonly vatExempt?: boolean;
}

/** DD by CET band, RS, PC, PCS on the CIF, TVA (unless exempt) on CIF plus all of them, all with one payment mode. */
function importLines(cif: number, goods: Taxable, at: number, mp: PaymentMode, rsMode: PaymentMode): TaxLine[] {
  const dd = line("DD", cif, goods.cetBand, mp);
  const rs = line("RS", cif, RS_RATE, rsMode);
  const pcs = line("PCS", cif, at < PCS_CHANGE_MS ? PCS_RATE_BEFORE : PCS_RATE, mp);
  const pc = line("PC", cif, PC_RATE, mp);
  if (goods.vatExempt === true) return [dd, rs, pcs, pc];
  const tva = line("TVA", cif + dd.amount + rs.amount + pcs.amount + pc.amount, TVA_RATE, mp);
  return [dd, rs, pcs, pc, tva];
}

/** Home use (IM4, at Lomé or at a destination office): everything paid. */
export function homeUseLines(cif: number, goods: Taxable, registeredAt: number): TaxLine[] {
  return importLines(cif, goods, registeredAt, 1, 1);
}

/** True when an IM8 registered at `at` pays its statistical fee at Lomé. */
export function transitPaysRs(at: number): boolean {
  return at < RS_TRANSIT_SUSPENDED_FROM_MS;
}

/**
 * Transit (IM8): duties suspended (MP 0) except the statistical fee paid at
 * Lomé until its suspension, plus the guarantee line (MP 2): 0.25 % of CIF
 * for each country of the route.
 */
export function transitLines(cif: number, goods: Taxable, registeredAt: number, countriesCrossed: number): TaxLine[] {
  const lines = importLines(cif, goods, registeredAt, 0, transitPaysRs(registeredAt) ? 1 : 0);
  lines.push(line("GAR", cif, GUARANTEE_RATE_PER_COUNTRY * countriesCrossed, 2));
  return lines;
}

/** Export (EX1): the statistical fee, paid. */
export function exportLines(cif: number): TaxLine[] {
  return [line("RS", cif, RS_RATE, 1)];
}

/** The guarantee of a declaration: its GAR lines. */
export function guaranteeOf(lines: readonly TaxLine[]): number {
  let total = 0;
  for (const l of lines) if (l.code === "GAR") total += l.amount;
  return total;
}
