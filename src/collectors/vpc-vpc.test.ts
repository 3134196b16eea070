import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { httpError } from '../clients/testing/http-error.ts'
import { flowLogsSample, subnetsSample, vpcsSample } from '../clients/vpc/fixtures.ts'
import { FlowLogWire, SubnetWire, VpcWire } from '../clients/vpc/schemas.ts'
import { CTX, fakeService } from './testing.ts'
import { toVpc, vpcVpcCollector } from './vpc-vpc.ts'

const vpcW = VpcWire.parse(vpcsSample.vpcs[0])
const subnet = SubnetWire.parse({ ...subnetsSample.subnets[0], vpc_id: vpcW.id })
const onSubnet = FlowLogWire.parse({
  ...flowLogsSample.flow_logs[0],
  resource_type: 'network',
  resource_id: subnet.id,
})

describe('vpc.vpc collection', () => {
  it('keeps the flow logs of the VPC and its subnets; the sample’s port log is on neither', () => {
    const v = toVpc(vpcW, [subnet], [FlowLogWire.parse(flowLogsSample.flow_logs[0]), onSubnet], CTX)
    assert.deepEqual(v.subnetIds, ['4779ab1c-7c1a-44b1-a02e-93dfc361b32d'])
    assert.deepEqual(
      v.flowLogs?.map((f) => [f.resourceType, f.active]),
      [['network', true]],
    )
  })

  it('keeps the VPCs with flow logs null, and one issue, when the flow logs cannot be read', async () => {
    const out = await vpcVpcCollector.collect({
      ...CTX,
      client: async () =>
        fakeService('vpc', {
          ListVpcs: [vpcsSample.vpcs[0]],
          ListSubnets: [subnetsSample.subnets[0]],
          ListFlowLogs: (req) => httpError(req, 403, 'VPC.0004'),
        }),
      shared: (_k, fn) => fn(),
      issue: (err) => ({
        service: 'vpc',
        resourceType: 'vpc.vpc',
        region: CTX.region,
        errorKind: 'forbidden',
        message: err instanceof Error ? err.message : String(err),
      }),
    })
    assert.equal(out.resources[0]?.flowLogs, null)
    assert.match(out.issues?.[0]?.message ?? '', /^flow logs \(ListFlowLogs\)/)
  })
})
