import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { valueAt } from '../clients/_operation.ts'
import { OPERATIONS, type OperationDef } from '../clients/operations.ts'
import { demoEmulator, get, ORIGIN, tokenFor } from './_test-kit.ts'
import { SERVICE_PREFIX } from './keystone.ts'

const { app, world, pid } = demoEmulator()
const admin = world.users.find((u) => u.name === 'sphere-admin')!
const orders = world.rdsInstances.find((i) => i.name === 'orders-db')!

/** Path parameters and required queries for every registry operation, from the demo world. */
function urlOf(op: OperationDef, extra: Record<string, string | number> = {}): string {
  const path = op.path
    .replace('{project_id}', pid)
    .replace('{domain_id}', world.domain.id)
    .replace('{user_id}', admin.id)
    .replace('{access_key}', admin.accessKeys[0]!.access)
    .replace('{keypair_name}', 'sphere-scanner')
    .replace('{image_id}', world.images[0]!.id)
    .replace('{group_id}', world.groups.find((g) => g.name === 'admin')!.id)
    .replace('{instance_id}', world.dcsInstances[0]!.id)
    .replace('{cluster_id}', world.cceClusters[0]!.id)
  const q = new URLSearchParams()
  if (op.requiredQuery?.includes('instance_id')) q.set('instance_id', orders.id)
  if (op.requiredQuery?.includes('domain_id')) q.set('domain_id', world.domain.id)
  if (op.requiredQuery?.includes('tracker_name')) q.set('tracker_name', 'system')
  for (const [k, v] of Object.entries(extra)) q.set(k, String(v))
  const qs = q.toString()
  return `${ORIGIN}${SERVICE_PREFIX[op.service]}${path}${qs ? `?${qs}` : ''}`
}

const tokens: Record<'project' | 'domain', string> = { project: '', domain: '' }
const tokenOf = (op: OperationDef) => tokens[op.service === 'iam' ? 'domain' : op.scope]

async function fetchJson(url: string, op: OperationDef): Promise<Record<string, unknown>> {
  const res = await get(app, url, tokenOf(op))
  const text = await res.text()
  assert.equal(res.status, 200, `${op.key} ${url}: ${text}`)
  return JSON.parse(text)
}

const idOf = (item: Record<string, unknown>): string =>
  String(
    item.id ?? item.alarm_id ?? (item.keypair as { name?: string })?.name ?? JSON.stringify(item),
  )

before(async () => {
  tokens.project = await tokenFor(app, world, 'project')
  tokens.domain = await tokenFor(app, world, 'domain')
})

/** Octavia's `/v2/lbaas` is not OTC's: the Octavia world serves it (services/elb.test.ts). */
const inDemo = (op: OperationDef) => !(op.service === 'elb' && op.apiVersion === 'v2')

describe('emulator routes (every registry operation)', () => {
  for (const op of OPERATIONS.filter(inDemo)) {
    it(`${op.key} answers 200 with a body the client schema accepts`, async () => {
      const body = await fetchJson(urlOf(op), op)
      const parsed = op.schema.safeParse(body)
      assert.ok(parsed.success, `${op.key}: ${JSON.stringify(parsed.error?.issues.slice(0, 3))}`)
      if (op.items) {
        const items = body[op.items.key] as unknown[]
        assert.ok(items.length > 0, `${op.key}: the demo world should have ${op.items.key}`)
        for (const item of items) op.items.schema.parse(item)
      }
    })
  }
})

