/**
 * Canonical RDS v3 samples (verbatim from otc-api.md) and builders of valid wire items.
 * @module
 */
import { fakeHex, makeBuilder } from '../testing/fixture-ids.ts'
import { BackupWire, InstanceWire } from './schemas.ts'

/** Real sample body, verbatim from otc-api.md §11.1 GET /v3/{project_id}/instances. */
export const rdsInstancesSample = {
  instances: [
    {
      id: 'ed7cc6166ec24360a5ed5c5c9c2ed726in01',
      name: 'mysql-0820-022709-01',
      status: 'ACTIVE',
      type: 'Ha',
      region: 'eu-de',
      port: 3306,
      enable_ssl: false,
      datastore: { type: 'MySQL', version: '5.7', complete_version: '5.7.41' },
      ha: { replication_mode: 'semisync' },
      switch_strategy: 'reliability',
      created: '2018-08-20T02:33:49+0800',
      updated: '2018-08-20T02:33:50+0800',
      volume: { type: 'ULTRAHIGH', size: 100 },
      nodes: [
        {
          id: '06f1c2ad57604ae89e153e4d27f4e4b8no01',
          name: 'mysql-0820-022709-01_node0',
          role: 'master',
          status: 'ACTIVE',
          availability_zone: 'eu-de-01',
        },
      ],
      private_ips: ['192.168.0.142'],
      public_ips: ['10.154.219.187'],
      private_dns_names: [],
      public_dns_names: [],
      db_user_name: 'root',
      vpc_id: 'b21630c1-e7d3-450d-907d-39ef5f445ae7',
      subnet_id: '45557a98-9e17-4600-8aec-999150bc4eef',
      security_group_id: '38815c5c-482b-450a-80b6-0a301f2afd97',
      flavor_ref: 'rds.mysql.n1.large.ha',
      backup_strategy: { start_time: '19:00-20:00', keep_days: 7 },
      maintenance_window: '02:00-06:00',
      related_instance: [],
      disk_encryption_id: '',
      time_zone: '',
      tags: [{ key: 'env', value: 'prod' }],
      charge_info: { charge_mode: 'postPaid' },
    },
  ],
  total_count: 1,
}

/** Real sample body, verbatim from otc-api.md §11.2 GET /v3/{project_id}/backups?instance_id=. */
export const rdsBackupsSample = {
  backups: [
    {
      id: '43e4feaab48f11e89039fa163ebaa7e4br01',
      name: 'xxxx.xxx',
      type: 'auto',
      size: 2803,
      status: 'COMPLETED',
      begin_time: '2018-08-06T12:41:14+0800',
      end_time: '2018-08-06T12:43:14+0800',
      datastore: { type: 'MySQL', version: '8.0' },
      instance_id: 'a48e43ff268f4c0e879652d65e63d0fbin01',
    },
  ],
  total_count: 1,
}

/**
 * A valid HA MySQL instance (public IP, no SSL, 7-day backups); a new `name` derives a stable
 * new `id` ending in `in01`.
 * @example instanceWire({ name: 'db-1', public_ips: [], enable_ssl: true })
 */
export const instanceWire = makeBuilder<InstanceWire>(
  InstanceWire.parse(rdsInstancesSample.instances[0]),
  { kind: 'rds-instance', makeId: (seed) => `${fakeHex(seed, 32)}in01` },
)

/** A valid completed automated backup; a new `name` derives a stable new `id` ending in `br01`. */
export const backupWire = makeBuilder<BackupWire>(BackupWire.parse(rdsBackupsSample.backups[0]), {
  kind: 'rds-backup',
  makeId: (seed) => `${fakeHex(seed, 32)}br01`,
})
