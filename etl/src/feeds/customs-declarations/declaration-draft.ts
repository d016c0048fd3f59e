import type { RecordCollector } from "./xml-records.js";

/**
 * The elements of one `ASYCUDA` declaration that formats.md names, as written
 * (untrimmed text). An element that is absent is `undefined`; an empty element
 * (`<Date />`) is "". Everything else in the declaration is ignored.
 */

/** Paths of the elements that occur once, relative to `ASYCUDA`. */
export const FIELD = {
  office: "Identification/Office_segment/Customs_clearance_office_code",
  type: "Identification/Type/Type_of_declaration",
  procedure: "Identification/Type/Declaration_gen_procedure_code",
  serial: "Identification/Registration/Serial_number",
  number: "Identification/Registration/Number",
  registrationDate: "Identification/Registration/Date",
  registrationTime: "Identification/Registration/Time",
  receiptNumber: "Identification/Receipt/Number",
  receiptDate: "Identification/Receipt/Date",
  receiptTime: "Identification/Receipt/Time",
  releaseDate: "Identification/Release/Date",
  releaseTime: "Identification/Release/Time",
  status: "Identification/Status",
  destinationCountry: "General_information/Country/Destination/Destination_country_code",
  destinationOffice: "Transit/Destination_office",
  route: "Transit/Route",
  timeLimit: "Transit/Time_limit",
  guaranteeReference: "Transit/Guarantee/Reference",
  guaranteeAmount: "Transit/Guarantee/Amount",
  previousDocument: "Previous_document/Reference",
  consigneeCode: "Traders/Consignee/Code",
  consigneeName: "Traders/Consignee/Name",
} as const;

export type FieldPath = (typeof FIELD)[keyof typeof FIELD];

export interface ContainerDraft {
  identity?: string;
  sizeType?: string;
  fullEmpty?: string;
  grossKg?: string;
}

export interface TaxLineDraft {
  code?: string;
  base?: string;
  rate?: string;
  amount?: string;
  mp?: string;
}

export interface ItemDraft {
  commodityCode?: string;
  precision1?: string;
  origin?: string;
  description?: string;
  grossKg?: string;
  netKg?: string;
  cifXof?: string;
  readonly taxLines: TaxLineDraft[];
}

export interface DeclarationDraft {
  readonly fields: ReadonlyMap<string, string>;
  readonly containers: readonly ContainerDraft[];
  readonly items: readonly ItemDraft[];
}

const SINGLE_FIELDS: ReadonlySet<string> = new Set(Object.values(FIELD));

const CONTAINER_FIELDS: ReadonlyMap<string, keyof ContainerDraft> = new Map([
  ["Container/Container_identity", "identity"],
  ["Container/Container_type", "sizeType"],
  ["Container/Empty_full_indicator", "fullEmpty"],
  ["Container/Gross_weight", "grossKg"],
]);

const ITEM_FIELDS: ReadonlyMap<string, Exclude<keyof ItemDraft, "taxLines">> = new Map([
  ["Item/Tarification/HScode/Commodity_code", "commodityCode"],
  ["Item/Tarification/HScode/Precision_1", "precision1"],
  ["Item/Goods_description/Country_of_origin_code", "origin"],
  ["Item/Goods_description/Description_of_goods", "description"],
  ["Item/Valuation_item/Weight_itm/Gross_weight_itm", "grossKg"],
  ["Item/Valuation_item/Weight_itm/Net_weight_itm", "netKg"],
  ["Item/Valuation_item/Total_CIF_itm", "cifXof"],
]);

const TAX_LINE = "Item/Taxation/Taxation_line";

const TAX_LINE_FIELDS: ReadonlyMap<string, keyof TaxLineDraft> = new Map([
  [`${TAX_LINE}/Duty_tax_code`, "code"],
  [`${TAX_LINE}/Duty_tax_Base`, "base"],
  [`${TAX_LINE}/Duty_tax_rate`, "rate"],
  [`${TAX_LINE}/Duty_tax_amount`, "amount"],
  [`${TAX_LINE}/Duty_tax_MP`, "mp"],
]);

const CAPTURED: ReadonlySet<string> = new Set([...SINGLE_FIELDS, ...CONTAINER_FIELDS.keys(), ...ITEM_FIELDS.keys(), ...TAX_LINE_FIELDS.keys()]);

/** Collects a declaration's elements while saxes reads it. A repeated single element keeps its first value. */
export class DeclarationCollector implements RecordCollector<DeclarationDraft> {
  private readonly fields = new Map<string, string>();
  private readonly containers: ContainerDraft[] = [];
  private readonly items: ItemDraft[] = [];

  enter(at: string): boolean {
    if (at === "Container") this.containers.push({});
    else if (at === "Item") this.items.push({ taxLines: [] });
    else if (at === TAX_LINE) this.items.at(-1)?.taxLines.push({});
    return CAPTURED.has(at);
  }

  leave(at: string, text: string): void {
    if (SINGLE_FIELDS.has(at)) {
      if (!this.fields.has(at)) this.fields.set(at, text);
      return;
    }
    const containerField = CONTAINER_FIELDS.get(at);
    const container = this.containers.at(-1);
    if (containerField && container) {
      container[containerField] ??= text;
      return;
    }
    const item = this.items.at(-1);
    if (!item) return;
    const itemField = ITEM_FIELDS.get(at);
    if (itemField) {
      item[itemField] ??= text;
      return;
    }
    const taxField = TAX_LINE_FIELDS.get(at);
    const taxLine = item.taxLines.at(-1);
    if (taxField && taxLine) taxLine[taxField] ??= text;
  }

  result(): DeclarationDraft {
    return { fields: this.fields, containers: this.containers, items: this.items };
  }
}
