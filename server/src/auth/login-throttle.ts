/**
 * Slows password guessing: after `maxFailures` failed sign-ins for the same
 * login from the same address within `windowMs`, further attempts are refused
 * until the window passes. In memory: one process serves the sign-ins.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** Milliseconds to wait before trying again, or 0 when an attempt is allowed now. */
  retryAfter(address: string, login: string): number {
    const recent = this.recent(`${address}|${login}`);
    if (recent.length < this.maxFailures) return 0;
    return (recent[0] as number) + this.windowMs - Date.now();
  }

  fail(address: string, login: string): void {
    const key = `${address}|${login}`;
    const recent = this.recent(key);
    recent.push(Date.now());
    if (this.failures.size > 50_000) this.failures.clear();
    this.failures.set(key, recent);
  }

  succeed(address: string, login: string): void {
    this.failures.delete(`${address}|${login}`);
  }

  private recent(key: string): number[] {
    const since = Date.now() - this.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }
}
