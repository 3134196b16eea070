/**
 * Held-back verdicts of the CCE checks on the documented sample bodies (otc-api-platform.md §4,
 * gopher and python-otcextensions fixtures), not on the emulator's output: each body is parsed by
 * the client's schema, mapped by the collector and judged by the check. The expected verdicts
 * were written from reading the samples and the lifecycle sources, before running the checks.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import cceClusterApiNotPublic from '../../src/checks/cce/cce-cluster-api-not-public.ts'
import cceClusterVersionSupported from '../../src/checks/cce/cce-cluster-version-supported.ts'
import cceNodeOsSupported from '../../src/checks/cce/cce-node-os-supported.ts'
import { check } from '../../src/checks/testing.ts'
import * as fx from '../../src/clients/cce/fixtures.ts'
import { ClusterWire, NodeWire } from '../../src/clients/cce/schemas.ts'
import { toCceCluster } from '../../src/collectors/cce-cluster.ts'
import { toCceNode } from '../../src/collectors/cce-node.ts'
import { CTX } from '../../src/collectors/testing.ts'

/** The scan date of the table: after CCE's EOS of 1.28 (2025-10) and EulerOS 2.9 (2025-12-31). */
const at = { now: new Date('2026-12-01T12:00:00Z') }

const withEndpoints = (endpoints: unknown) =>
  ClusterWire.parse({ ...fx.cceClustersSample.items[0], status: { phase: 'Available', endpoints } })

const CLUSTERS: [sample: string, wire: unknown, version: string, api: string][] = [
  // v1.17.9-r0: EOS of CCE clusters January 2023; `external` https://10.34.56.78:5443 (an EIP).
  ['§4.1 list sample', fx.cceClustersSample.items[0], 'fail', 'fail'],
  // v1.13.10-r0: EOS March 2022; internal and external_otc only.
  ['pyotc EXAMPLE_LIST', fx.pyotcClustersSample.items[0], 'fail', 'pass'],
  // v1.7.3-r10: older than the policy table (derived EOS, unverified); Huawei array, internal only.
  ['gopher Output', fx.gopherClusterSample, 'fail', 'pass'],
  // The OTC doc's malformed array names an `External` URL.
  ['OTC doc endpoints', withEndpoints(fx.otcDocEndpointsSample), 'fail', 'fail'],
  // No endpoints at all: nothing to tell whether an EIP is bound.
  ['no endpoints', withEndpoints(null), 'fail', 'manual'],
]

const NODES: [sample: string, wire: unknown, os: string][] = [
  // EulerOS 2.5: no published end of life (Huawei publishes none; not in the CCE bulletins).
  ['§4.2 nodes sample', fx.cceNodesSample.items[0], 'manual'],
  // EulerOS 2.2: likewise no date.
  ['pyotc EXAMPLE_LIST', fx.pyotcNodesSample.items[0], 'manual'],
]

describe('CCE checks on the documented sample bodies (held-back verdicts)', () => {
  for (const [sample, wire, version, api] of CLUSTERS)
    it(`${sample}: version ${version}, API ${api}`, () => {
      const c = toCceCluster(ClusterWire.parse(wire), CTX)
      assert.equal(check(cceClusterVersionSupported, c, [], at).status, version)
      assert.equal(check(cceClusterApiNotPublic, c, [], at).status, api)
    })

  for (const [sample, wire, os] of NODES)
    it(`${sample}: node OS ${os}`, () => {
      const cluster = ClusterWire.parse(fx.cceClustersSample.items[0])
      const n = toCceNode(NodeWire.parse(wire), cluster, CTX)
      assert.equal(check(cceNodeOsSupported, n, [], at).status, os)
    })

  it('the §4.2 sample with the OS CCE ended (EulerOS 2.9) fails, with Ubuntu 22.04 passes', () => {
    const cluster = ClusterWire.parse(fx.cceClustersSample.items[0])
    const node = (os: string) =>
      toCceNode(
        NodeWire.parse({
          ...fx.cceNodesSample.items[0],
          spec: { ...fx.cceNodesSample.items[0]!.spec, os },
        }),
        cluster,
        CTX,
      )
    assert.equal(check(cceNodeOsSupported, node('EulerOS 2.9'), [], at).status, 'fail')
    assert.equal(check(cceNodeOsSupported, node('Ubuntu 22.04'), [], at).status, 'pass')
  })
})
