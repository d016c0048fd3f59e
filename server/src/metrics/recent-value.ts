/**
 * A value read again only once it is older than `ttlMs`, or forgotten. Readers at the same moment share
 * one read; a failed read is not kept. Used for what every answer carries but seldom changes (labels,
 * freshness): on the embedded engine each statement waits its turn, so not asking saves the most.
 */
export class RecentValue<T> {
  private held: { until: number; value: Promise<T> } | null = null;

  constructor(
    private readonly read: () => Promise<T>,
    private readonly ttlMs: number,
  ) {}

  get(): Promise<T> {
    const now = Date.now();
    if (this.held && this.held.until > now) return this.held.value;
    const held = { until: now + this.ttlMs, value: this.read() };
    this.held = held;
    held.value.catch(() => {
      if (this.held === held) this.held = null;
    });
    return held.value;
  }

  forget(): void {
    this.held = null;
  }
}
