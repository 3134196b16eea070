/**
 * Wire shapes of the RDS v3 API: instances and backups. Times carry `+0800`-style offsets.
 * @module
 */
import { z } from 'zod'

/** Engine of an instance or backup. */
export const DatastoreWire = z.object({
  /** MySQL, PostgreSQL, SQLServer. */
  type: z.string(),
  version: z.string(),
  complete_version: z.string().optional(),
})

/** One node of an instance. */
export const InstanceNodeWire = z.object({
  id: z.string(),
  name: z.string(),
  /** master, slave, readreplica. */
  role: z.string(),
  status: z.string(),
  availability_zone: z.string(),
})

/** One instance of GET /v3/{project_id}/instances (RDS "Querying DB Instances"). */
export const InstanceWire = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  /** Single, Ha, Replica. */
  type: z.string(),
  region: z.string().optional(),
  port: z.number(),
  enable_ssl: z.boolean().optional(),
  datastore: DatastoreWire,
  ha: z.object({ replication_mode: z.string() }).nullish(),
  switch_strategy: z.string().optional(),
  created: z.string(),
  updated: z.string().optional(),
  volume: z.object({ type: z.string(), size: z.number() }),
  nodes: z.array(InstanceNodeWire),
  private_ips: z.array(z.string()),
  /** Non-empty means the instance is reachable from the internet. */
  public_ips: z.array(z.string()),
  private_dns_names: z.array(z.string()).optional(),
  public_dns_names: z.array(z.string()).optional(),
  db_user_name: z.string().optional(),
  vpc_id: z.string(),
  subnet_id: z.string(),
  security_group_id: z.string(),
  flavor_ref: z.string(),
  /** `keep_days` 0 = automated backup disabled. */
  backup_strategy: z.object({ start_time: z.string(), keep_days: z.number() }),
  maintenance_window: z.string().optional(),
  related_instance: z.array(z.object({ id: z.string(), type: z.string() })).optional(),
  /** Non-empty = disk encrypted with this KMS key. */
  disk_encryption_id: z.string().nullish(),
  time_zone: z.string().nullish(),
  enterprise_project_id: z.string().optional(),
  tags: z.array(z.object({ key: z.string(), value: z.string() })).optional(),
  charge_info: z.object({ charge_mode: z.string() }).optional(),
})
export type InstanceWire = z.output<typeof InstanceWire>

/** GET /v3/{project_id}/instances (RDS "Querying DB Instances"; offset + limit <= 100, total_count). */
export const ListInstancesResponse = z.object({
  instances: z.array(InstanceWire),
  total_count: z.number(),
})
export type ListInstancesResponse = z.output<typeof ListInstancesResponse>

/** One backup of GET /v3/{project_id}/backups (RDS "Obtaining Details About Backups"). */
export const BackupWire = z.object({
  id: z.string(),
  name: z.string(),
  /** auto, manual, fragment, incremental. */
  type: z.string(),
  /** KB. */
  size: z.number(),
  /** BUILDING, COMPLETED, FAILED, DELETING. */
  status: z.string(),
  begin_time: z.string(),
  end_time: z.string().nullish(),
  datastore: DatastoreWire,
  instance_id: z.string(),
  databases: z.array(z.object({ name: z.string() })).optional(),
})
export type BackupWire = z.output<typeof BackupWire>

/** GET /v3/{project_id}/backups?instance_id= (RDS "Obtaining Details About Backups"; offset, total_count). */
export const ListBackupsResponse = z.object({
  backups: z.array(BackupWire),
  total_count: z.number(),
})
export type ListBackupsResponse = z.output<typeof ListBackupsResponse>
