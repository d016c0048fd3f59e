/**
 * customs-declarations (formats.md §3): ASYCUDA-style XML batches. Togo's
 * administration exports weekly, in UTF-8 with ISO dates; Burkina Faso, Mali
 * and Niger monthly, in ISO-8859-1 with DD/MM/YYYY dates. A declaration is in
 * the batch of its registration and again in the batch of each later change
 * (receipt, release, cancellation), with its state at that export: the later
 * `exported_at` replaces the earlier copy (TG batches 1 and 2 in the samples).
 */
import { frDate, hhmm, hhmmss, isoDate, isoUtc, offsetOf, wall } from "./calendar.js";
import { officeOf, type Corridors } from "./corridors.js";
import { fileStamp, gzipTogoCustoms, monthlyCustomsWindow, weeklyCustomsWindow, type Window } from "./deliveries.js";
import type { Sequences } from "./identifiers.js";
import { Planter, PLANT_RATE } from "./planting.js";
import type { Random } from "./random.js";
import type { FileSink, SinkRegistry } from "./sinks.js";
import type { TaxLine } from "./tariffs.js";

export interface DeclarationItem {
  readonly hs: string;
  readonly origin: string;
  readonly description: string;
  readonly grossKg: number;
  readonly netKg: number;
  readonly cif: number;
  readonly taxes: readonly TaxLine[];
}

export interface DeclarationContainer {
  readonly id: string;
  readonly sizeType: string;
  readonly grossKg: number;
}

export interface TransitSection {
  readonly destinationOffice: string;
  readonly route: string;
  readonly timeLimit: number;
  readonly guaranteeReference: string;
  readonly guaranteeAmount: number;
}

export interface Declaration {
  readonly office: string;
  readonly regime: "IM8" | "IM4" | "EX1";
  readonly serial: string;
  readonly number: number;
  readonly registeredAt: number;
  readonly receipt: { readonly number: string; readonly at: number } | null;
  readonly releasedAt: number | null;
  readonly cancelledAt: number | null;
  readonly destinationCountry: string;
  readonly transit: TransitSection | null;
  readonly previousDocument: string;
  readonly consignee: { readonly code: string; readonly name: string };
  readonly containers: readonly DeclarationContainer[];
  readonly items: readonly DeclarationItem[];
}

type DeclarationCode = "UNKNOWN_ROUTE" | "UNKNOWN_OFFICE" | "BAD_DATE" | "BAD_NUMBER" | "MISSING_FIELD" | "NEGATIVE_QUANTITY";
const CODES: readonly DeclarationCode[] = ["UNKNOWN_ROUTE", "UNKNOWN_OFFICE", "BAD_DATE", "BAD_NUMBER", "MISSING_FIELD", "NEGATIVE_QUANTITY"];

const TYPE: Readonly<Record<Declaration["regime"], readonly [string, string]>> = { IM8: ["IM", "8"], IM4: ["IM", "4"], EX1: ["EX", "1"] };

/** How an administration writes dates and times. */
interface Style {
  readonly date: (ms: number, offset: number) => string;
  readonly time: (ms: number, offset: number) => string;
}
const TOGO_STYLE: Style = { date: (ms, o) => isoDate(wall(ms, o)), time: (ms, o) => hhmmss(wall(ms, o)) };
const SAHEL_STYLE: Style = { date: (ms, o) => frDate(wall(ms, o)), time: (ms, o) => hhmm(wall(ms, o)) };

/** Values a planted declaration writes instead of the real ones. */
interface Defects {
  office?: string;
  destinationOffice?: string;
  route?: string;
  registrationDate?: string;
  itemGross?: string;
  itemNet?: string;
  itemCif?: string;
}

const escapeXml = (text: string) => text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;");

export class CustomsDeclarationsWriter {
  readonly #planter: Planter<DeclarationCode>;

  constructor(
    private readonly sinks: SinkRegistry,
    rng: Random,
    private readonly corridors: Corridors,
    private readonly sequences: Sequences,
    private readonly cutoff: number,
  ) {
    this.#planter = new Planter(rng.fork("plant"), PLANT_RATE, CODES);
  }

  /** The next registration number of an office, year (of the local date) and serial. */
  number(office: string, registeredAt: number, serial: string): number {
    return this.sequences.next(`declaration:${office}:${this.localYear(office, registeredAt)}:${serial}`, 1_000, 40_000);
  }

  localYear(office: string, ms: number): number {
    return wall(ms, offsetOf(officeOf(this.corridors, office).timezone, ms)).year;
  }

