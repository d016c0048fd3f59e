/**
 * The last answers seen, kept in the browser so that a page opened again
 * without a network shows them (with their date) instead of an error. A
 * weak link drops often; the figures change once a day at most.
 */
const PREFIX = "corridor.answer.";
const MAX_ENTRIES = 40;
const MAX_CHARS = 400_000;

export interface CachedAnswer<T> {
  readonly data: T;
  /** When the answer was received (ISO). */
  readonly savedAt: string;
}

function keys(): string[] {
  const found: string[] = [];
  for (let i = 0; i < window.localStorage.length; i++) {
    const key = window.localStorage.key(i);
    if (key?.startsWith(PREFIX)) found.push(key);
  }
  return found;
}

/** A short, stable key for an operation and its variables (FNV-1a of the text). */
export function answerKey(document: string, variables: unknown): string {
  const text = `${document}\u0000${JSON.stringify(variables)}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${PREFIX}${hash.toString(16)}`;
}

export function saveAnswer(key: string, data: unknown, now = new Date()): void {
  try {
    const text = JSON.stringify({ data, savedAt: now.toISOString() });
    if (text.length > MAX_CHARS) return;
    window.localStorage.setItem(key, text);
    const all = keys();
    if (all.length > MAX_ENTRIES) {
      // Oldest first: drop the ones seen longest ago.
      const dated = all.map((k) => ({ k, at: (JSON.parse(window.localStorage.getItem(k) ?? "{}") as { savedAt?: string }).savedAt ?? "" })).sort((a, b) => a.at.localeCompare(b.at));
      for (const { k } of dated.slice(0, all.length - MAX_ENTRIES)) window.localStorage.removeItem(k);
    }
  } catch {
    // Storage full or disabled: the page works, it just cannot be shown offline.
  }
}

export function readAnswer<T>(key: string): CachedAnswer<T> | null {
  try {
    const text = window.localStorage.getItem(key);
    return text ? (JSON.parse(text) as CachedAnswer<T>) : null;
  } catch {
    return null;
  }
}

/** On sign-out: another person may use this browser next. */
export function forgetAnswers(): void {
  try {
    for (const key of keys()) window.localStorage.removeItem(key);
  } catch {
    // Nothing kept to forget.
  }
}
