/**
 * Wire shapes of DCS v2 (otc-api-platform.md §5): instances (`offset` + `limit`, total in
 * `instance_num`) and an instance's IP whitelist. The docs type `no_password_access` as String
 * while the sample shows a boolean, `publicip_id` as `{}`, `enterprise_project_id` as a number:
 * all read leniently.
 * @module
 */
import { z } from 'zod'
import { looseBool } from '../kms/schemas.ts'

/** One instance of GET /v2/{project_id}/instances. */
export const DcsInstanceWire = z.object({
  instance_id: z.string(),
  name: z.string(),
  /** Redis (Memcached historically). */
  engine: z.string(),
  engine_version: z.string(),
  /** CREATING, RUNNING, ERROR, RESTARTING, … */
  status: z.string(),
  /** true: clients connect without a password. */
  no_password_access: looseBool,
  access_user: z.string().nullish(),
  /** Comma-separated for clusters. */
  ip: z.string().nullish(),
  port: z.number().nullish(),
  domain_name: z.string().nullish(),
  vpc_id: z.string().nullish(),
  subnet_id: z.string().nullish(),
  security_group_id: z.string().nullish(),
  /** "Reserved" on OTC (no public access); read only to report it. */
  enable_publicip: looseBool.nullish(),
  publicip_address: z.string().nullish(),
  enable_ssl: looseBool.nullish(),
  spec_code: z.string().optional(),
  az_codes: z.array(z.string()).optional(),
  created_at: z.string().optional(),
})
export type DcsInstanceWire = z.output<typeof DcsInstanceWire>

/** GET /v2/{project_id}/instances. */
export const ListDcsInstancesResponse = z.object({
  instance_num: z.number(),
  instances: z.array(DcsInstanceWire),
})
export type ListDcsInstancesResponse = z.output<typeof ListDcsInstancesResponse>

/** GET /v2/{project_id}/instance/{instance_id}/whitelist (singular `instance`). */
export const ShowWhitelistResponse = z.object({
  instance_id: z.string().optional(),
  enable_whitelist: looseBool,
  whitelist: z
    .array(z.object({ group_name: z.string(), ip_list: z.array(z.string()) }))
    .default([]),
  whitelist_ip_limit_num: z.number().optional(),
})
export type ShowWhitelistResponse = z.output<typeof ShowWhitelistResponse>
