/**
 * The PDF uses the standard Helvetica fonts (nothing to download or embed),
 * which cover WinAnsi: Latin-1 plus € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ.
 * French needs nothing more (é è à ç ô œ « » – € all are there); the few
 * signs outside it that the reports' texts may hold get a plain equivalent
 * rather than a missing glyph.
 */
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
const REPLACEMENTS: Record<string, string> = { "\u202F": "\u00A0", "\u2009": " ", "→": "->", "≤": "<=", "≥": ">=", "−": "-", "…": "…" };

export function winAnsi(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || ch === "\n" || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else out += REPLACEMENTS[ch] ?? "?";
  }
  return out;
}
