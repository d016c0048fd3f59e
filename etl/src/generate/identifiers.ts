/**
 * Numbers that identify things in the feeds: container numbers with a valid
 * ISO 6346 check digit, IMO numbers, truck plates, bills of lading, seals,
 * and per-year sequences (calls, declarations, invoices, movements).
 */
import { iso6346CheckDigit, validImo } from "../core/check-digits.js";
import type { Random } from "./random.js";

/** Owner codes (BIC prefixes) of the lines and lessors calling at Lomé. */
const OWNER_PREFIXES = [
  "MSCU", "MEDU", "MSMU", "MSKU", "MRKU", "MAEU", "CMAU", "CGMU", "TGHU", "TCLU", "CSNU", "CCLU", "OOLU", "HLXU", "HLBU", "SEGU",
  "TRHU", "BMOU", "GESU", "CAIU", "TEMU", "FCIU", "ONEU", "EGHU", "ECMU", "APZU", "BEAU", "TLLU", "UACU", "NYKU", "SUDU", "WHLU",
];
const SERIALS = 1_000_000;
/** Odd and not a multiple of 5, so coprime with prefixes × serials (2^a·5^b): i → i·M + offset visits every number once. */
const STRIDE = 7_919_113;

/**
 * Container numbers, each used once in a run (a reused number would pair a
 * gate-out with another box's discharge): a counter mapped by a bijection
 * onto (owner prefix, six-digit serial), so consecutive boxes look unrelated.
 */
export class ContainerNumbers {
  #next = 0;
  readonly #prefixes: string[];
  readonly #offset: number;
  readonly #space: number;

  constructor(rng: Random) {
    this.#prefixes = rng.shuffle([...OWNER_PREFIXES]);
    this.#space = this.#prefixes.length * SERIALS;
    this.#offset = rng.int(this.#space);
  }

  next(): string {
    const i = this.#next++;
    if (i >= this.#space) throw new Error("container numbers exhausted");
    const n = (i * STRIDE + this.#offset) % this.#space;
    const prefix = this.#prefixes[n % this.#prefixes.length] as string;
    const serial = String(Math.floor(n / this.#prefixes.length)).padStart(6, "0");
    return `${prefix}${serial}${iso6346CheckDigit(prefix + serial)}`;
  }
}

/** The same number with a check digit that does not verify. */
export function withWrongCheckDigit(containerNo: string, rng: Random): string {
  const right = Number(containerNo[10]);
  return containerNo.slice(0, 10) + String((right + 1 + rng.int(9)) % 10);
}

/** An IMO number (9xxxxxx for ships of the last decades) whose check digit verifies. */
export function imoNumber(rng: Random): string {
  const first6 = String(9_000_00 + rng.int(1_000_00)).padStart(6, "0");
  for (let digit = 0; digit <= 9; digit++) if (validImo(first6 + digit)) return first6 + digit;
  throw new Error("unreachable: one check digit always verifies");
}

/** The same IMO with a wrong last digit. */
export function withWrongImoDigit(imo: string, rng: Random): string {
  const right = Number(imo[6]);
  return imo.slice(0, 6) + String((right + 1 + rng.int(9)) % 10);
}

const LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
const letters = (rng: Random, n: number) => Array.from({ length: n }, () => LETTERS[rng.int(LETTERS.length)]).join("");
const digits = (rng: Random, n: number) => String(rng.int(10 ** n)).padStart(n, "0");

/** A truck plate in the style of its country (the samples: TG-3390-KA, BF-11-KT-5120, NE-4A-2231, ML-AB-7720-MD). */
export function truckPlate(country: string, rng: Random): string {
  switch (country) {
    case "BF":
      return `BF-${rng.intBetween(11, 12)}-${letters(rng, 2)}-${digits(rng, 4)}`;
    case "NE":
      return `NE-${rng.intBetween(1, 8)}${letters(rng, 1)}-${digits(rng, 4)}`;
    case "ML":
      return `ML-${letters(rng, 2)}-${digits(rng, 4)}-${letters(rng, 2)}`;
    default:
      return `TG-${digits(rng, 4)}-${letters(rng, 2)}`;
  }
}

export function sealNumber(rng: Random): string {
  return `${letters(rng, 1)}${digits(rng, 6)}`;
}

/** Numbers handed out in order within a key (an office and year, an issuer and year…), from a start drawn once per key. */
export class Sequences {
  readonly #next = new Map<string, number>();

  constructor(private readonly rng: Random) {}

  /** The next number of `key`; the first is drawn in [low, high]. */
  next(key: string, low: number, high: number): number {
    const current = this.#next.get(key) ?? this.rng.fork(`sequence:${key}`).intBetween(low, high);
    this.#next.set(key, current + 1);
    return current;
  }
}

/** Two-digit year. */
export const yy = (year: number) => String(year % 100).padStart(2, "0");
