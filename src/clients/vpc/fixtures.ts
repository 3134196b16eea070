/**
 * VPC API v1 samples, verbatim from otc-api-platform.md §7.
 * @module
 */

/** §7.1 GET /v1/{project_id}/fl/flow_logs. */
export const flowLogsSample = {
  flow_logs: [
    {
      id: '35868d55-443e-4d5c-90a4-ac618dc45c1a',
      name: 'flowlog',
      description: 'just a test',
      tenant_id: 'b2782e6708b8475c993e6064bc456bf8',
      resource_type: 'port',
      resource_id: '05c4052d-8d14-488f-aa00-19fea5a25fde',
      traffic_type: 'reject',
      log_group_id: '05c4052d-8d14-488f-aa00-19fea5a25fff',
      log_topic_id: 'a9d7dee7-37d2-4cba-a208-a016252aaa63',
      created_at: '2019-01-14T11:03:02',
      updated_at: '2019-01-14T11:03:02',
      status: 'ACTIVE',
      admin_state: true,
    },
  ],
}

/** §7.2 GET /v1/{project_id}/vpcs. */
export const vpcsSample = {
  vpcs: [
    {
      id: '13551d6b-755d-4757-b956-536f674975c0',
      name: 'default',
      description: 'test',
      cidr: '172.16.0.0/16',
      status: 'OK',
      enterprise_project_id: '0',
      routes: [],
      enable_shared_snat: false,
      tenant_id: '087679f0aa80d32a2f4ec0172f5e902b',
      created_at: '2022-12-15T02:11:13',
      updated_at: '2022-12-15T02:11:13',
    },
  ],
}

/** §7.2 GET /v1/{project_id}/subnets. */
export const subnetsSample = {
  subnets: [
    {
      id: '4779ab1c-7c1a-44b1-a02e-93dfc361b32d',
      name: 'subnet',
      cidr: '192.168.20.0/24',
      status: 'ACTIVE',
      vpc_id: '3ec3b33f-ac1c-4630-ad1c-7dba1ed79d85',
      gateway_ip: '192.168.20.1',
      dhcp_enable: true,
      neutron_network_id: '4779ab1c-7c1a-44b1-a02e-93dfc361b32d',
      neutron_subnet_id: '213cb9d-3122-2ac1-1a29-91ffc1231a12',
      availability_zone: 'aa-bb-cc',
      tenant_id: '087679f0aa80d32a2f4ec0172f5e902b',
      created_at: '2022-12-15T02:42:07',
    },
  ],
}