/** Walks every page of a list operation the way its pager says; returns item ids per page. */
async function walk(op: OperationDef, limit: number): Promise<string[][]> {
  const pager = op.pager
  const key = op.items!.key
  const pages: string[][] = []
  const first: Record<string, number> =
    pager.kind === 'next-url' && pager.nextField === 'links.next' ? { per_page: limit } : { limit }
  let url: string | undefined = urlOf(op, first)
  let offset = 0
  while (url) {
    assert.ok(pages.length < 100, `${op.key}: too many pages`)
    const body = await fetchJson(url, op)
    op.schema.parse(body)
    const items = (body[key] as Record<string, unknown>[]).map(idOf)
    // VPC v1 has no "more" signal: after a full last page the next one is empty.
    if (
      items.length === 0 &&
      pages.length > 0 &&
      pager.kind === 'marker' &&
      (!pager.markerField || pager.shortPageEnds)
    )
      break
    pages.push(items)
    url = undefined
    if (pager.kind === 'links') {
      const next = (body[pager.linksKey] as { rel: string; href: string }[] | undefined)?.find(
        (l) => l.rel === 'next',
      )
      url = next?.href
    } else if (pager.kind === 'next-url') {
      const next =
        pager.nextField === 'next'
          ? (body.next as string | undefined)
          : (body.links as { next?: string | null }).next
      if (next)
        url = next.startsWith('http') ? next : `${ORIGIN}${SERVICE_PREFIX[op.service]}${next}`
    } else if (pager.kind === 'offset') {
      offset += items.length
      if (items.length > 0 && offset < (body[pager.totalKey] as number))
        url = urlOf(op, { limit, offset })
    } else if (pager.kind === 'marker') {
      offset += items.length
      const marker = pager.markerField
        ? valueAt(body, pager.markerField)
        : items.length < limit
          ? undefined
          : items.at(-1)
      const total = pager.totalField ? (valueAt(body, pager.totalField) as number) : Infinity
      const short = pager.shortPageEnds && items.length < limit
      if (items.length > 0 && marker && offset < total && !short)
        url = urlOf(op, { limit, [pager.markerParam]: String(marker) })
    }
  }
  return pages
}

describe('emulator paging (every paged list, in its own style)', () => {
  for (const op of OPERATIONS.filter((o) => inDemo(o) && o.items && o.pager.kind !== 'none')) {
    it(`${op.key} pages through every item exactly once`, async () => {
      // The registry's maxLimit must be accepted: it is what the client sends.
      const all = (await walk(op, ('maxLimit' in op.pager && op.pager.maxLimit) || 1000)).flat()
      assert.ok(all.length >= 2, `${op.key}: the demo world needs at least 2 items to page`)
      const limit = all.length > 2 ? 2 : 1
      const pages = await walk(op, limit)
      assert.equal(pages.length, Math.ceil(all.length / limit), `${op.key}: pages of ${limit}`)
      assert.deepEqual(pages.flat(), all)
      assert.equal(new Set(all).size, all.length, `${op.key}: duplicate ids`)
    })
  }

  it('rejects a limit above the maximum where the service does (RDS, CBR, CES) and clamps elsewhere', async () => {
    const rds = await get(app, `/rds/v3/${pid}/instances?limit=101`, tokens.project)
    assert.equal(rds.status, 400)
    assert.match((await rds.json()).error_code, /^DBS\./)
    const cbr = await get(app, `/cbr/v3/${pid}/vaults?limit=1001`, tokens.project)
    assert.equal(cbr.status, 400)
    const ces = await get(app, `/ces/v2/${pid}/alarms?limit=101`, tokens.project)
    assert.equal(ces.status, 400)
    const nova = await get(app, `/compute/v2.1/${pid}/servers/detail?limit=5000`, tokens.project)
    assert.equal(nova.status, 200)
  })

  it('answers an unknown marker with 400 in the service format', async () => {
    const res = await get(app, `/compute/v2.1/${pid}/servers/detail?marker=nope`, tokens.project)
    assert.equal(res.status, 400)
    assert.match((await res.json()).badRequest.message, /marker/)
  })

  it('uses the service default limit (Nova 25, CES 10) and emits a next link only when more exist', async () => {
    const ces = await (await get(app, `/ces/v2/${pid}/alarms`, tokens.project)).json()
    assert.equal(ces.alarms.length, 6)
    assert.equal(ces.count, 6)
    const nova = await (
      await get(app, `/compute/v2.1/${pid}/servers/detail`, tokens.project)
    ).json()
    assert.equal(nova.servers_links, undefined)
  })

  it('serves the /v2/ Nova and /v3/ Cinder aliases', async () => {
    assert.equal((await get(app, `/compute/v2/${pid}/servers/detail`, tokens.project)).status, 200)
    assert.equal((await get(app, `/volume/v3/${pid}/volumes/detail`, tokens.project)).status, 200)
  })

  it('serves CES v1 alarms too, paged by start + meta_data.marker, with v1 error bodies', async () => {
    const seen: string[] = []
    let start = ''
    for (let i = 0; i < 10; i++) {
      const url = `/ces/V1.0/${pid}/alarms?limit=4${start ? `&start=${start}` : ''}`
      const body = await (await get(app, url, tokens.project)).json()
      seen.push(...body.metric_alarms.map((a: { alarm_id: string }) => a.alarm_id))
      assert.equal(body.meta_data.total, 6)
      start = body.meta_data.marker
      if (!start) break
    }
    assert.deepEqual(
      seen,
      world.alarms.filter((a) => a.projectId === pid).map((a) => a.id),
    )
    const bad = await get(app, `/ces/V1.0/${pid}/alarms?limit=500`, tokens.project)
    assert.equal(bad.status, 400)
    assert.equal((await bad.json()).http_code, '400')
  })

  it('requires instance_id on RDS backups (400)', async () => {
    const res = await get(app, `/rds/v3/${pid}/backups`, tokens.project)
    assert.equal(res.status, 400)
    assert.match((await res.json()).error_msg, /instance_id/)
  })
})

