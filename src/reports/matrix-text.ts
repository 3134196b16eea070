/**
 * `sphere matrix` as text: the classic stack picture (layers as rows, models as columns, top layer
 * first), then the customer duties of the selection with how each is evidenced.
 * @module
 */

import type { Owner } from '../responsibility/schema.ts'
import { customerDuties, dutyOwner, type MatrixView } from '../responsibility/select.ts'
import { columns, paint, type Style } from './_terminal.ts'

const OWNER_STYLE: Record<Owner, Style> = { customer: 'cyan', provider: 'green', shared: 'yellow' }

/** Options for {@link renderMatrixText}. */
export interface MatrixTextOptions {
  /** Colour the owners (only when writing to a terminal). */
  color: boolean
}

function owner(o: Owner, color: boolean): string {
  return paint(OWNER_STYLE[o], o, color)
}

/** Renders the view as terminal text. Pure: same view, same output. */
export function renderMatrixText(view: MatrixView, opts: MatrixTextOptions): string {
  const { color } = opts
  const out: string[] = []
  const stack = [...view.layers].reverse()
  if (view.service) {
    const s = view.service
    const m = view.models[0]!
    out.push(paint('bold', `${s.name} (${s.id}): ${m.title} (${m.id})`, color), s.description, '')
    out.push(
      ...columns([
        ['Layer', 'Owner', 'Why'].map((h) => paint('bold', h, color)),
        ...stack.map((l) => {
          const o = s.owners[l.id]!
          const moved = s.overrides[l.id] ? ` (moved from ${m.owners[l.id]?.owner})` : ''
          return [l.title, owner(o.owner, color), o.reason + moved]
        }),
      ]),
    )
  } else {
    out.push(paint('bold', `Sphere responsibility model ${view.version}`, color), '')
    out.push(
      ...columns([
        ['Layer', ...view.models.map((m) => m.id.toUpperCase())].map((h) =>
          paint('bold', h, color),
        ),
        ...stack.map((l) => [
          l.title,
          ...view.models.map((m) => owner(m.owners[l.id]!.owner, color)),
        ]),
      ]),
    )
    if (view.models.length > 0) {
      out.push('', paint('bold', 'Services', color))
      out.push(...columns(view.services.map((s) => [`  ${s.id}`, s.model.toUpperCase(), s.name])))
    }
  }
  const duties = customerDuties(view)
  out.push('', paint('bold', 'Customer duties', color))
  out.push(
    ...columns([
      ['  Duty', ...view.models.map((m) => m.id.toUpperCase()), 'Evidence', 'Title'],
      ...duties.map((d) => [
        `  ${d.id}`,
        ...view.models.map((m) => owner(dutyOwner(d, m.id, view.service), color)),
        d.evidence.join('+'),
        d.title,
      ]),
    ]),
  )
  out.push('', 'Owners: provider = the cloud provider, customer = you, shared = both have a part.')
  return `${out.join('\n')}\n`
}
