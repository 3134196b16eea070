/**
 * `sphere serve`'s web application: the dashboard pages and a JSON API over the history store,
 * behind the security headers and, when set, the auth token. Built as a Hono app so tests call
 * it in-process (`app.request`) and `serve.ts` puts it on a socket.
 * @module
 */
import { Hono } from 'hono'
import { toMatrixDocument } from '../responsibility/document.ts'
import { loadResponsibilityModel } from '../responsibility/load.ts'
import { selectMatrix } from '../responsibility/select.ts'
import { diffStored } from '../store/diff-stored.ts'
import {
  checkInfo,
  type FindingQuery,
  filterValues,
  findingsPage,
  latestPerScope,
  overview,
  resourceFindings,
  scanIssuesAndNotes,
  trends,
} from '../store/queries.ts'
import type { Store } from '../store/store.ts'
import type { ScheduleState } from './layout.ts'
import { page, scopeText } from './layout.ts'
import { checkPage, findingsPage as findingsHtml, resourcePage } from './pages-findings.ts'
import { diffPage, issuesPage, matrixPage } from './pages-other.ts'
import { overviewPage, scansPage, trendsPage } from './pages-overview.ts'
import { requireToken, securityHeaders } from './security.ts'
import { staticFile } from './static-files.ts'

/** Options of {@link createDashboard}. */
export interface DashboardOptions {
  readonly store: Store
  /** When set, every request needs it. */
  readonly token?: string
  /** The scheduler's state, when `--scan-every` runs scans. */
  readonly schedule?: () => ScheduleState
}

class BadRequest extends Error {}

const int = (v: string | undefined, what: string): number | undefined => {
  if (v === undefined || v === '') return undefined
  if (!/^\d{1,12}$/.test(v)) throw new BadRequest(`${what}: expected a number`)
  return Number(v)
}

const oneOf = <T extends string>(v: string | undefined, valid: readonly T[]): T | undefined =>
  v && (valid as readonly string[]).includes(v) ? (v as T) : undefined

