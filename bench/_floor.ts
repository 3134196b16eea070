/**
 * The request floor of a bench run: what one request of the critical chain (IAM
 * `showCredential`, the last link of users → keys → last use) takes on the idle emulator, with the
 * bare transport and `JSON.parse` (no Sphere layer), at the run's latency and concurrency. Measured
 * before the scan's clock starts, on a session of its own. The bound counts the latency alone;
 * the emulator's own handling (routing, token check, the timer's slack) comes on top of it for
 * every request, so `rounds × floor` is the fastest the critical path can go on this machine
 * with this emulator, whatever the scanner does.
 * @module
 */
import { type Fetch, nodeFetch } from '../src/clients/core/node-fetch.ts'
import { createSession } from '../src/clients/core/session.ts'
import { listCredentials } from '../src/clients/iam/credentials.ts'
import { listUsers } from '../src/clients/identity/users.ts'
import type { CloudConfig } from '../src/config/cloud-config.ts'

/** The measured floor. */
export interface RequestFloor {
  /** Requests timed (after a warm-up of the same number). */
  requests: number
  /** Mean time of one request, ms (elapsed × concurrency ÷ requests). */
  requestMs: number
}

/**
 * Times `requests` bare `showCredential` GETs, `concurrency` at a time; null when the world has
 * no access key to ask for.
 * @example const f = await measureRequestFloor(config, 4, 200) // { requests: 200, requestMs: 22.4 }
 */
export async function measureRequestFloor(
  config: CloudConfig,
  concurrency: number,
  requests = 200,
): Promise<RequestFloor | null> {
  let token = ''
  const seeing: Fetch = (url, init) => {
    if (!token && url.pathname.includes('/OS-CREDENTIAL/'))
      token = init.headers['X-Auth-Token'] ?? ''
    return nodeFetch(url, init)
  }
  const session = createSession(config, { fetch: seeing })
  const iam = await session.client('iam')
  const users = await listUsers(await session.client('identity'))
  let access: string | undefined
  for (const u of users) {
    access = (await listCredentials(iam, { user_id: u.id }))[0]?.access
    if (access) break
  }
  if (!access || !token) return null
  const url = new URL(`${iam.endpoint}/v3.0/OS-CREDENTIAL/credentials/${access}`)
  const headers = { Accept: 'application/json', 'X-Auth-Token': token }
  const one = async () => {
    const res = await nodeFetch(url, { method: 'GET', headers })
    const text = await res.text()
    if (res.status !== 200) throw new Error(`request floor: HTTP ${res.status}`)
    JSON.parse(text)
  }
  const round = async () => {
    let left = requests
    const t0 = performance.now()
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (left-- > 0) await one()
      }),
    )
    return ((performance.now() - t0) * concurrency) / requests
  }
  await round() // warm-up: JIT, sockets
  return { requests, requestMs: await round() }
}
