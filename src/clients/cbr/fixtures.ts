/**
 * Canonical CBR samples (verbatim from otc-api.md) and builders of valid wire items.
 * @module
 */
import { makeBuilder } from '../testing/fixture-ids.ts'
import { BackupWire, PolicyWire, VaultWire } from './schemas.ts'

/** Real sample body, verbatim from otc-api.md §6.1 GET /v3/{project_id}/vaults. */
export const cbrVaultsSample = {
  vaults: [
    {
      id: 'a335f9e1-1628-4c64-a7be-38656e5ec19c',
      name: 'vault-8538',
      project_id: '0605767b5780d5762fc5c0118072a564',
      provider_id: '0daac4c5-6707-4851-97ba-169e36266b66',
      user_id: 'aa2999fa5ae640f28926f8fd79188934',
      created_at: '2020-09-04T06:57:37.344+00:00',
      auto_bind: false,
      bind_rules: { tags: [{ key: 'backup', value: 'daily' }] },
      auto_expand: false,
      locked: false,
      resources: [
        {
          id: 'server-id',
          name: 'server-name',
          type: 'OS::Nova::Server',
          protect_status: 'available',
          size: 40,
          backup_size: 0,
          backup_count: 0,
          extra_info: { exclude_volumes: [] },
        },
      ],
      billing: {
        allocated: 0,
        used: 0,
        size: 100,
        status: 'available',
        cloud_type: 'public',
        charging_mode: 'post_paid',
        consistent_level: 'crash_consistent',
        object_type: 'server',
        protect_type: 'backup',
        spec_code: 'vault.backup.server.normal',
        storage_unit: '',
        frozen_scene: '',
      },
      tags: [{ key: 'env', value: 'prod' }],
    },
  ],
  count: 50,
}

/** Real sample body, verbatim from otc-api.md §6.2 GET /v3/{project_id}/policies. */
export const cbrPoliciesSample = {
  policies: [
    {
      id: 'cbb3ce6f-3332-4e7c-b98e-77290d8471ff',
      name: 'policy001',
      enabled: true,
      operation_type: 'backup',
      associated_vaults: [{ vault_id: 'a335f9e1-1628-4c64-a7be-38656e5ec19c' }],
      operation_definition: {
        retention_duration_days: 1,
        max_backups: -1,
        day_backups: 0,
        week_backups: 0,
        month_backups: 0,
        year_backups: 0,
        timezone: 'UTC+01:00',
      },
      trigger: {
        id: 'd67269a6-5369-42d7-8150-5254bd446328',
        name: 'default',
        type: 'time',
        properties: {
          pattern: ['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR,SA,SU;BYHOUR=14;BYMINUTE=00'],
          start_time: '2019-05-08T06:57:05.000+00:00',
        },
      },
    },
  ],
  count: 10,
}

/** Real sample body, verbatim from otc-api.md §6.3 GET /v3/{project_id}/backups. */
export const cbrBackupsSample = {
  count: 2,
  backups: [
    {
      id: 'b1c4afd9-e7a6-4888-9010-c2bac3aa7910',
      name: 'autobk_b629',
      checkpoint_id: '1fced58b-2a31-4851-bcbb-96216f83ce99',
      vault_id: 'cca85ea5-00a4-418d-9222-bd83985bc515',
      provider_id: '0daac4c5-6707-4851-97ba-169e36266b66',
      project_id: '0605767b5780d5762fc5c0118072a564',
      resource_id: '1a503932-ee8f-4dd5-8248-8dfb57e584c5',
      resource_name: 'test001-02',
      resource_type: 'OS::Nova::Server',
      resource_size: 40,
      resource_az: 'eu-de-01',
      image_type: 'backup',
      status: 'available',
      created_at: '2020-02-21T07:00:54.065+00:00',
      protected_at: '2020-02-21T07:00:54.065+00:00',
      updated_at: '2020-02-21T07:07:25.114+00:00',
      expired_at: '2020-05-21T07:00:54.060+00:00',
      children: [],
      extend_info: {
        auto_trigger: true,
        supported_restore_mode: 'backup',
        contain_system_disk: true,
        support_lld: true,
        system_disk: false,
        encrypted: false,
      },
    },
  ],
}

/**
 * A valid server vault with one protected server; a new `name` derives a stable new `id`.
 * @example vaultWire({ name: 'v1', resources: [] })
 */
export const vaultWire = makeBuilder<VaultWire>(VaultWire.parse(cbrVaultsSample.vaults[0]), {
  kind: 'vault',
})

/** A valid enabled backup policy (daily at 14:00 UTC); a new `name` derives a stable new `id`. */
export const policyWire = makeBuilder<PolicyWire>(PolicyWire.parse(cbrPoliciesSample.policies[0]), {
  kind: 'policy',
})

/** A valid, available, policy-made server backup; a new `name` derives a stable new `id`. */
export const backupWire = makeBuilder<BackupWire>(BackupWire.parse(cbrBackupsSample.backups[0]), {
  kind: 'backup',
})
