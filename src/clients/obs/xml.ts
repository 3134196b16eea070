/**
 * A small strict XML reader for OBS answers (otc-api-platform.md §2): elements, attributes, text,
 * CDATA, the five predefined entities and character references. Everything a cloud returns is
 * untrusted, so there is no DTD: a `<!DOCTYPE`, an entity declaration or an unknown entity is an
 * error (no entity expansion, no external fetches), and size and depth are bounded. Names are
 * kept without their namespace prefix, so the OBS-native and S3 namespaces read the same.
 * @module
 */

/** One element: local name, attributes (local names), child elements, and its own text. */
export interface XmlElement {
  readonly name: string
  readonly attrs: Readonly<Record<string, string>>
  readonly children: readonly XmlElement[]
  /** The element's character data (CDATA included), trimmed. */
  readonly text: string
}

/** Limits of {@link parseXml}. */
export const XML_LIMITS = { maxBytes: 1024 * 1024, maxDepth: 32 } as const

/** A body that is not the XML we accept; `offset` is the character position. */
export class XmlError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at character ${offset}`)
    this.name = 'XmlError'
  }
}

const ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
}

const NAME = /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?/

const local = (name: string) => name.slice(name.indexOf(':') + 1)

function decodeText(raw: string, at: number): string {
  return raw.replace(/&([^;&\s]{0,12});?/g, (m, ent: string, i: number) => {
    if (!m.endsWith(';')) throw new XmlError('a bare "&"', at + i)
    if (ent.startsWith('#x') && /^#x[0-9a-fA-F]{1,6}$/.test(ent))
      return codePoint(Number.parseInt(ent.slice(2), 16), at + i)
    if (/^#\d{1,7}$/.test(ent)) return codePoint(Number.parseInt(ent.slice(1), 10), at + i)
    const v = ENTITIES[ent]
    if (v === undefined) throw new XmlError(`unknown entity "&${ent};" (no DTD is read)`, at + i)
    return v
  })
}

function codePoint(n: number, at: number): string {
  if (n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff))
    throw new XmlError(`invalid character reference ${n}`, at)
  return String.fromCodePoint(n)
}

interface Open {
  name: string
  attrs: Record<string, string>
  children: XmlElement[]
  text: string
}

/**
 * Parses one XML document into its root element.
 * @throws {XmlError} on a DTD, an unknown entity, a mismatched tag, or a document too large or deep
 * @example parseXml('<a x="1"><b>t</b></a>').children[0]?.text // 't'
 */
export function parseXml(input: string): XmlElement {
  if (input.length > XML_LIMITS.maxBytes)
    throw new XmlError(`document larger than ${XML_LIMITS.maxBytes} characters`, 0)
  const stack: Open[] = []
  let root: XmlElement | undefined
  let i = 0
  const s = input.replace(/^\uFEFF/, '')
  while (i < s.length) {
    const lt = s.indexOf('<', i)
    const textEnd = lt === -1 ? s.length : lt
    if (textEnd > i) {
      const raw = s.slice(i, textEnd)
      const top = stack.at(-1)
      if (top) top.text += decodeText(raw, i)
      else if (raw.trim() !== '') throw new XmlError('text outside the root element', i)
    }
    if (lt === -1) break
    i = lt
    if (s.startsWith('<?', i)) {
      const end = s.indexOf('?>', i)
      if (end === -1) throw new XmlError('unterminated declaration', i)
      if (!/^<\?xml[\s?]/.test(s.slice(i, i + 6)) || stack.length > 0 || root)
        throw new XmlError('processing instructions are not accepted', i)
      i = end + 2
    } else if (s.startsWith('<!--', i)) {
      const end = s.indexOf('-->', i + 4)
      if (end === -1) throw new XmlError('unterminated comment', i)
      i = end + 3
    } else if (s.startsWith('<![CDATA[', i)) {
      const end = s.indexOf(']]>', i)
      const top = stack.at(-1)
      if (end === -1 || !top) throw new XmlError('CDATA outside an element', i)
      top.text += s.slice(i + 9, end)
      i = end + 3
    } else if (s.startsWith('<!', i)) {
      throw new XmlError('DTDs and entity declarations are not accepted', i)
    } else if (s.startsWith('</', i)) {
      const m = NAME.exec(s.slice(i + 2))
      const end = s.indexOf('>', i)
      const top = stack.pop()
      if (
        !m ||
        end === -1 ||
        !top ||
        local(m[0]) !== top.name ||
        s.slice(i + 2 + m[0].length, end).trim() !== ''
      )
        throw new XmlError('mismatched closing tag', i)
      const el: XmlElement = {
        name: top.name,
        attrs: top.attrs,
        children: top.children,
        text: top.text.trim(),
      }
      const parent = stack.at(-1)
      if (parent) parent.children.push(el)
      else root = el
      i = end + 1
    } else {
      if (root) throw new XmlError('content after the root element', i)
      i = openTag(s, i, stack, (el) => {
        const parent = stack.at(-1)
        if (parent) parent.children.push(el)
        else root = el
      })
    }
    if (stack.length > XML_LIMITS.maxDepth) throw new XmlError('elements nested too deep', i)
  }
  if (stack.length > 0) throw new XmlError(`unclosed element <${stack.at(-1)?.name}>`, s.length)
  if (!root) throw new XmlError('no root element', 0)
  return root
}

/** Reads `<name attr="v" …>` or `<name …/>` at `i`; returns the index after it. */
function openTag(
  s: string,
  start: number,
  stack: Open[],
  closed: (el: XmlElement) => void,
): number {
  const m = NAME.exec(s.slice(start + 1))
  if (!m) throw new XmlError('expected an element name', start)
  let i = start + 1 + m[0].length
  const attrs: Record<string, string> = {}
  for (;;) {
    const ws = /^\s*/.exec(s.slice(i))![0].length
    i += ws
    if (s.startsWith('/>', i)) {
      closed({ name: local(m[0]), attrs, children: [], text: '' })
      return i + 2
    }
    if (s[i] === '>') {
      stack.push({ name: local(m[0]), attrs, children: [], text: '' })
      return i + 1
    }
    const a = /^([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(s.slice(i))
    if (!a || ws === 0) throw new XmlError(`malformed attribute in <${m[0]}>`, i)
    attrs[local(a[1]!)] = decodeText(a[3] ?? a[4] ?? '', i)
    i += a[0].length
  }
}

/** The first child element called `name`, if any. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name)
}

/** Every child element called `name`. */
export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : []
}

/** The text of the first child called `name`, or undefined when there is none. */
export function childText(el: XmlElement | undefined, name: string): string | undefined {
  return child(el, name)?.text
}

/** Escapes text for an XML element or attribute (for the emulator's answers). */
export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => `&${Object.keys(ENTITIES).find((k) => ENTITIES[k] === c)};`,
  )
}
