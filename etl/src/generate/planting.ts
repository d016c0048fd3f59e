/**
 * Planted bad records: extra records that break the contract on purpose, so
 * the demo shows the quarantine at work. They are added next to valid ones
 * and nothing else refers to them, so the valid world stays consistent.
 */
import type { ReasonCode } from "../core/reasons.js";
import type { Random } from "./random.js";

/** About 0.2–0.5 % of records are bad (the brief); vessel calls are few, so they get a higher rate to show any at all. */
export const PLANT_RATE = 0.003;
export const PLANT_RATE_VESSEL_CALLS = 0.01;

/** Decides after each valid record whether a bad one follows, cycling through the feed's reason codes so all of them occur. */
export class Planter<C extends ReasonCode> {
  readonly #codes: readonly C[];
  #next = 0;

  constructor(
    private readonly rng: Random,
    private readonly rate: number,
    codes: readonly C[],
  ) {
    this.#codes = rng.shuffle([...codes]);
  }

  /** The reason code of a bad record to plant now, or null. */
  draw(): C | null {
    if (!this.rng.chance(this.rate)) return null;
    const code = this.#codes[this.#next % this.#codes.length] as C;
    this.#next++;
    return code;
  }
}
