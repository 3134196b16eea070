import { detectOs } from '../../lifecycle/detect-os.ts'
import { defaultOsLifecycle, releaseLabel, supportPhase } from '../../lifecycle/os-eol.ts'
import { defineCheck, fail, label, manual, pass } from '../define.ts'

export default defineCheck({
  id: 'cce-node-os-supported',
  title: 'CCE worker nodes run an operating system release that still gets security updates',
  duty: 'guest-os',
  service: 'cce',
  resourceType: 'cce.node',
  severity: 'high',
  rationale:
    'Worker nodes are servers in the customer’s project: CCE does not replace their OS. After its end of life a node OS gets no security fixes, and every container on the node shares its kernel.',
  remediation: {
    text: 'Console: CCE > the cluster > Nodes > Node Pools > Update: choose a supported OS (HCE OS 2.0 or Ubuntu 22.04), then drain and reset the nodes one by one (More > Reset Node).',
    cli: 'PUT /api/v3/projects/{project_id}/clusters/{cluster_id}/nodepools/{nodepool_id} (spec.nodeTemplate.os), then POST …/clusters/{cluster_id}/nodes/reset',
    terraform: 'resource "opentelekomcloud_cce_node_pool_v3" "pool" {\n  os = "HCE OS 2.0"\n}',
  },
  references: ['C5:OPS-23', 'C5:PSS-11', 'CCM:TVM-07'],
  requires: [],
  evaluate(node, ctx) {
    const name = `${label(node)} of cluster ${node.clusterName}`
    if (node.os === null) return manual(`${name} reports no OS`)
    const os = detectOs({ osVersion: node.os })
    const facts = { os: node.os, cluster: node.clusterName }
    if (!os) return manual(`${name}: cannot tell the release of its OS "${node.os}"`, facts)
    const release = defaultOsLifecycle().lookup(os)
    const evidence = { ...facts, distro: os.distro, version: os.version }
    if (!release) return manual(`${name} runs ${node.os}, which has no lifecycle data`, evidence)
    const phase = supportPhase(release, ctx.now)
    const dates = { ...evidence, eol: release.eol, lifecycleSource: release.source }
    const osName = releaseLabel(release)
    if (phase === 'rolling' || phase === 'unknown')
      return manual(`${name} runs ${osName}, whose end of life is not known`, dates)
    if (phase === 'standard')
      return pass(`${name} runs ${osName}, supported until ${release.eol}`, dates)
    if (phase === 'extended' && ctx.settings.osSupportPhase === 'extended')
      return pass(`${name} runs ${osName}, in extended support until ${release.extendedEol}`, dates)
    return fail(`${name} runs ${osName}, past its end of support on ${release.eol}`, dates)
  },
})
