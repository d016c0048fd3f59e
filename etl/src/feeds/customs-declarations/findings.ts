import type { ReasonCode } from "../../core/reasons.js";

/**
 * The problems found in one declaration, of which the first in the contract's
 * check order is reported: MALFORMED, then MISSING_FIELD, then BAD_DATE and
 * BAD_NUMBER, then UNKNOWN_OFFICE and UNKNOWN_ROUTE, then NEGATIVE_QUANTITY.
 * Within a rank, the first found (in document order) wins.
 */
const RANK: Readonly<Partial<Record<ReasonCode, number>>> = {
  MALFORMED: 0,
  MISSING_FIELD: 1,
  BAD_DATE: 2,
  BAD_NUMBER: 2,
  UNKNOWN_OFFICE: 3,
  UNKNOWN_ROUTE: 3,
  NEGATIVE_QUANTITY: 4,
};

export interface Finding {
  readonly reason: ReasonCode;
  readonly detail: string;
}

export class Findings {
  private first: (Finding & { readonly rank: number }) | null = null;
  private faults = 0;

  /** A value that could not be read: no row can be built from the declaration. */
  fault(reason: ReasonCode, detail: string): void {
    this.faults++;
    this.note(reason, detail);
  }

  /** A value read in full but refused by a check (an unknown code, a negative amount): the row still exists, as the candidate. */
  refuse(reason: ReasonCode, detail: string): void {
    this.note(reason, detail);
  }

  get reported(): Finding | null {
    return this.first;
  }

  /** True when every value was read, so the row can be built. */
  get rowReadable(): boolean {
    return this.faults === 0;
  }

  private note(reason: ReasonCode, detail: string): void {
    const rank = RANK[reason] ?? Number.MAX_SAFE_INTEGER;
    if (this.first === null || rank < this.first.rank) this.first = { reason, detail, rank };
  }
}
