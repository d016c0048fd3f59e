/**
 * Token buckets, one per caller (API key, user, or address when anonymous):
 * `perMinute` requests a minute on average, up to `burst` at once. In memory:
 * the one server process sees every request (docs/architecture.md).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token; when none is left, how many seconds until one is. */
  take(caller: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const now = this.now();
    const rate = this.perMinute / 60_000;
    const bucket = this.buckets.get(caller) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    if (this.buckets.size > 50_000) this.forgetFull(now);
    this.buckets.set(caller, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / rate / 1000)) };
  }

  /** Buckets that have refilled are the same as no bucket: dropping them bounds the memory a flood of addresses can take. */
  private forgetFull(now: number): void {
    const rate = this.perMinute / 60_000;
    for (const [caller, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * rate >= this.burst) this.buckets.delete(caller);
    }
  }
}
