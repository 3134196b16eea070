/**
 * Terminal helpers shared by the text renderers and the CLI: colour only when asked for, and
 * untrusted text made safe to print (no escape sequences, control characters or bidi overrides
 * from cloud data reach the TTY).
 * @module
 */
import { escapeUnsafe } from '../model/untrusted-text.ts'

const CODES = {
  red: 31,
  green: 32,
  yellow: 33,
  blue: 34,
  magenta: 35,
  cyan: 36,
  gray: 90,
  bold: 1,
  dim: 2,
} as const
export type Style = keyof typeof CODES

/** Wraps `text` in an ANSI style when `enabled`. */
export function paint(style: Style, text: string, enabled: boolean): string {
  return enabled ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text
}

/**
 * The one function for untrusted text on a terminal (stderr summaries, notes, errors, the text
 * report): C0/C1 controls (ESC, BEL, NUL, CR, LF, TAB …), bidi overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069) and lone surrogates become visible escapes (`\x1b`, `\u202e`),
 * so the result is one line that cannot move the cursor, retitle the window, write the clipboard
 * (OSC 52) or reorder what is shown. Pass `keep` (e.g. `'\t\n'`) to let layout characters
 * through.
 * @example
 * safeText('web\u001b]52;c;ZXZpbA==\u0007') // 'web\\x1b]52;c;ZXZpbA==\\x07'
 */
export function safeText(text: string, keep = ''): string {
  return escapeUnsafe(text, keep)
}

/** Pads to `width` visible characters, ignoring ANSI sequences. */
export function padVisible(text: string, width: number): string {
  const visible = text.replace(/\u001b\[[0-9;]*m/g, '').length
  return visible >= width ? text : text + ' '.repeat(width - visible)
}

/** Lays out rows as aligned columns separated by two spaces. Cells may contain ANSI colour. */
export function columns(rows: string[][]): string[] {
  const widths: number[] = []
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.replace(/\u001b\[[0-9;]*m/g, '').length)
    })
  }
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : padVisible(cell, widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  )
}

/** Visible length of a line (ANSI colour sequences do not count). */
export function visibleLength(text: string): number {
  return text.replace(/\u001b\[[0-9;]*m/g, '').length
}

/**
 * Wraps plain text at word boundaries so that `indent + line` fits `width`; a word longer than
 * the line is cut. Returns the lines with the indent.
 */
export function wrap(text: string, width: number, indent: string): string[] {
  const room = Math.max(20, width - indent.length)
  const out: string[] = []
  let line = ''
  for (const word of text.split(/ +/)) {
    let w = word
    while (w.length > room) {
      if (line) out.push(line)
      out.push(w.slice(0, room))
      w = w.slice(room)
      line = ''
    }
    if (!line) line = w
    else if (line.length + 1 + w.length <= room) line += ` ${w}`
    else {
      out.push(line)
      line = w
    }
  }
  if (line || out.length === 0) out.push(line)
  return out.map((l) => indent + l)
}
