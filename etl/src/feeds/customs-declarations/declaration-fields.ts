import { formatDate, formatUtc, parseDate, parseTime, zonedToUtc, type DateParts } from "../../core/local-time.js";
import { isNegative, parseDecimal } from "../../core/numbers.js";
import type { Outcome, ReferenceData } from "../../core/types.js";
import type { BatchExport } from "./batch-export.js";
import { FIELD, type DeclarationDraft, type FieldPath } from "./declaration-draft.js";
import { Findings } from "./findings.js";
import type { CustomsDeclarationRow } from "./row.js";

/** From a declaration's elements to its row, checked against formats.md §3. */

type Regime = CustomsDeclarationRow["regime"];

/** Type_of_declaration + Declaration_gen_procedure_code. */
const REGIMES: ReadonlyMap<string, Regime> = new Map([
  ["IM+8", "IM8"],
  ["IM+4", "IM4"],
  ["EX+1", "EX1"],
]);

/** Duty_tax_MP: 0 suspended, 1 paid, 2 guaranteed. */
const PAYMENT_MODES: ReadonlyMap<string, number> = new Map([
  ["0", 0],
  ["1", 1],
  ["2", 2],
]);

const quote = (text: string) => JSON.stringify(text);

function fieldText(draft: DeclarationDraft, path: FieldPath): string {
  return draft.fields.get(path)?.trim() ?? "";
}

/** `TGLFW-2024-L-12345`, when office, registration date, serial and number can be read. */
export function declarationKey(draft: DeclarationDraft): string | null {
  const office = fieldText(draft, FIELD.office);
  const serial = fieldText(draft, FIELD.serial);
  const number = fieldText(draft, FIELD.number);
  // The year of the date as written, which is local to the office: a declaration of 31/12 23:30 belongs to that year whatever UTC says.
  const date = parseDate(fieldText(draft, FIELD.registrationDate));
  return office !== "" && serial !== "" && number !== "" && date ? `${office}-${date.year}-${serial}-${number}` : null;
}

function requiredText(findings: Findings, label: string, raw: string | undefined): string {
  const text = raw?.trim() ?? "";
  if (text === "") findings.fault("MISSING_FIELD", `${label} is ${raw === undefined ? "missing" : "empty"}`);
  return text;
}

/** A canonical decimal, or null when absent and optional. */
function readDecimal(findings: Findings, label: string, raw: string | undefined, required: boolean): string | null {
  const text = raw?.trim() ?? "";
  if (text === "") {
    if (required) findings.fault("MISSING_FIELD", `${label} is ${raw === undefined ? "missing" : "empty"}`);
    return null;
  }
  const value = parseDecimal(text, "point");
  if (value === null) {
    findings.fault("BAD_NUMBER", `${label} ${quote(text)} is not a decimal number (digits, "." as the decimal mark)`);
    return null;
  }
  if (isNegative(value)) findings.refuse("NEGATIVE_QUANTITY", `${label} ${quote(text)} is negative`);
  return value;
}

interface Moment {
  readonly date: DateParts;
  /** UTC `YYYY-MM-DD HH:MM:SS`; null when the office, and so the zone, is unknown. */
  readonly utc: string | null;
}

/** A Date + Time pair local to the office. Optional pairs may be empty together, never one without the other. */
function readMoment(findings: Findings, draft: DeclarationDraft, datePath: FieldPath, timePath: FieldPath, zone: string | null, required: boolean): Moment | null {
  const dateText = fieldText(draft, datePath);
  const timeText = fieldText(draft, timePath);
  if (required) {
    if (dateText === "") findings.fault("MISSING_FIELD", `${datePath} is ${draft.fields.has(datePath) ? "empty" : "missing"}`);
    if (timeText === "") findings.fault("MISSING_FIELD", `${timePath} is ${draft.fields.has(timePath) ? "empty" : "missing"}`);
    if (dateText === "" || timeText === "") return null;
  } else if (dateText === "" || timeText === "") {
    if (dateText !== "") findings.fault("BAD_DATE", `${datePath} ${quote(dateText)} has no ${timePath}`);
    if (timeText !== "") findings.fault("BAD_DATE", `${timePath} ${quote(timeText)} has no ${datePath}`);
    return null;
  }
  const date = parseDate(dateText);
  if (!date) findings.fault("BAD_DATE", `${datePath} ${quote(dateText)} is not a date (YYYY-MM-DD or DD/MM/YYYY)`);
  const time = parseTime(timeText);
  if (!time) findings.fault("BAD_DATE", `${timePath} ${quote(timeText)} is not a time (HH:MM or HH:MM:SS)`);
  if (!date || !time) return null;
  return { date, utc: zone === null ? null : formatUtc(zonedToUtc(date, time, zone)) };
}

interface ContainerValues {
  readonly identity: string;
  readonly sizeType: string;
  readonly fullEmpty: string;
  readonly grossKg: string | null;
}

