/**
 * DCS v2 samples, verbatim from otc-api-platform.md §5 (the DCS API reference's samples).
 * @module
 */
import { makeBuilder } from '../testing/fixture-ids.ts'
import { DcsInstanceWire } from './schemas.ts'

/** §5.1 GET /v2/{project_id}/instances. */
export const dcsInstancesSample = {
  instance_num: 1,
  instances: [
    {
      instance_id: 'c830053e-d5a3-4bc0-b6d6-ca37d1ea9dd5',
      name: 'dcs-lpvo0829',
      engine: 'Redis',
      engine_version: '5.0',
      status: 'RUNNING',
      no_password_access: true,
      access_user: null,
      ip: '192.168.0.195',
      port: 6379,
      enable_publicip: false,
      publicip_id: {},
      publicip_address: null,
      enable_ssl: false,
      vpc_id: '5e37b3be-950a-48e1-b498-65b63d336481',
      subnet_id: 'a4112635-3ec0-471c-95c3-5cf49b9533af',
      security_group_id: 'securityGroupId',
      spec_code: 'redis.ha.xu1.tiny.r2.128',
      az_codes: ['region01', 'region02'],
      features: {
        support_acl: true,
        support_transparent_client_ip: true,
        support_ssl: false,
        support_audit_log: false,
      },
      created_at: '2022-08-29T09:00:34.335Z',
      sub_status: 'normal',
    },
  ],
}

/** §5.2 GET /v2/{project_id}/instance/{instance_id}/whitelist. */
export const whitelistSample = {
  instance_id: 'c830053e-d5a3-4bc0-b6d6-ca37d1ea9dd5',
  enable_whitelist: true,
  whitelist: [{ group_name: 'test001', ip_list: ['10.10.10.1'] }],
  whitelist_ip_limit_num: 20,
}

/** A valid instance; a new `name` derives a stable new UUID `instance_id`. */
export const dcsInstanceWire = makeBuilder<DcsInstanceWire>(
  DcsInstanceWire.parse(dcsInstancesSample.instances[0]),
  { kind: 'dcs-instance', idKey: 'instance_id' },
)
