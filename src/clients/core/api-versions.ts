/**
 * One read that a cloud offers under several API versions (otc-api-platform.md §10: Cloud Eye
 * v2/v1, CTS v3/v1, EVS v2/v3). {@link readVersioned} tries the versions in order of preference
 * and moves on to the next only when one answers "not served here" ({@link isVersionAbsent}: a
 * 404, or a "version not supported" answer). Any other failure (403, 5xx after retries, a body
 * of the wrong shape) is the answer: the read fails as it would with one version. The version
 * that worked is remembered per client, i.e. per service, endpoint and region (a session hands
 * out one client per service), so later reads go there first and do not probe again.
 * @module
 */
import { CloudApiError } from './errors.ts'
import type { ServiceClient } from './types.ts'

/** One version of a read. */
export interface ApiVariant<T> {
  /** The version as the API names it in its path, e.g. `v2`, `v1`, `v3`. */
  readonly version: string
  /** Performs the read with this version. */
  read(): Promise<T>
}

/** What a versioned read returns: the value and the version that served it. */
export interface Versioned<T> {
  readonly version: string
  readonly value: T
}

/** A text that says the API version is not offered (Cinder 406, gateways, CTS.0100). */
const VERSION_MISSING =
  /version.{0,60}(not (be )?supported|unsupported|not (found|exist|available))|unsupported.{0,30}version/i

/**
 * Whether a failed read means "this version is not served here": any 404 (a path the service
 * does not route: OTC's gateway answers `APIGW.0101`, Cinder without v2 answers webob's 404), or
 * a 400/406/501 whose code or message says the version is not supported. Never for 401, 403,
 * 429, 5xx or a schema mismatch: those are answers of a version that is there.
 */
export function isVersionAbsent(err: unknown): err is CloudApiError {
  if (!(err instanceof CloudApiError) || err.status === undefined) return false
  if (err.status === 404) return true
  if (![400, 406, 501].includes(err.status)) return false
  return VERSION_MISSING.test(`${err.code ?? ''} ${err.detail ?? ''}`)
}

/** Per client: the version that served last, and a first read still deciding it. */
interface VersionState {
  preferred?: string
  deciding?: Promise<void>
}

const states = new WeakMap<ServiceClient, VersionState>()

function stateOf(client: ServiceClient): VersionState {
  let s = states.get(client)
  if (!s) {
    s = {}
    states.set(client, s)
  }
  return s
}

/** The version a client's reads go to first (the one that served last), if any. */
export function preferredVersion(client: ServiceClient): string | undefined {
  return states.get(client)?.preferred
}

/** `variants` with the remembered version moved to the front. */
function ordered<T>(variants: readonly ApiVariant<T>[], preferred: string | undefined) {
  const hit = variants.find((v) => v.version === preferred)
  return hit ? [hit, ...variants.filter((v) => v !== hit)] : [...variants]
}

/** One version that was tried and answered "not served". */
export interface VersionMiss {
  readonly version: string
  readonly error: CloudApiError
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname
  } catch {
    return url
  }
}

function describeMiss(m: { version: string; error: CloudApiError }): string {
  const e = m.error
  const what = [e.status ?? e.kind, e.code, e.detail].filter((x) => x !== undefined).join(' ')
  return `${m.version} (${e.method} ${pathOf(e.url)}) answered ${what}`
}

/**
 * The error of a versioned read that found no version it could use. Every version tried is
 * named with its answer, in order; kind, status and code are those of the last attempt.
 */
export class ApiVersionError extends CloudApiError {
  override readonly name = 'ApiVersionError'
  constructor(
    /** Versions that answered "not served", in the order tried. */
    readonly misses: readonly VersionMiss[],
    /** The version tried after them that failed otherwise (403, 5xx, schema), if any. */
    readonly last?: VersionMiss,
  ) {
    const final = (last ?? misses.at(-1)!).error
    const all = [...misses, ...(last ? [last] : [])]
    const versions = misses.map((m) => m.version).join(', ')
    super(
      {
        service: final.service,
        op: final.op,
        method: final.method,
        url: final.url,
        kind: final.kind,
        status: final.status,
        requestId: final.requestId,
        code: final.code,
        detail: final.detail,
        attempts: final.attempts,
        summary: `${last ? '' : 'no API version Sphere reads is served here: '}${all.map(describeMiss).join('; ')}`,
        hint: last
          ? undefined
          : `this endpoint serves none of ${versions}; if the service lives elsewhere, set its endpoint override`,
      },
      { cause: final },
    )
  }
}

async function tryInOrder<T>(
  variants: readonly ApiVariant<T>[],
  state: VersionState,
): Promise<Versioned<T>> {
  const misses: VersionMiss[] = []
  for (const v of variants) {
    try {
      const value = await v.read()
      state.preferred = v.version
      return { version: v.version, value }
    } catch (err) {
      if (isVersionAbsent(err)) {
        misses.push({ version: v.version, error: err })
        continue
      }
      if (misses.length === 0 || !(err instanceof CloudApiError)) throw err
      throw new ApiVersionError(misses, { version: v.version, error: err })
    }
  }
  throw new ApiVersionError(misses)
}

/**
 * Reads with the first version that is served, in the order given (the version that served this
 * client before goes first). Concurrent first reads of one client wait for the first to decide.
 * @throws {CloudApiError} the first version's error when it is not "absent" (no fallback)
 * @throws {ApiVersionError} when every version is absent, or one is absent and the next fails
 * @example
 * const { version, value } = await readVersioned(client, [
 *   { version: 'v2', read: () => listAlarms(client) },
 *   { version: 'v1', read: () => listAlarmsV1(client) },
 * ])
 */
export async function readVersioned<T>(
  client: ServiceClient,
  variants: readonly ApiVariant<T>[],
): Promise<Versioned<T>> {
  if (variants.length === 0) throw new TypeError('readVersioned: no API version given')
  const state = stateOf(client)
  if (state.preferred === undefined && state.deciding) await state.deciding
  const run = tryInOrder(ordered(variants, state.preferred), state)
  if (state.preferred === undefined && !state.deciding) {
    const deciding = run.then(
      () => undefined,
      () => undefined,
    )
    state.deciding = deciding
    void deciding.then(() => {
      if (state.deciding === deciding) state.deciding = undefined
    })
  }
  return run
}
