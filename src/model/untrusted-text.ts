/**
 * Untrusted text (names and messages from a cloud, host reports, file contents) made safe to show:
 * every character that a terminal, spreadsheet or editor would act on instead of showing is
 * replaced by a visible escape. One function for every sink; the reports and the CLI use it
 * through `reports/_terminal.ts` `safeText`.
 * @module
 */

/**
 * What is escaped: C0 controls (ESC, BEL, NUL, BS, CR, LF, TAB …), DEL, C1 controls (0x9b is a
 * one-byte CSI), the line and paragraph separators, the bidirectional embeddings, overrides,
 * isolates and marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C: "Trojan Source"
 * reordering) and lone surrogates.
 */
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/** True when `text` holds a character {@link escapeUnsafe} would replace. */
export function hasUnsafeChars(text: string, keep = ''): boolean {
  for (const m of text.matchAll(UNSAFE)) if (!keep.includes(m[0])) return true
  return false
}

/** The visible escape of one character: `\x1b`, `\x9b`, `\u202e`, `\ud800`. */
export function visibleEscape(c: string): string {
  const code = c.charCodeAt(0)
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`
}

/**
 * Replaces control characters, bidi controls and lone surrogates with visible escapes
 * (`ESC [2J` → `\x1b[2J`, U+202E → `\u202e`); characters in `keep` (e.g. `'\t\n'`) stay.
 * @example
 * escapeUnsafe('\u001b]52;c;ZXZpbA==\u0007web') // '\\x1b]52;c;ZXZpbA==\\x07web'
 */
export function escapeUnsafe(text: string, keep = ''): string {
  return text.replace(UNSAFE, (c) => (keep.includes(c) ? c : visibleEscape(c)))
}