export function createDashboard(opts: DashboardOptions) {
  const { store } = opts
  const db = store.db
  const app = new Hono()
  app.use('*', securityHeaders)
  app.use('*', requireToken(opts.token))
  const sched = () => opts.schedule?.()
  const html = (body: string, status: 200 | 404 = 200) =>
    new Response(body, { status, headers: { 'Content-Type': 'text/html; charset=utf-8' } })

  app.onError((err) => {
    if (err instanceof BadRequest)
      return new Response(`400 Bad Request: ${err.message}\n`, { status: 400 })
    return new Response('500 Internal Server Error\n', { status: 500 })
  })
  app.notFound(() => html(page('Not found', '<p>No such page.</p>'), 404))

  app.get('/favicon.ico', () => new Response(null, { status: 204 }))
  app.get('/static/:name', (c) => {
    const f = staticFile(c.req.param('name'))
    if (!f) return c.text('not found', 404)
    return new Response(f.body, { headers: { 'Content-Type': f.type } })
  })

  const scopeOptions = async () =>
    (await latestPerScope(db))
      .map((s) => ({ id: s.scopeId, label: scopeText(s.scope) }))
      .sort((x, y) => (x.label < y.label ? -1 : 1))

  /** The findings query from the URL; the newest scan by default. */
  async function findingQuery(p: Record<string, string>): Promise<FindingQuery | undefined> {
    const scans = await store.scans()
    const scanId = int(p.scan, 'scan') ?? scans[scans.length - 1]?.id
    if (scanId === undefined) return undefined
    return {
      scanId,
      status: p.status || undefined,
      severity: p.severity || undefined,
      duty: p.duty || undefined,
      check: p.check || undefined,
      service: p.service || undefined,
      scopeId: int(p.scope, 'scope'),
      text: p.q?.slice(0, 200) || undefined,
      sort: oneOf(p.sort, ['severity', 'check', 'resource', 'status'] as const),
      page: int(p.page, 'page'),
      size: int(p.size, 'size'),
    }
  }

  async function diffOf(p: Record<string, string>) {
    const scans = await store.scans()
    const b = int(p.b, 'b') ?? scans[scans.length - 1]?.id
    const to = scans.find((s) => s.id === b)
    const a =
      int(p.a, 'a') ??
      (to ? scans.filter((s) => s.scopeSet === to.scopeSet && s.id < to.id).pop()?.id : undefined)
    if (a === undefined || b === undefined || !scans.some((s) => s.id === a) || !to)
      return undefined
    const r = await diffStored(db, scans.find((s) => s.id === a)!, to, { stillFailing: false })
    return { ids: { a, b }, scans, diff: r.diff, stillFailing: r.stillFailing }
  }

  app.get('/', async () => html(overviewPage(await overview(db), sched())))
  app.get('/trends', async (c) => {
    const scopeId = int(c.req.query('scope'), 'scope')
    return html(
      trendsPage(
        await trends(db, await store.scans(), scopeId),
        await scopeOptions(),
        scopeId,
        sched(),
      ),
    )
  })
  app.get('/scans', async () => html(scansPage(await store.scans(), sched())))
  app.get('/scans/:id/issues', async (c) => {
    const id = int(c.req.param('id'), 'scan')!
    return html(issuesPage(id, await scanIssuesAndNotes(db, id), sched()))
  })
  app.get('/findings', async (c) => {
    const q = await findingQuery(c.req.query())
    if (!q)
      return html(
        page('Findings', '<p class="empty">No scans stored yet.</p>', { schedule: sched() }),
      )
    const res = await findingsPage(db, q)
    const scans = (await store.scans()).map((s) => ({ id: s.id, startedAt: s.startedAt }))
    return html(
      findingsHtml(
        {
          q,
          ...res,
          scans,
          values: await filterValues(db, q.scanId),
          scopes: await scopeOptions(),
        },
        sched(),
      ),
    )
  })
  app.get('/resource', async (c) => {
    const p = c.req.query()
    const scanId = int(p.scan, 'scan')
    if (scanId === undefined || !p.type || !p.id)
      throw new BadRequest('scan, type and id are required')
    const r = await resourceFindings(db, scanId, p.type, p.id)
    return html(resourcePage(scanId, p.type, p.id, r.findings, r.history, sched()))
  })
  app.get('/checks/:id', async (c) => {
    const info = await checkInfo(db, c.req.param('id'))
    if (!info) return html(page('Not found', '<p>No such check in the store.</p>'), 404)
    const scans = await store.scans()
    const last = scans[scans.length - 1]
    const counts: Record<string, number> = {}
    if (last)
      for (const f of (await findingsPage(db, { scanId: last.id, check: info.id, size: 500 }))
        .findings)
        counts[f.status] = (counts[f.status] ?? 0) + 1
    return html(checkPage(info, counts, sched()))
  })
  app.get('/diff', async (c) => {
    const d = await diffOf(c.req.query())
    if (!d)
      return html(
        page('Diff', '<p class="empty">Two scans of the same scopes are needed.</p>', {
          schedule: sched(),
        }),
      )
    return html(diffPage(d.diff, d.ids, d.scans, d.stillFailing, sched()))
  })
  app.get('/matrix', () =>
    html(matrixPage(toMatrixDocument(selectMatrix(loadResponsibilityModel())), sched())),
  )

  app.get('/api/scans', async (c) => c.json(await store.scans()))
  app.get('/api/overview', async (c) => c.json(await overview(db)))
  app.get('/api/trends', async (c) =>
    c.json(await trends(db, await store.scans(), int(c.req.query('scope'), 'scope'))),
  )
  app.get('/api/findings', async (c) => {
    const q = await findingQuery(c.req.query())
    return c.json(q ? { query: q, ...(await findingsPage(db, q)) } : { total: 0, findings: [] })
  })
  app.get('/api/diff', async (c) => {
    const d = await diffOf(c.req.query())
    return d
      ? c.json({ ...d.ids, ...d.diff })
      : c.json({ error: 'two scans of the same scopes are needed' }, 404)
  })
  app.get('/api/schedule', (c) => c.json(sched() ?? null))
  return app
}
