import { defineCheck, fail, label, manual, pass } from '../define.ts'

export default defineCheck({
  id: 'cce-cluster-api-not-public',
  title: 'CCE cluster API servers have no public address',
  duty: 'network-access',
  service: 'cce',
  resourceType: 'cce.cluster',
  severity: 'high',
  rationale:
    'An EIP bound to the master puts the Kubernetes API server on the internet: every leaked kubeconfig, token or API server vulnerability is then exploitable from anywhere, not only from the VPC.',
  remediation: {
    text: 'Console: CCE > the cluster > Overview > Connection Information > EIP: Unbind; reach the API server from inside the VPC (a bastion, VPN or Direct Connect), or restrict the master security group if public access must stay.',
    cli: 'PUT /api/v3/projects/{project_id}/clusters/{cluster_id}/mastereip {"spec": {"action": "unbind"}}',
    terraform:
      'resource "opentelekomcloud_cce_cluster_v3" "k8s" {\n  # no eip argument: the API server gets no public address\n}',
  },
  references: ['C5:COS-01', 'C5:COS-04', 'CCM:IVS-03'],
  requires: [],
  evaluate(cluster) {
    const name = label(cluster)
    const evidence = {
      internal: [...cluster.internalEndpoints],
      external: [...cluster.externalEndpoints],
      clusterExternalIP: cluster.externalIp,
      externalOtc: [...cluster.gatewayEndpoints],
    }
    if (cluster.externalEndpoints.length > 0 || cluster.externalIp !== null) {
      const where = cluster.externalEndpoints[0] ?? cluster.externalIp
      return fail(`${name} has a public API server endpoint (${where})`, evidence)
    }
    if (cluster.internalEndpoints.length === 0)
      return manual(
        `${name} reports no API server endpoint (phase ${cluster.phase ?? 'unknown'}); cannot tell whether an EIP is bound`,
        evidence,
      )
    return pass(`${name} serves its API inside the VPC only`, evidence)
  },
})
