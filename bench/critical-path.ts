/**
 * The critical-path lower bound of a scan: the least wall time any scheduler could reach with
 * the given latency per request and concurrency per endpoint, computed from the pages each
 * operation needed and the collectors' dependency structure (src/collectors/*.ts):
 *
 * - Every request first needs the project-scoped token (1 round); the IAM operations and the
 *   Keystone user list are domain-scoped and need a second token after it (the identity endpoint's
 *   prefix is the number of token requests).
 * - A paged list is a chain: page n+1 needs the marker/URL/offset of page n (1 round per page).
 * - A fan-out waits for its root list: IAM user details (`ShowUser`) and access keys per user
 *   (`ListCredentials`) wait for the Keystone user list; a key's last use (`ShowCredential`) waits
 *   for its user's key list. Its requests are independent of each other, so at best
 *   `ceil(requests ÷ concurrency)` rounds (and at least its depth).
 * - One limiter per endpoint root (the emulator serves identity and IAM from one root, so they
 *   share one): an endpoint never has more than `concurrency` requests in flight, so it needs at
 *   least `ceil(requests ÷ concurrency)` rounds after its prefix.
 *
 * Per endpoint: rounds = prefix + max(longest chain, ceil(requests ÷ concurrency)); the bound is
 * the slowest endpoint's rounds × latency. Server and client CPU time are not in it: it is what
 * the network alone forces.
 * @module
 */
import { SERVICE_PREFIX } from '../src/emulator/index.ts'
import {
  AUTH_OP,
  KMS_LIST_OP,
  KMS_ROTATION_OP,
  OBS_BUCKET_OPS,
  OBS_CREDENTIAL_OP,
  OBS_LIST_OP,
  type OpCount,
} from './_recorder.ts'

/** Operations that are made once per item of another operation's result (their root). */
export const FAN_OUT_ROOT: Readonly<Record<string, string>> = {
  'iam.ShowUser': 'identity.ListUsers',
  'iam.ListCredentials': 'identity.ListUsers',
  'iam.ShowCredential': 'iam.ListCredentials',
  // Every bucket's location (when the list does not say) and its five sub-resources. The
  // sub-reads of a bucket whose location had to be asked wait for it; modelled as waiting for
  // the list only, which can only lower the bound.
  ...Object.fromEntries(Object.values(OBS_BUCKET_OPS).map((op) => [op, OBS_LIST_OP])),
  // The rotation status of every rotatable key, after the key list (src/collectors/kms-key.ts).
  [KMS_ROTATION_OP]: KMS_LIST_OP,
  // The whitelist of every DCS instance, after the instance list (src/collectors/dcs-instance.ts).
  'dcs.ShowWhitelist': 'dcs.ListInstances',
  // The nodes of every CCE cluster, after the cluster list (src/collectors/cce-node.ts).
  'cce.ListNodes': 'cce.ListClusters',
}

/**
 * Requests an endpoint waits for before its first one, besides the project token: OBS signs with
 * a temporary AK/SK obtained from IAM (1 round after the token).
 */
export const PREFIX_OPS: Readonly<Record<string, string>> = { obs: OBS_CREDENTIAL_OP }

/** The list operations the collectors make (each an independent chain of pages). */
export const LISTS: readonly string[] = [
  'identity.ListUsers',
  'iam.ListVirtualMfaDevices',
  'iam.ListLoginProtects',
  'iam.ShowPasswordPolicy',
  'compute.ListServersDetail',
  'compute.ListServersDetailV2',
  'compute.ListKeypairs',
  'compute.ListKeypairsV2',
  'image.ListImages',
  'network.ListSecurityGroups',
  'network.ListPorts',
  'network.ListFloatingIps',
  // One version per service is read (src/clients/core/api-versions.ts); the other is its fallback.
  'volume.ListVolumesDetail',
  'volume.ListVolumesDetailV2',
  'volume.ListBackupsDetail',
  'volume.ListBackupsDetailV2',
  'cbr.ListVaults',
  'cbr.ListPolicies',
  'cbr.ListBackups',
  'ces.ListAlarms',
  'ces.ListAlarmsV1',
  'cts.ListTrackers',
  'cts.ShowTrackerV1',
  'rds.ListInstances',
  OBS_LIST_OP,
  KMS_LIST_OP,
  'dcs.ListInstances',
  // src/collectors/vpc-vpc.ts reads flow logs after VPCs and subnets; modelled as independent
  // lists, which can only lower the bound.
  'vpc.ListVpcs',
  'vpc.ListSubnets',
  'vpc.ListFlowLogs',
  // ELB (src/collectors/elb-*.ts): each list of each family is its own chain of pages; the
  // listener collector reads L7 and security policies after its listeners, modelled as
  // independent lists, which can only lower the bound. A plain OpenStack reads the v2 lists.
  'elb.ListLoadbalancersV3',
  'elb.ListListenersV3',
  'elb.ListL7PoliciesV3',
  'elb.ListCertificatesV3',
  'elb.ListSecurityPolicies',
  'elb.ListSystemSecurityPolicies',
  'elb.ListLoadbalancersV20',
  'elb.ListListenersV20',
  'elb.ListL7PoliciesV20',
  'elb.ListCertificatesV20',
  'elb.ListLoadbalancersV2',
  'elb.ListListenersV2',
  'elb.ListL7PoliciesV2',
  'cce.ListClusters',
]

