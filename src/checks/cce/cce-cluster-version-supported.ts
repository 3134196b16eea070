import { defaultCceVersionLifecycle } from '../../lifecycle/cce-version-eol.ts'
import { defineCheck, fail, label, manual, pass } from '../define.ts'

export default defineCheck({
  id: 'cce-cluster-version-supported',
  title: 'CCE clusters run a Kubernetes version CCE still supports',
  duty: 'software-updates',
  service: 'cce',
  resourceType: 'cce.cluster',
  severity: 'high',
  rationale:
    'After the end of support (EOS) of a cluster version CCE ships no vulnerability fixes or patches for it and its SLA no longer applies; upgrading the cluster is the customer’s task.',
  remediation: {
    text: 'Console: CCE > the cluster > Cluster Upgrade: run the pre-upgrade check, then upgrade one minor version at a time to a version in commercial use; upgrade the node pools after the control plane.',
    cli: 'POST /api/v3.1/projects/{project_id}/clusters/{cluster_id}/operation/upgrade (see the CCE API reference, Cluster Upgrade)',
    terraform: 'resource "opentelekomcloud_cce_cluster_v3" "k8s" {\n  cluster_version = "v1.31"\n}',
  },
  references: ['C5:OPS-18', 'C5:OPS-23', 'CCM:TVM-05'],
  requires: [],
  evaluate(cluster, ctx) {
    const name = label(cluster)
    if (cluster.version === null) return manual(`${name} reports no Kubernetes version`)
    const r = defaultCceVersionLifecycle().lookup(cluster.version)
    if (!r)
      return manual(`${name} runs ${cluster.version}, which has no CCE lifecycle data`, {
        version: cluster.version,
      })
    const basis = r.verified ? "CCE's end of support" : "end of support (derived, not OTC's)"
    const evidence = {
      version: cluster.version,
      kubernetes: r.version,
      eos: r.eos,
      verified: r.verified,
      source: r.source,
    }
    const today = ctx.now.toISOString().slice(0, 10)
    if (r.eos < today)
      return fail(`${name} runs Kubernetes ${r.version}, past ${basis} on ${r.eos}`, evidence)
    return pass(`${name} runs Kubernetes ${r.version}, supported until ${r.eos}`, evidence)
  },
})