describe('emulator error bodies (per service format)', () => {
  it('404 in each service style', async () => {
    const cases: [string, (b: Record<string, unknown>) => unknown][] = [
      [`/compute/v2.1/${pid}/os-keypairs/none`, (b) => (b.itemNotFound as { code: number }).code],
      [`/image/v2/images/none`, (b) => (b.itemNotFound as { code: number }).code],
      ['/network/v2.0/nothing', (b) => (b.NeutronError as { type: string }).type],
      [`/cbr/v3/${pid}/nothing`, (b) => b.error_code],
      [`/rds/v3/${pid}/nothing`, (b) => b.error_code],
      ['/identity/v3/nothing', (b) => (b.error as { code: number }).code],
    ]
    for (const [path, pick] of cases) {
      const res = await get(app, path, tokens.project)
      assert.equal(res.status, 404, path)
      assert.ok(pick(await res.json()), path)
    }
  })

  it('tags every answer with a request id', async () => {
    const res = await get(app, `/cts/v3/${pid}/trackers`, tokens.project)
    assert.match(res.headers.get('X-Request-Id') ?? '', /^[0-9a-f]{32}$/)
  })

  it('403s a token scoped to another project, in the service format', async () => {
    const res = await get(app, `/cts/v3/${world.projects[1]!.id}/trackers`, tokens.project)
    assert.equal(res.status, 403)
    assert.match((await res.json()).error_code, /^CTS\./)
  })

  it('403s a user denied a service or operation (missing permission)', async () => {
    const erin = await tokenFor(app, world, 'project', 'erin.audit', 'Erin-Demo-2024!')
    const cts = await get(app, `/cts/v3/${pid}/trackers`, erin)
    assert.equal(cts.status, 403)
    assert.match((await cts.json()).error_msg, /Policy doesn't allow cts/)
    assert.equal((await get(app, `/compute/v2.1/${pid}/servers/detail`, erin)).status, 200)
  })

  it('keeps private images of other projects out of the image list', async () => {
    const res = await (await get(app, '/image/v2/images?limit=100', tokens.project)).json()
    assert.ok(res.images.some((i: { visibility: string }) => i.visibility === 'private'))
    assert.ok(
      res.images.every(
        (i: { visibility: string; owner: string }) => i.visibility !== 'private' || i.owner === pid,
      ),
    )
  })
})