/**
 * Registry operations (src/clients/operations.ts) that a project's collection does not make, each
 * with where it is used instead. Every registry operation is in exactly one of {@link LISTS},
 * {@link FAN_OUT_ROOT} or this map (bench/critical-path.test.ts), so a new collector's operations
 * cannot be left out of the model unnoticed.
 */
export const NOT_COLLECTED: Readonly<Record<string, string>> = {
  'identity.ListProjects': 'scope planning before collection (src/engine/plan-scopes.ts)',
  'identity.ListAuthProjects': 'scope planning before collection (src/engine/plan-scopes.ts)',
  'identity.ListGroups': 'a client operation no collector calls',
  'identity.ListGroupUsers': 'a client operation no collector calls',
  'iam.ShowLoginPolicy': 'a client operation no collector calls',
  'iam.ShowProtectPolicy': 'a client operation no collector calls',
  'iam.ListAgencies': 'a client operation no collector calls',
  'compute.ShowKeypair': 'a client operation no collector calls',
  'compute.ShowKeypairV2': 'a client operation no collector calls',
  'compute.ListFlavorsDetail': 'a client operation no collector calls',
  'compute.ListFlavorsDetailV2': 'a client operation no collector calls',
  'image.ShowImage': 'a client operation no collector calls',
  'network.ListSecurityGroupRules': 'rules come inside ListSecurityGroups; no collector calls it',
  'rds.ListBackups': 'rds-instance reads keep_days from the instance; no per-instance fan-out',
}

/** One endpoint's share of the bound. */
export interface EndpointBound {
  endpoint: string
  /** Token rounds before the endpoint's first request. */
  prefix: number
  /** Its longest dependency chain, in rounds, and what it is. */
  chain: number
  chainOf: string
  /** All its requests (tokens excluded) ÷ concurrency, rounded up. */
  throughput: number
  rounds: number
  ms: number
}

/** The bound and how it was reached. */
export interface CriticalPath {
  boundMs: number
  /** The endpoint whose rounds give the bound. */
  critical: EndpointBound
  endpoints: EndpointBound[]
  /** Operations seen that the model does not know (counted in throughput only). */
  unmodelled: string[]
}

const PREFIX_OF = SERVICE_PREFIX as Record<string, string>
const endpointOf = (op: string) => (PREFIX_OF[op.split('.')[0]!] ?? '/other').slice(1)

/** Descendants of a root operation (transitively), with the depth of the deepest one. */
function fanOut(root: string, ops: readonly string[]): { ops: string[]; depth: number } {
  const out: string[] = []
  let depth = 0
  const walk = (parent: string, d: number) => {
    for (const op of ops)
      if (FAN_OUT_ROOT[op] === parent) {
        out.push(op)
        depth = Math.max(depth, d)
        walk(op, d + 1)
      }
  }
  walk(root, 1)
  return { ops: out, depth }
}

/**
 * Computes the bound from pages per operation.
 * @example criticalPath(countByOp(recorder.requests), 20, 4).boundMs
 */
export function criticalPath(
  counts: Readonly<Record<string, OpCount>>,
  latencyMs: number,
  concurrency: number,
): CriticalPath {
  const c = Math.max(1, Math.floor(concurrency))
  const pages = (op: string) => counts[op]?.pages ?? 0
  const ops = Object.keys(counts).filter((op) => pages(op) > 0)
  const tokens = pages(AUTH_OP)
  const prefixOps = new Set(Object.values(PREFIX_OPS))
  const unmodelled = ops.filter(
    (op) => op !== AUTH_OP && !LISTS.includes(op) && !FAN_OUT_ROOT[op] && !prefixOps.has(op),
  )
  const endpoints = [...new Set(ops.filter((op) => op !== AUTH_OP).map(endpointOf))].sort()
  const bounds = endpoints.map((endpoint): EndpointBound => {
    const mine = ops.filter((op) => op !== AUTH_OP && endpointOf(op) === endpoint)
    let chain = 0
    let chainOf = ''
    for (const list of mine.filter((op) => LISTS.includes(op))) {
      const f = fanOut(list, mine)
      const after = f.ops.reduce((s, op) => s + pages(op), 0)
      const rounds = pages(list) + (after > 0 ? Math.max(f.depth, Math.ceil(after / c)) : 0)
      if (rounds > chain) {
        chain = rounds
        chainOf =
          f.ops.length === 0
            ? `${list} ${pages(list)} pages`
            : `${list} ${pages(list)} pages, then ${f.ops.map((op) => `${op} ${pages(op)}`).join(' + ')} = ${after} requests ÷ ${c}`
      }
    }
    const total = mine.reduce((s, op) => s + pages(op), 0)
    const throughput = Math.ceil(total / c)
    // Domain-scoped calls (identity/IAM) wait for a second token after the project one.
    const own = PREFIX_OPS[endpoint]
    const prefix =
      (endpoint === endpointOf('identity.x') ? Math.max(1, tokens) : Math.min(1, tokens)) +
      (own !== undefined && pages(own) > 0 ? 1 : 0)
    const rounds = prefix + Math.max(chain, throughput)
    return { endpoint, prefix, chain, chainOf, throughput, rounds, ms: rounds * latencyMs }
  })
  const critical = bounds.reduce<EndpointBound>(
    (a, b) => (b.rounds > a.rounds ? b : a),
    bounds[0] ?? {
      endpoint: 'none',
      prefix: 0,
      chain: 0,
      chainOf: '',
      throughput: 0,
      rounds: 0,
      ms: 0,
    },
  )
  return { boundMs: critical.ms, critical, endpoints: bounds, unmodelled }
}