interface TaxValues {
  readonly item: number;
  readonly code: string;
  readonly base: string | null;
  readonly rate: string | null;
  readonly amount: string | null;
  readonly mp: number | null;
}

interface ItemValues {
  readonly hsCode: string;
  readonly origin: string;
  readonly description: string;
  readonly grossKg: string | null;
  readonly netKg: string | null;
  readonly cifXof: string | null;
}

function readContainers(findings: Findings, draft: DeclarationDraft): ContainerValues[] {
  return draft.containers.map((container, i) => {
    const label = `Container[${i + 1}]`;
    return {
      identity: requiredText(findings, `${label}/Container_identity`, container.identity),
      sizeType: container.sizeType?.trim() ?? "",
      fullEmpty: container.fullEmpty?.trim() ?? "",
      grossKg: readDecimal(findings, `${label}/Gross_weight`, container.grossKg, false),
    };
  });
}

function readItems(findings: Findings, draft: DeclarationDraft, reference: ReferenceData): { items: ItemValues[]; taxes: TaxValues[] } {
  if (draft.items.length === 0) findings.fault("MISSING_FIELD", "Item is missing: a declaration has at least one");
  const taxes: TaxValues[] = [];
  const items = draft.items.map((item, i): ItemValues => {
    const label = `Item[${i + 1}]`;
    const commodityCode = requiredText(findings, `${label}/Tarification/HScode/Commodity_code`, item.commodityCode);
    const precision1 = requiredText(findings, `${label}/Tarification/HScode/Precision_1`, item.precision1);
    let hsCode = "";
    if (commodityCode !== "" && !/^\d{8}$/u.test(commodityCode)) {
      findings.fault("BAD_NUMBER", `${label}/Tarification/HScode/Commodity_code ${quote(commodityCode)} is not 8 digits`);
    } else if (precision1 !== "" && !/^\d{2}$/u.test(precision1)) {
      findings.fault("BAD_NUMBER", `${label}/Tarification/HScode/Precision_1 ${quote(precision1)} is not 2 digits`);
    } else {
      hsCode = commodityCode + precision1;
    }
    const values: ItemValues = {
      hsCode,
      origin: item.origin?.trim() ?? "",
      description: item.description?.trim() ?? "",
      grossKg: readDecimal(findings, `${label}/Valuation_item/Weight_itm/Gross_weight_itm`, item.grossKg, true),
      netKg: readDecimal(findings, `${label}/Valuation_item/Weight_itm/Net_weight_itm`, item.netKg, true),
      cifXof: readDecimal(findings, `${label}/Valuation_item/Total_CIF_itm`, item.cifXof, true),
    };
    item.taxLines.forEach((line, j) => {
      const lineLabel = `${label}/Taxation/Taxation_line[${j + 1}]`;
      const code = requiredText(findings, `${lineLabel}/Duty_tax_code`, line.code);
      if (code !== "" && !reference.taxCodes.has(code)) {
        findings.refuse("MALFORMED", `${lineLabel}/Duty_tax_code ${quote(code)} is not a known tax code (${[...reference.taxCodes].join(", ")})`);
      }
      const base = readDecimal(findings, `${lineLabel}/Duty_tax_Base`, line.base, true);
      const rate = readDecimal(findings, `${lineLabel}/Duty_tax_rate`, line.rate, true);
      const amount = readDecimal(findings, `${lineLabel}/Duty_tax_amount`, line.amount, true);
      const mpText = requiredText(findings, `${lineLabel}/Duty_tax_MP`, line.mp);
      const mp = PAYMENT_MODES.get(mpText) ?? null;
      if (mpText !== "" && mp === null) findings.fault("MALFORMED", `${lineLabel}/Duty_tax_MP ${quote(mpText)} is not 0 (suspended), 1 (paid) or 2 (guaranteed)`);
      taxes.push({ item: i + 1, code, base, rate, amount, mp });
    });
    return values;
  });
  return { items, taxes };
}

export interface ReadDeclaration {
  readonly key: string | null;
  readonly outcome: Outcome<CustomsDeclarationRow>;
}