  /** The declaration's key, as formats.md writes it: office-year-serial-number. */
  key(d: Pick<Declaration, "office" | "registeredAt" | "serial" | "number">): string {
    return `${d.office}-${this.localYear(d.office, d.registeredAt)}-${d.serial}-${d.number}`;
  }

  /** Writes every copy of a declaration known by the cutoff, each in the batch of the change it reports. */
  write(d: Declaration): void {
    if (d.registeredAt > this.cutoff) return;
    const changes = [d.registeredAt, d.receipt?.at ?? null, d.releasedAt, d.cancelledAt].filter((t): t is number => t !== null && t <= this.cutoff).sort((a, b) => a - b);
    let previous: string | null = null;
    for (const at of changes) {
      const window = this.#window(d.office, at);
      if (window.label === previous) continue;
      previous = window.label;
      const asOf = Math.min(window.end, this.cutoff + 1);
      const sink = this.#sink(d.office, window);
      sink.write(this.#xml(d, asOf, {}));
      sink.count();
      if (at === d.registeredAt) this.#maybePlant(sink, d, asOf);
    }
  }

  #window(office: string, at: number): Window {
    return officeOf(this.corridors, office).country === "TG" ? weeklyCustomsWindow(at) : monthlyCustomsWindow(at);
  }

