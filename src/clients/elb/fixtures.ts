/**
 * ELB samples: v3 verbatim from otc-api-platform.md §3.2, §3.3, §3.5 (the OTC ELB API reference),
 * the v3 forwarding-policy list from the reference's `dedicated/examples/l7policy-list-response.json`,
 * OTC's v2 certificate list (`elb_zq_zs_0002`, PEM bodies cut), and Octavia's
 * `api-ref/source/v2/examples/{loadbalancers,listeners,l7policies}-list-response.json`.
 * @module
 */

/** §3.2 GET /v3/{project_id}/elb/loadbalancers. */
export const loadbalancersV3Sample = {
  request_id: '46b7d911-cece-408c-a2cc-55c78ab025d8',
  loadbalancers: [
    {
      id: 'cce5318e-c79a-4f68-94a2-9fb285c6efbe',
      project_id: '057ef081eb00d2732fd1c01a9be75e6f',
      name: 'elb-reset',
      vip_address: null,
      provisioning_status: 'ACTIVE',
      operating_status: 'ONLINE',
      listeners: [{ id: '0ae21c37-8b90-4e73-8a35-eedde6d2538c' }],
      vpc_id: '59cb11ef-f185-49ba-92af-0539e8ff9734',
      availability_zone_list: ['az1'],
      publicips: [
        {
          publicip_id: '0c07e04d-e2f9-41ad-b934-f58a65b6734d',
          publicip_address: '97.97.2.171',
          ip_version: 4,
        },
      ],
      eips: [
        {
          eip_id: '0c07e04d-e2f9-41ad-b934-f58a65b6734d',
          eip_address: '97.97.2.171',
          ip_version: 4,
        },
      ],
      guaranteed: true,
      deletion_protection_enable: false,
      created_at: '2021-07-26T02:46:31Z',
    },
  ],
  page_info: {
    next_marker: 'cce5318e-c79a-4f68-94a2-9fb285c6efbe',
    previous_marker: '65672f7e-2024-4c39-9198-98249da479c5',
    current_count: 2,
  },
}

/** §3.3 GET /v3/{project_id}/elb/listeners. */
export const listenersV3Sample = {
  listeners: [
    {
      id: '0b455839-3ea7-4bac-ad26-35bf22f96ea4',
      name: 'listener-test',
      protocol_port: 86,
      protocol: 'TERMINATED_HTTPS',
      default_tls_container_ref: 'ad9b123e858d4652b80e89b9941e49a4',
      client_ca_tls_container_ref: '7875ccb4c6b44cdb90ab2ab89892ab71',
      sni_container_refs: ['7f41c96223d34ebaa3c8e836b6625ec0'],
      loadbalancers: [{ id: '309a0f61-0b62-45f2-97d1-742f3434338e' }],
      tls_ciphers_policy: 'tls-1-0',
      http2_enable: false,
      ipgroup: null,
      insert_headers: { 'X-Forwarded-ELB-IP': true },
      project_id: '99a3fff0d03c428eac3678da6a7d0f24',
      created_at: '2019-03-22T23:37:14Z',
    },
  ],
  page_info: {
    next_marker: '0b455839-3ea7-4bac-ad26-35bf22f96ea4',
    previous_marker: '0b11747a-b139-492f-9692-2df0b1c87193',
    current_count: 2,
  },
  request_id: '774640ee-6863-4de3-8156-aff16f51a087',
}

/** GET /v3/{project_id}/elb/l7policies (first element of the reference's sample). */
export const l7policiesV3Sample = {
  request_id: 'd3c67339-be91-4813-bb24-85728a5d326a',
  l7policies: [
    {
      redirect_pool_id: '3b34340d-59e8-4c70-9ef5-b41b12023dc9',
      description: '',
      admin_state_up: true,
      rules: [{ id: '1e5f17df-feec-427e-a162-8e4e05e91085' }],
      project_id: '99a3fff0d03c428eac3678da6a7d0f24',
      listener_id: 'e2220d2a-3faf-44f3-8cd6-0c42952bd0ab',
      action: 'REDIRECT_TO_POOL',
      position: 100,
      provisioning_status: 'ACTIVE',
      id: '0d7bf316-2e03-411f-bf29-c403c04e52bf',
      name: 'elbv3',
    },
  ],
  page_info: {
    next_marker: '2587d8b1-9e8d-459c-9081-7bccaa075d2b',
    previous_marker: '0d7bf316-2e03-411f-bf29-c403c04e52bf',
    current_count: 2,
  },
}