/** Checks a declaration and builds its row; the first problem in the contract's check order is reported. */
export function readDeclaration(draft: DeclarationDraft, batch: BatchExport, reference: ReferenceData): ReadDeclaration {
  const findings = new Findings();
  const field = (path: FieldPath) => fieldText(draft, path);
  if (batch.problem) findings.fault(batch.problem.reason, batch.problem.detail);

  const officeCode = requiredText(findings, FIELD.office, draft.fields.get(FIELD.office));
  const type = requiredText(findings, FIELD.type, draft.fields.get(FIELD.type));
  const procedure = requiredText(findings, FIELD.procedure, draft.fields.get(FIELD.procedure));
  const regime = REGIMES.get(`${type}+${procedure}`) ?? null;
  if (type !== "" && procedure !== "" && regime === null) {
    findings.fault("MALFORMED", `${FIELD.type} ${quote(type)} with ${FIELD.procedure} ${quote(procedure)} is not a known regime (IM 8, IM 4 or EX 1)`);
  }
  const serial = requiredText(findings, FIELD.serial, draft.fields.get(FIELD.serial));
  const number = requiredText(findings, FIELD.number, draft.fields.get(FIELD.number));
  const office = officeCode === "" ? undefined : reference.offices.get(officeCode);
  // Without the office there is no zone to read its times in, hence a fault rather than a refusal.
  if (officeCode !== "" && !office) findings.fault("UNKNOWN_OFFICE", `${FIELD.office} ${quote(officeCode)} is not in the office list`);
  const zone = office?.timezone ?? null;

  const registration = readMoment(findings, draft, FIELD.registrationDate, FIELD.registrationTime, zone, true);
  const receipt = readMoment(findings, draft, FIELD.receiptDate, FIELD.receiptTime, zone, false);
  const release = readMoment(findings, draft, FIELD.releaseDate, FIELD.releaseTime, zone, false);

  const destinationOffice = field(FIELD.destinationOffice);
  if (destinationOffice !== "" && !reference.offices.has(destinationOffice)) {
    findings.refuse("UNKNOWN_OFFICE", `${FIELD.destinationOffice} ${quote(destinationOffice)} is not in the office list`);
  }
  const route = field(FIELD.route);
  if (route !== "" && !reference.routes.has(route)) findings.refuse("UNKNOWN_ROUTE", `${FIELD.route} ${quote(route)} is not in the route list`);
  const timeLimitText = field(FIELD.timeLimit);
  const timeLimit = timeLimitText === "" ? null : parseDate(timeLimitText);
  if (timeLimitText !== "" && !timeLimit) findings.fault("BAD_DATE", `${FIELD.timeLimit} ${quote(timeLimitText)} is not a date (YYYY-MM-DD or DD/MM/YYYY)`);
  const guaranteeAmount = readDecimal(findings, FIELD.guaranteeAmount, draft.fields.get(FIELD.guaranteeAmount), false);

  const containers = readContainers(findings, draft);
  const { items, taxes } = readItems(findings, draft, reference);

  const key = declarationKey(draft);
  const registeredAt = registration?.utc ?? null;
  const row: CustomsDeclarationRow | null =
    findings.rowReadable && key !== null && office && regime !== null && registration && registeredAt !== null
      ? {
          declaration_id: key,
          office: officeCode,
          reg_year: registration.date.year,
          serial,
          number,
          office_country: office.country,
          regime,
          cancelled: field(FIELD.status).toUpperCase() === "CANCELLED" ? 1 : 0,
          registered_at: registeredAt,
          receipt_number: field(FIELD.receiptNumber),
          receipt_at: receipt?.utc ?? null,
          released_at: release?.utc ?? null,
          // Where the code and the destination office's country disagree, the code wins (formats.md §3).
          destination_country: regime === "IM4" ? "" : field(FIELD.destinationCountry),
          destination_office: destinationOffice,
          route,
          transit_time_limit: timeLimit ? formatDate(timeLimit) : null,
          guarantee_reference: field(FIELD.guaranteeReference),
          guarantee_amount: guaranteeAmount,
          previous_document: field(FIELD.previousDocument),
          consignee_code: field(FIELD.consigneeCode),
          consignee_name: field(FIELD.consigneeName),
          "containers.identity": containers.map((c) => c.identity),
          "containers.size_type": containers.map((c) => c.sizeType),
          "containers.full_empty": containers.map((c) => c.fullEmpty),
          "containers.gross_kg": containers.map((c) => c.grossKg),
          // Required values: the row only exists when every one of them was read, so `?? ""` never applies.
          "items.hs_code": items.map((item) => item.hsCode),
          "items.origin": items.map((item) => item.origin),
          "items.description": items.map((item) => item.description),
          "items.gross_kg": items.map((item) => item.grossKg ?? ""),
          "items.net_kg": items.map((item) => item.netKg ?? ""),
          "items.cif_xof": items.map((item) => item.cifXof ?? ""),
          "taxes.item": taxes.map((tax) => tax.item),
          "taxes.code": taxes.map((tax) => tax.code),
          "taxes.base": taxes.map((tax) => tax.base ?? ""),
          "taxes.rate": taxes.map((tax) => tax.rate ?? ""),
          "taxes.amount": taxes.map((tax) => tax.amount ?? ""),
          "taxes.mp": taxes.map((tax) => tax.mp ?? 0),
          exported_at: batch.exportedAt,
        }
      : null;

  const reported = findings.reported;
  if (reported === null && row !== null) return { key, outcome: { ok: true, row } };
  return {
    key,
    outcome: {
      ok: false,
      reason: reported?.reason ?? "MALFORMED",
      detail: reported?.detail ?? "the declaration could not be read",
      ...(row !== null ? { candidate: row } : {}),
    },
  };
}
