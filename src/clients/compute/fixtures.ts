/**
 * Canonical Nova samples (verbatim from otc-api.md) and builders of valid wire items for tests,
 * collectors and the emulator.
 * @module
 */
import { fakeHex, makeBuilder } from '../testing/fixture-ids.ts'
import { FlavorWire, KeypairWire, ServerWire } from './schemas.ts'

/** Real sample body, verbatim from otc-api.md §2.1 GET /v2.1/{project_id}/servers/detail. */
export const novaServersDetailSample = {
  servers: [
    {
      id: '05184ba3-00ba-4fbc-b7a2-03b62b884931',
      name: 'new-server-test',
      status: 'ACTIVE',
      created: '2012-09-07T16:56:37Z',
      updated: '2012-09-07T16:56:37Z',
      tenant_id: 'openstack',
      user_id: 'fake',
      key_name: 'KeyPair-3b38',
      image: '',
      flavor: {
        id: 's3.xlarge.2',
        links: [
          { href: 'http://openstack.example.com/openstack/flavors/s3.xlarge.2', rel: 'bookmark' },
        ],
      },
      addresses: {
        '68269e6e-4a27-441b-8029-35373ad50bd9': [
          {
            addr: '192.168.0.3',
            version: 4,
            'OS-EXT-IPS:type': 'fixed',
            'OS-EXT-IPS-MAC:mac_addr': 'fa:16:3e:95:88:3f',
          },
        ],
      },
      security_groups: [{ name: 'default' }],
      metadata: {
        'metering.image_id': 'c0ea3ff1-432e-4650-8a1b-372a80b2d2be',
        'metering.imagetype': 'gold',
        image_name: 'Standard_CentOS_7_latest',
        os_bit: '64',
        os_type: 'Linux',
        vpc_id: '0b98c646-617f-4d90-9ca5-385f0cd73ea7',
        charging_mode: '0',
      },
      'OS-EXT-AZ:availability_zone': 'eu-de-01',
      'OS-EXT-STS:vm_state': 'active',
      'OS-EXT-STS:power_state': 1,
      'os-extended-volumes:volumes_attached': [
        {
          id: '2edc879f-022e-4bd6-b079-95a27564d449',
          delete_on_termination: false,
        },
      ],
      tags: [],
      links: [
        {
          href: 'http://openstack.example.com/v2/openstack/servers/05184ba3-00ba-4fbc-b7a2-03b62b884931',
          rel: 'self',
        },
      ],
    },
  ],
  servers_links: [
    {
      rel: 'next',
      href: 'https://ecs.eu-de.otc.t-systems.com/v2.1/<pid>/servers/detail?limit=1&marker=05184ba3-00ba-4fbc-b7a2-03b62b884931',
    },
  ],
}

/** Real sample body, verbatim from otc-api.md §12 GET /v2.1/{project_id}/os-keypairs. */
export const novaKeypairsSample = {
  keypairs: [
    {
      keypair: {
        name: 'keypair-601a2305-4f25-41ed-89c6-2a966fc8027a',
        type: 'ssh',
        fingerprint: '15:b0:f8:b3:f9:48:63:**:**:**:**:**:**:**:**:**',
        public_key: 'ssh-rsa AAAAB3NzaC1yc2E... Generated-by-Nova\n',
      },
    },
  ],
}

/**
 * Not in otc-api.md: a Nova `flavors/detail` body in the shape of the Nova API reference ("List
 * Flavors With Details"), with an OTC flavor name and OTC's `os_extra_specs`.
 */
export const novaFlavorsDetailSample = {
  flavors: [
    {
      id: 's3.xlarge.2',
      name: 's3.xlarge.2',
      vcpus: 4,
      ram: 8192,
      disk: 0,
      swap: '',
      'OS-FLV-EXT-DATA:ephemeral': 0,
      'OS-FLV-DISABLED:disabled': false,
      'os-flavor-access:is_public': true,
      rxtx_factor: 1.0,
      os_extra_specs: { 'ecs:performancetype': 'normal', 'cond:operation:status': 'normal' },
      links: [
        { href: 'https://ecs.eu-de.otc.t-systems.com/v2.1/<pid>/flavors/s3.xlarge.2', rel: 'self' },
      ],
    },
  ],
}

const baseServer = ServerWire.parse(novaServersDetailSample.servers[0])
const baseKeypair = KeypairWire.parse(novaKeypairsSample.keypairs[0]?.keypair)
const baseFlavor = FlavorWire.parse(novaFlavorsDetailSample.flavors[0])

/**
 * A valid Nova server (the doc sample); a new `name` derives a stable new `id`.
 * @example serverWire({ name: 'web-1', key_name: null })
 */
export const serverWire = makeBuilder<ServerWire>(baseServer, { kind: 'server' })

/** A valid key pair as listed (inside `keypairs[].keypair`); a new `name` derives a new fingerprint. */
export const keypairWire = makeBuilder<KeypairWire>(baseKeypair, {
  kind: 'keypair',
  idKey: 'fingerprint',
  makeId: (seed) => (fakeHex(seed, 32).match(/../g) ?? []).join(':'),
})

/** A valid flavor; a new `name` becomes the id too (OTC flavor ids are their names). */
export const flavorWire = makeBuilder<FlavorWire>(baseFlavor, {
  kind: 'flavor',
  makeId: (seed) => seed.slice('flavor:'.length),
})
