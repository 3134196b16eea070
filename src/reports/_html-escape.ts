/**
 * Escaping for the HTML report: text and attribute values, and JSON embedded in a
 * `<script type="application/json">` block so that no cloud string can end the block.
 * @module
 */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Escapes text for HTML element content and quoted attribute values; drops control characters. */
export function escapeHtml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!)
}

/**
 * Serialises a value for a JSON data block: `<`, `>` and `&` become `\u003c`, `\u003e`,
 * `\u0026` (so `</script>` or `<!--` in cloud data cannot close or confuse the block), and the
 * line separators U+2028/U+2029 are escaped too.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  })
}
