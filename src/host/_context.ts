/**
 * What the area parsers share: the split output and the list of errors. Every lookup that fails
 * records an error naming the report field it leaves null, so no parser forgets to.
 * @module
 */
import type { HostReportError } from '../model/host-report.ts'
import { firstError, type Section, type SplitOutput } from './sections.ts'

/** Section access with error bookkeeping. */
export class ParseContext {
  readonly errors: HostReportError[] = []

  constructor(readonly split: SplitOutput) {}

  /** The section, whatever its exit code (undefined if absent). */
  raw(name: string): Section | undefined {
    return this.split.sections.get(name)
  }

  /**
   * The section if it ran with an accepted exit code; otherwise records why `field` is unknown
   * and returns null.
   */
  ok(name: string, field: string, accept: readonly number[] = [0]): Section | null {
    const s = this.split.sections.get(name)
    if (!s) {
      this.fail(
        field,
        name,
        this.split.complete
          ? `section ${name} is missing from the collector output`
          : `collector output ends before section ${name} (truncated)`,
      )
      return null
    }
    if (s.rc === null) {
      this.fail(field, name, `section ${name} was cut off (no exit code)`)
      return null
    }
    if (accept.includes(s.rc)) return s
    this.fail(field, name, describeFailure(s), s.rc)
    return null
  }

  /** Records that `field` could not be determined. */
  fail(field: string | null, section: string | null, message: string, rc: number | null = null) {
    this.errors.push({ field, section, rc, message })
  }
}

/** `command not found: sshd`, `timed out`, or `failed (rc 1): <first error line>`. */
export function describeFailure(s: Section): string {
  if (s.rc === 127) {
    const tool = /command not found: (\S+)/.exec(s.stderr)?.[1]
    return tool ? `${tool} is not installed (command not found)` : `${s.name}: command not found`
  }
  if (s.rc === 124) return `${s.name} timed out`
  const detail = firstError(s)
  return `${s.name} failed (rc ${s.rc})${detail ? `: ${detail}` : ''}`
}

/** Parses `KEY=value` / `KEY="value"` lines (os-release, apt-config shell, timedatectl). */
export function keyValues(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Za-z_][\w-]*)=(.*)$/.exec(line)
    if (!m) continue
    let v = m[2]!.trim()
    if (/^(["']).*\1$/.test(v)) v = v.slice(1, -1)
    out[m[1]!] = v
  }
  return out
}

/** Epoch seconds → ISO time (null if not a number). */
export function epochIso(s: string | undefined): string | null {
  const n = Number(s)
  return s && Number.isFinite(n) && n > 0 ? new Date(n * 1000).toISOString() : null
}

/** `2026-11-27 08:43:20` at offset `+0100` → ISO UTC; null if it does not parse. */
export function localIso(dateTime: string, tz = '+0000'): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?/.exec(dateTime.trim())
  const off = /^([+-])(\d{2}):?(\d{2})$/.exec(tz)
  if (!m) return null
  const offset = off ? `${off[1]}${off[2]}:${off[3]}` : 'Z'
  const t = Date.parse(`${m[1]}T${m[2]}${m[3] ?? ':00'}${offset}`)
  return Number.isNaN(t) ? null : new Date(t).toISOString()
}
