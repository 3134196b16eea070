/**
 * Terminal helpers shared by the text renderers: colour only when asked for, and untrusted text
 * made safe to print (no escape sequences or control characters from cloud data reach the TTY).
 * @module
 */

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

/** Replaces control characters (ESC, BEL, CR …) in untrusted text with `?`, keeping tabs out too. */
export function safeText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?')
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
