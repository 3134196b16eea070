/**
 * Splits collector output (`collect.sh`) into its sections: `<<<name>>>`, the command's stdout,
 * an optional `<<<stderr>>>` part and `<<<rc=N>>>`. Tolerates what a broken transfer leaves
 * behind: a missing rc (truncated), text before the first section, CRLF line ends.
 * @module
 */

/** One command's output. `rc` is null when the section was cut off before its exit code. */
export interface Section {
  readonly name: string
  readonly stdout: string
  readonly stderr: string
  readonly rc: number | null
}

/** The sections by name and what was odd about the text as a whole. */
export interface SplitOutput {
  readonly sections: ReadonlyMap<string, Section>
  /** The `end` section was reached. */
  readonly complete: boolean
  /** Problems with the framing (no sections, junk before the first one, repeated names). */
  readonly problems: readonly string[]
}

const HEAD = /^<<<([a-z0-9_.-]+)>>>$/i
const STDERR = '<<<stderr>>>'
const RC = /^<<<rc=(\d+)>>>$/

/**
 * Splits collector output into sections.
 * @example
 * splitSections('<<<kernel>>>\n6.1.0\n<<<rc=0>>>\n').sections.get('kernel') // { stdout: '6.1.0', rc: 0, … }
 */
export function splitSections(text: string): SplitOutput {
  const sections = new Map<string, Section>()
  const problems: string[] = []
  let cur: {
    name: string
    out: string[]
    err: string[]
    inErr: boolean
    rc: number | null
  } | null = null
  let junk = 0
  const close = () => {
    if (!cur) return
    if (sections.has(cur.name)) problems.push(`section ${cur.name} appears more than once`)
    else
      sections.set(cur.name, {
        name: cur.name,
        stdout: cur.out.join('\n'),
        stderr: cur.err.join('\n'),
        rc: cur.rc,
      })
    cur = null
  }
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    const rc = RC.exec(line)
    if (rc && cur) {
      cur.rc = Number(rc[1])
      close()
      continue
    }
    if (line === STDERR && cur) {
      cur.inErr = true
      continue
    }
    const head = HEAD.exec(line)
    if (head && line !== STDERR && !rc) {
      close()
      cur = { name: head[1]!, out: [], err: [], inErr: false, rc: null }
      continue
    }
    if (cur) (cur.inErr ? cur.err : cur.out).push(line)
    else if (line.trim() !== '') junk++
  }
  close()
  if (sections.size === 0) problems.push('no collector sections found (is this collect.sh output?)')
  else if (junk > 0) problems.push(`${junk} line(s) before the first section ignored`)
  return { sections, complete: sections.get('end')?.rc === 0, problems }
}

/** Non-empty lines of a section's stdout (trimmed of trailing blanks). */
export function lines(s: Section | undefined): string[] {
  if (!s) return []
  return s.stdout
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l !== '')
}

/** A section's first error line (stderr or stdout), for messages. */
export function firstError(s: Section): string {
  const text = (s.stderr.trim() || s.stdout.trim()).split('\n')
  return text.find((l) => /error|fail|not found|denied|cannot|can't|unable/i.test(l)) ?? text[0]!
}