/** §3.5 GET /v3/{project_id}/elb/certificates (PEM bodies shortened as in the doc). */
export const certificatesV3Sample = {
  certificates: [
    {
      id: '7f41c96223d34ebaa3c8e836b6625ec0',
      project_id: '99a3fff0d03c428eac3678da6a7d0f24',
      name: 'asdf',
      type: 'server',
      domain: 'sda.com',
      description: '',
      certificate: '-----BEGIN CERTIFICATE-----MIIC4T…-----END CERTIFICATE-----',
      private_key: '-----BEGIN PRIVATE KEY-----MIIEvg…-----END PRIVATE KEY-----',
      admin_state_up: true,
      created_at: '2019-04-21T18:59:43Z',
      updated_at: '2019-04-21T18:59:43Z',
      expire_time: '2045-11-17T13:25:47Z',
    },
  ],
  page_info: {
    next_marker: '7f41c96223d34ebaa3c8e836b6625ec0',
    previous_marker: '5494a835d88f40ff940554992f2f04d4',
    current_count: 3,
  },
  request_id: '3a1f2b7e-0a57-4c49-9a3b-5f3c1c2b8e11',
}

/**
 * §3.4 system policies as GET /v3/{project_id}/elb/system-security-policies names them
 * (space-separated `protocols`; ciphers cut). The doc gives the list call's fields and the
 * protocols per policy, not one body: this is that table in the list's shape.
 */
export const systemSecurityPoliciesSample = {
  system_security_policies: [
    { name: 'tls-1-0', protocols: 'TLSv1.2 TLSv1.1 TLSv1', ciphers: 'ECDHE-RSA-AES256-GCM-SHA384' },
    { name: 'tls-1-1', protocols: 'TLSv1.2 TLSv1.1', ciphers: 'ECDHE-RSA-AES256-GCM-SHA384' },
    { name: 'tls-1-2', protocols: 'TLSv1.2', ciphers: 'ECDHE-RSA-AES256-GCM-SHA384' },
    { name: 'hybrid-policy-1-0', protocols: 'TLSv1.2 TLSv1.1', ciphers: 'ECC-SM4-SM3' },
  ],
  request_id: 'b8e1ac2f-8d62-4a8e-9cf8-0d6a3bb1e1c3',
}

/** §3.4 GET /v3/{project_id}/elb/security-policies: the field list (`protocols` an array). */
export const securityPoliciesSample = {
  security_policies: [
    {
      id: 'a8a3e4e4-2f6b-4b8e-8d0a-5c7f3d1c2b9a',
      name: 'legacy-clients',
      protocols: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
      ciphers: ['ECDHE-RSA-AES128-SHA'],
      listeners: [{ id: '0b455839-3ea7-4bac-ad26-35bf22f96ea4' }],
    },
  ],
  page_info: { next_marker: 'a8a3e4e4-2f6b-4b8e-8d0a-5c7f3d1c2b9a', current_count: 1 },
}

/** Octavia `loadbalancers-list-response.json`. */
export const octaviaLoadbalancersSample = {
  loadbalancers: [
    {
      description: 'My favorite load balancer',
      admin_state_up: true,
      project_id: 'e3cd678b11784734bc366148aa37580e',
      provisioning_status: 'ACTIVE',
      flavor_id: '',
      vip_subnet_id: 'd4af86e1-0051-488c-b7a0-527f97490c9a',
      listeners: [{ id: '023f2e34-7806-443b-bfae-16c324569a3d' }],
      vip_address: '203.0.113.50',
      vip_network_id: 'd0d217df-3958-4fbf-a3c2-8dad2908c709',
      vip_port_id: 'b4ca07d1-a31e-43e2-891a-7d14f419f342',
      provider: 'octavia',
      pools: [{ id: '9aa16cdc-8d18-47b9-aba9-ec044531a79f' }],
      created_at: '2017-02-28T00:41:44',
      updated_at: '2017-02-28T00:43:30',
      id: '607226db-27ef-4d41-ae89-f2a800e9c2db',
      operating_status: 'ONLINE',
      name: 'best_load_balancer',
    },
  ],
}