  #sink(office: string, window: Window): FileSink {
    const country = officeOf(this.corridors, office).country;
    const togo = country === "TG";
    const gzip = togo && gzipTogoCustoms(window);
    return this.sinks.get(`customs-declarations|${country}|${window.label}`, () => ({
      name: `${fileStamp(window)}_${country}_customs_${window.label}.xml${gzip ? ".gz" : ""}`,
      feed: "customs-declarations",
      encoding: togo ? "utf8" : "latin1",
      bom: false,
      gzip,
      closesAt: window.end,
      header: `<?xml version="1.0" encoding="${togo ? "UTF-8" : "ISO-8859-1"}"?>\n<ASYCUDA_BATCH exported_at="${isoUtc(window.deliveredAt)}">\n`,
      footer: () => "</ASYCUDA_BATCH>\n",
    }));
  }

  /** A copy of `d` as it stands just before `asOf`. */
  #xml(d: Declaration, asOf: number, defects: Defects): string {
    const office = officeOf(this.corridors, d.office);
    const style = office.country === "TG" ? TOGO_STYLE : SAHEL_STYLE;
    const local = (ms: number) => offsetOf(office.timezone, ms);
    const date = (ms: number) => style.date(ms, local(ms));
    const time = (ms: number) => style.time(ms, local(ms));
    const receipt = d.receipt !== null && d.receipt.at < asOf ? d.receipt : null;
    const released = d.releasedAt !== null && d.releasedAt < asOf ? d.releasedAt : null;
    const cancelled = d.cancelledAt !== null && d.cancelledAt < asOf;
    const [type, procedure] = TYPE[d.regime];
    const out: string[] = [];
    out.push("  <ASYCUDA>\n    <Identification>\n");
    out.push(`      <Office_segment><Customs_clearance_office_code>${defects.office ?? d.office}</Customs_clearance_office_code></Office_segment>\n`);
    out.push(`      <Type><Type_of_declaration>${type}</Type_of_declaration><Declaration_gen_procedure_code>${procedure}</Declaration_gen_procedure_code></Type>\n`);
    out.push(`      <Registration><Serial_number>${d.serial}</Serial_number><Number>${d.number}</Number><Date>${defects.registrationDate ?? date(d.registeredAt)}</Date><Time>${time(d.registeredAt)}</Time></Registration>\n`);
    out.push(receipt ? `      <Receipt><Number>${receipt.number}</Number><Date>${date(receipt.at)}</Date><Time>${time(receipt.at)}</Time></Receipt>\n` : "      <Receipt><Number /><Date /><Time /></Receipt>\n");
    out.push(released !== null ? `      <Release><Date>${date(released)}</Date><Time>${time(released)}</Time></Release>\n` : "      <Release><Date /><Time /></Release>\n");
    if (cancelled) out.push("      <Status>CANCELLED</Status>\n");
    out.push("    </Identification>\n");
    out.push(`    <Traders><Consignee><Code>${d.consignee.code}</Code><Name>${escapeXml(d.consignee.name)}</Name></Consignee></Traders>\n`);
    if (d.destinationCountry !== "") out.push(`    <General_information><Country><Destination><Destination_country_code>${d.destinationCountry}</Destination_country_code></Destination></Country></General_information>\n`);
    if (d.transit) {
      const t = d.transit;
      out.push(
        `    <Transit><Destination_office>${defects.destinationOffice ?? t.destinationOffice}</Destination_office><Route>${defects.route ?? t.route}</Route><Time_limit>${date(t.timeLimit)}</Time_limit><Guarantee><Reference>${t.guaranteeReference}</Reference><Amount>${t.guaranteeAmount}</Amount></Guarantee></Transit>\n`,
      );
    }
    if (d.previousDocument !== "") out.push(`    <Previous_document><Reference>${d.previousDocument}</Reference></Previous_document>\n`);
    for (const c of d.containers) {
      out.push(`    <Container><Container_identity>${c.id}</Container_identity><Container_type>${c.sizeType}</Container_type><Empty_full_indicator>F</Empty_full_indicator><Gross_weight>${c.grossKg}</Gross_weight></Container>\n`);
    }
    d.items.forEach((item, i) => {
      const first = i === 0;
      out.push("    <Item>\n");
      out.push(`      <Tarification><HScode><Commodity_code>${item.hs.slice(0, 8)}</Commodity_code><Precision_1>${item.hs.slice(8, 10)}</Precision_1></HScode></Tarification>\n`);
      out.push(`      <Goods_description><Country_of_origin_code>${item.origin}</Country_of_origin_code><Description_of_goods>${escapeXml(item.description)}</Description_of_goods></Goods_description>\n`);
      const gross = first && defects.itemGross !== undefined ? defects.itemGross : String(item.grossKg);
      const net = first && defects.itemNet !== undefined ? defects.itemNet : String(item.netKg);
      const cif = first && defects.itemCif !== undefined ? defects.itemCif : String(item.cif);
      out.push(`      <Valuation_item><Weight_itm><Gross_weight_itm>${gross}</Gross_weight_itm><Net_weight_itm>${net}</Net_weight_itm></Weight_itm><Total_CIF_itm>${cif}</Total_CIF_itm></Valuation_item>\n`);
      if (item.taxes.length > 0) {
        out.push("      <Taxation>\n");
        for (const tax of item.taxes) {
          out.push(
            `        <Taxation_line><Duty_tax_code>${tax.code}</Duty_tax_code><Duty_tax_Base>${tax.base}</Duty_tax_Base><Duty_tax_rate>${tax.rate}</Duty_tax_rate><Duty_tax_amount>${tax.amount}</Duty_tax_amount><Duty_tax_MP>${tax.mp}</Duty_tax_MP></Taxation_line>\n`,
          );
        }
        out.push("      </Taxation>\n");
      }
      out.push("    </Item>\n");
    });
    out.push("  </ASYCUDA>\n");
    return out.join("");
  }

  /** After a new declaration, now and then a bad one in the same batch: a number of its own and one defect. */
  #maybePlant(sink: FileSink, d: Declaration, asOf: number): void {
    const code = this.#planter.draw();
    if (code === null) return;
    const number = this.number(d.office, d.registeredAt, d.serial);
    const planted: Declaration = { ...d, number, previousDocument: "", cancelledAt: null };
    const defects: Defects = {};
    const item = d.items[0];
    switch (code) {
      case "UNKNOWN_ROUTE":
        if (d.transit) defects.route = `${d.transit.route.slice(0, 6)}KAY`;
        else defects.office = `${d.office.slice(0, 2)}ZZZ`;
        break;
      case "UNKNOWN_OFFICE":
        if (d.transit) defects.destinationOffice = `${d.transit.destinationOffice.slice(0, 2)}DRI`;
        else defects.office = `${d.office.slice(0, 2)}ZZZ`;
        break;
      case "BAD_DATE": {
        const style = officeOf(this.corridors, d.office).country === "TG" ? "iso" : "fr";
        const year = this.localYear(d.office, d.registeredAt);
        defects.registrationDate = style === "iso" ? `${year}-02-30` : `30/02/${year}`;
        break;
      }
      case "BAD_NUMBER":
        defects.itemGross = String(item?.grossKg ?? 0).replace(/(\d)(\d{3})$/u, "$1 $2") + (String(item?.grossKg ?? 0).length <= 3 ? " kg" : "");
        break;
      case "MISSING_FIELD":
        defects.itemCif = "";
        break;
      case "NEGATIVE_QUANTITY":
        defects.itemNet = `-${Math.max(item?.netKg ?? 0, 1000)}`;
        break;
    }
    // An unknown office where there is no transit section says UNKNOWN_OFFICE, whatever code was drawn.
    const reason = code === "UNKNOWN_ROUTE" && !d.transit ? "UNKNOWN_OFFICE" : code;
    sink.write(this.#xml(planted, asOf, defects));
    sink.count();
    sink.plant(reason);
  }
}
