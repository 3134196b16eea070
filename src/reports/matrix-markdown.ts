/**
 * `sphere matrix --format markdown`: tables fit to paste into an audit document.
 * @module
 */
import { customerDuties, dutyOwner, type MatrixView } from '../responsibility/select.ts'

/** Escapes text for a Markdown table cell. */
export function mdCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ')
    .replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'))
}

function row(cells: string[]): string {
  return `| ${cells.map(mdCell).join(' | ')} |`
}

function table(head: string[], rows: string[][]): string[] {
  return [row(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(row)]
}

/** Renders the view as Markdown. */
export function renderMatrixMarkdown(view: MatrixView): string {
  const stack = [...view.layers].reverse()
  const out: string[] = []
  if (view.service) {
    const s = view.service
    const m = view.models[0]!
    out.push(`## ${mdCell(s.name)} (${s.id}): ${m.title}`, '', mdCell(s.description), '')
    out.push(
      ...table(
        ['Layer', 'Owner', 'Reason'],
        stack.map((l) => [l.title, s.owners[l.id]!.owner, s.owners[l.id]!.reason]),
      ),
    )
  } else {
    out.push(`## Shared responsibility model (version ${view.version})`, '')
    out.push(
      ...table(
        ['Layer', ...view.models.map((m) => m.title)],
        stack.map((l) => [l.title, ...view.models.map((m) => m.owners[l.id]!.owner)]),
      ),
    )
  }
  out.push('', '### Customer duties', '')
  out.push(
    ...table(
      [
        'Duty',
        ...view.models.map((m) => m.id.toUpperCase()),
        'Evidence',
        'BSI C5:2020',
        'CSA CCM v4',
      ],
      customerDuties(view).map((d) => [
        `${d.title} (${d.id})`,
        ...view.models.map((m) => dutyOwner(d, m.id, view.service)),
        d.evidence.join(', '),
        d.references.c5.map((r) => r.id).join(', '),
        d.references.ccm.map((r) => r.id).join(', '),
      ]),
    ),
  )
  return `${out.join('\n')}\n`
}
