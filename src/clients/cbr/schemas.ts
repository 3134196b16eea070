/**
 * Wire shapes of the CBR v3 API: vaults, policies, backups. Times are `.000+00:00` strings.
 * @module
 */
import { z } from 'zod'

/** A `{ key, value }` tag. */
export const TagWire = z.object({ key: z.string(), value: z.string() })

/** A resource protected by a vault (`resources[]`). */
export const VaultResourceWire = z.object({
  /** ECS or EVS id. */
  id: z.string(),
  name: z.string(),
  /** OS::Nova::Server, OS::Cinder::Volume, OS::Sfs::Turbo. */
  type: z.string(),
  /** available, error, protecting, restoring, removing. */
  protect_status: z.string().optional(),
  size: z.number().optional(),
  backup_size: z.number().optional(),
  backup_count: z.number().optional(),
  extra_info: z.record(z.string(), z.unknown()).nullish(),
})
export type VaultResourceWire = z.output<typeof VaultResourceWire>

/** Billing block of a vault: capacity and state. */
export const VaultBillingWire = z.object({
  allocated: z.number().optional(),
  /** MB used. */
  used: z.number().optional(),
  /** GB capacity. */
  size: z.number(),
  /** available, lock, frozen, deleting, error. */
  status: z.string(),
  cloud_type: z.string().optional(),
  charging_mode: z.string().optional(),
  consistent_level: z.string().optional(),
  /** server, disk, turbo. */
  object_type: z.string(),
  protect_type: z.string().optional(),
  spec_code: z.string().optional(),
  storage_unit: z.string().optional(),
  frozen_scene: z.string().optional(),
})

/** One vault of GET /v3/{project_id}/vaults (CBR "Querying the Vault List"). */
export const VaultWire = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  project_id: z.string(),
  provider_id: z.string(),
  user_id: z.string().optional(),
  created_at: z.string(),
  auto_bind: z.boolean(),
  bind_rules: z.object({ tags: z.array(TagWire).optional() }).nullish(),
  auto_expand: z.boolean().optional(),
  locked: z.boolean().optional(),
  enterprise_project_id: z.string().optional(),
  resources: z.array(VaultResourceWire),
  billing: VaultBillingWire,
  tags: z.array(TagWire).optional(),
})
export type VaultWire = z.output<typeof VaultWire>

/** GET /v3/{project_id}/vaults (CBR "Querying the Vault List"; offset + limit, total in count). */
export const ListVaultsResponse = z.object({
  vaults: z.array(VaultWire),
  count: z.number(),
  limit: z.number().optional(),
  offset: z.number().optional(),
})
export type ListVaultsResponse = z.output<typeof ListVaultsResponse>

/** One policy of GET /v3/{project_id}/policies (CBR "Querying the Policy List"). */
export const PolicyWire = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  /** backup or replication. */
  operation_type: z.string(),
  /** The policy-to-vault link lives here, not on the vault. */
  associated_vaults: z
    .array(z.object({ vault_id: z.string(), destination_vault_id: z.string().optional() }))
    .optional(),
  operation_definition: z.object({
    /** -1 = unlimited by time. */
    retention_duration_days: z.number().optional(),
    /** -1 or 1-99999. */
    max_backups: z.number().optional(),
    day_backups: z.number().optional(),
    week_backups: z.number().optional(),
    month_backups: z.number().optional(),
    year_backups: z.number().optional(),
    timezone: z.string().optional(),
    full_backup_interval: z.number().optional(),
  }),
  trigger: z.object({
    id: z.string().optional(),
    name: z.string().optional(),
    type: z.string(),
    properties: z.object({
      /** iCalendar RRULE subset, e.g. `FREQ=WEEKLY;BYDAY=MO;BYHOUR=14;BYMINUTE=00` (UTC). */
      pattern: z.array(z.string()),
      start_time: z.string().optional(),
    }),
  }),
})
export type PolicyWire = z.output<typeof PolicyWire>

/** GET /v3/{project_id}/policies (CBR "Querying the Policy List"; not paged). */
export const ListPoliciesResponse = z.object({
  policies: z.array(PolicyWire),
  count: z.number().optional(),
})
export type ListPoliciesResponse = z.output<typeof ListPoliciesResponse>

/** One backup of GET /v3/{project_id}/backups (CBR "Querying All Backups"). */
export const BackupWire = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  checkpoint_id: z.string(),
  vault_id: z.string(),
  provider_id: z.string(),
  project_id: z.string(),
  resource_id: z.string(),
  resource_name: z.string(),
  resource_type: z.string(),
  resource_size: z.number().optional(),
  resource_az: z.string().optional(),
  /** backup or replication. */
  image_type: z.string(),
  /** available, protecting, deleting, restoring, error, waiting_protect, ... */
  status: z.string(),
  created_at: z.string(),
  protected_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  expired_at: z.string().nullish(),
  /** Per-disk child backups of a server backup. */
  children: z.array(z.record(z.string(), z.unknown())).optional(),
  extend_info: z
    .object({
      /** true when a policy (not a user) made the backup. */
      auto_trigger: z.boolean().optional(),
      supported_restore_mode: z.string().optional(),
      contain_system_disk: z.boolean().optional(),
      support_lld: z.boolean().optional(),
      system_disk: z.boolean().optional(),
      encrypted: z.boolean().optional(),
    })
    .nullish(),
})
export type BackupWire = z.output<typeof BackupWire>

/** GET /v3/{project_id}/backups (CBR "Querying All Backups"; offset + limit, total in count). */
export const ListBackupsResponse = z.object({
  backups: z.array(BackupWire),
  count: z.number(),
  limit: z.number().optional(),
  offset: z.number().optional(),
})
export type ListBackupsResponse = z.output<typeof ListBackupsResponse>