/** Octavia `listeners-list-response.json` (its duplicate `id` key in `l7policies` kept once). */
export const octaviaListenersSample = {
  listeners: [
    {
      description: 'A great TLS listener',
      admin_state_up: true,
      project_id: 'e3cd678b11784734bc366148aa37580e',
      protocol: 'TERMINATED_HTTPS',
      protocol_port: 443,
      provisioning_status: 'ACTIVE',
      default_tls_container_ref:
        'http://198.51.100.10:9311/v1/containers/a570068c-d295-4780-91d4-3046a325db51',
      loadbalancers: [{ id: '607226db-27ef-4d41-ae89-f2a800e9c2db' }],
      insert_headers: { 'X-Forwarded-Port': 'true', 'X-Forwarded-For': 'true' },
      created_at: '2017-02-28T00:42:44',
      updated_at: '2017-02-28T00:44:30',
      id: '023f2e34-7806-443b-bfae-16c324569a3d',
      operating_status: 'ONLINE',
      default_pool_id: 'ddb2b28f-89e9-45d3-a329-a359c3e39e4a',
      sni_container_refs: [
        'http://198.51.100.10:9311/v1/containers/a570068c-d295-4780-91d4-3046a325db51',
        'http://198.51.100.10:9311/v1/containers/aaebb31e-7761-4826-8cb4-2b829caca3ee',
      ],
      l7policies: [{ id: '5e618272-339d-4a80-8d14-dbc093091bb1' }],
      name: 'great_tls_listener',
      timeout_client_data: 50000,
      timeout_member_connect: 5000,
      timeout_member_data: 50000,
      timeout_tcp_inspect: 0,
      tags: ['test_tag'],
      client_ca_tls_container_ref:
        'http://198.51.100.10:9311/v1/containers/35649991-49f3-4625-81ce-2465fe8932e5',
      client_authentication: 'NONE',
      client_crl_container_ref:
        'http://198.51.100.10:9311/v1/containers/e222b065-b93b-4e2a-9a02-804b7a118c3c',
    },
  ],
}

/** Octavia `l7policies-list-response.json`. */
export const octaviaL7policiesSample = {
  l7policies: [
    {
      listener_id: '023f2e34-7806-443b-bfae-16c324569a3d',
      description: 'Redirect requests to example.com',
      admin_state_up: true,
      rules: [{ id: 'efd6a3f8-73bf-47f0-8ae6-503ebda57372' }],
      created_at: '2017-06-24T23:25:14',
      provisioning_status: 'ACTIVE',
      updated_at: '2017-06-24T23:30:05',
      redirect_http_code: 302,
      redirect_pool_id: null,
      redirect_prefix: null,
      redirect_url: 'http://www.example.com',
      action: 'REDIRECT_TO_URL',
      position: 1,
      project_id: 'e3cd678b11784734bc366148aa37580e',
      id: '8a1412f0-4c32-4257-8b07-af4770b604fd',
      operating_status: 'ONLINE',
      name: 'redirect-example.com',
      tags: ['test_tag'],
    },
  ],
}

/** OTC GET /v2.0/lbaas/certificates, examples 1 and 2 (the second one expired in 2019). */
export const certificatesV2Sample = {
  certificates: [
    {
      certificate:
        '-----BEGIN CERTIFICATE-----\nMIIC4TCCAcmgAwIBAgICEREw…\n-----END CERTIFICATE-----',
      create_time: '2017-02-25 09:35:27',
      expire_time: '2045-11-17 13:25:47',
      description: 'description for certificate',
      domain: 'www.elb.com',
      id: '23ef9aad4ecb463580476d324a6c71af',
      admin_state_up: true,
      tenant_id: 'a31d2bdcf7604c0faaddb058e1e08819',
      name: 'https_certificate',
      private_key:
        '-----BEGIN PRIVATE KEY-----\nMIIEvgIBADANBgkqhkiG9w0B…\n-----END PRIVATE KEY-----',
      type: 'server',
      update_time: '2017-02-25 09:35:27',
    },
    {
      description: 'Push by SSL Certificate Manager',
      domain: null,
      id: 'ed40e8ea9957488ea82de025e35b74c0',
      name: 'certForSonar9',
      certificate:
        '-----BEGIN CERTIFICATE-----\nMIIFizCCBHOgAwIBAgIQBlQy…\n-----END CERTIFICATE-----',
      type: 'server',
      create_time: '2019-03-03 16:32:30',
      private_key:
        '-----BEGIN RSA PRIVATE KEY-----\nMIIEpQIBAAKCAQEArUw5UDKA…\n-----END RSA PRIVATE KEY-----',
      update_time: '2019-03-03 16:32:30',
      admin_state_up: true,
      tenant_id: '601240b9c5c94059b63d484c92cfe308',
      expire_time: '2019-07-10 12:00:00',
    },
  ],
  instance_num: 2,
}
