/**
 * The explicit list of collectors, one per resource type. No globbing and no import side
 * effects: adding a type means its collector file and one line here (`registry.test.ts` fails
 * when a type of `RESOURCE_TYPES` has no collector or two).
 * @module
 */
import type { ResourceType } from '../inventory/types.ts'
import type { Collector } from './_collector.ts'
import { cbrBackupCollector } from './cbr-backup.ts'
import { cbrPolicyCollector } from './cbr-policy.ts'
import { cbrVaultCollector } from './cbr-vault.ts'
import { cceClusterCollector } from './cce-cluster.ts'
import { cceNodeCollector } from './cce-node.ts'
import { cesAlarmCollector } from './ces-alarm.ts'
import { ctsTrackerCollector } from './cts-tracker.ts'
import { dcsInstanceCollector } from './dcs-instance.ts'
import { ecsServerCollector } from './ecs-server.ts'
import { elbCertificateCollector } from './elb-certificate.ts'
import { elbListenerCollector } from './elb-listener.ts'
import { elbLoadBalancerCollector } from './elb-loadbalancer.ts'
import { evsBackupCollector } from './evs-backup.ts'
import { evsVolumeCollector } from './evs-volume.ts'
import { iamAccessKeyCollector } from './iam-access-key.ts'
import { iamPasswordPolicyCollector } from './iam-password-policy.ts'
import { iamUserCollector } from './iam-user.ts'
import { imsImageCollector } from './ims-image.ts'
import { kmsKeyCollector } from './kms-key.ts'
import { novaKeypairCollector } from './nova-keypair.ts'
import { obsBucketCollector } from './obs-bucket.ts'
import { projectCollector } from './project.ts'
import { rdsInstanceCollector } from './rds-instance.ts'
import { vpcEipCollector } from './vpc-eip.ts'
import { vpcPortCollector } from './vpc-port.ts'
import { vpcSecurityGroupCollector } from './vpc-security-group.ts'
import { vpcVpcCollector } from './vpc-vpc.ts'

/** Every collector, in the order their resources are handed over. */
export const COLLECTORS: readonly Collector[] = [
  projectCollector,
  ecsServerCollector,
  novaKeypairCollector,
  imsImageCollector,
  vpcSecurityGroupCollector,
  vpcPortCollector,
  vpcEipCollector,
  evsVolumeCollector,
  evsBackupCollector,
  cbrVaultCollector,
  cbrPolicyCollector,
  cbrBackupCollector,
  cesAlarmCollector,
  ctsTrackerCollector,
  iamUserCollector,
  iamAccessKeyCollector,
  iamPasswordPolicyCollector,
  rdsInstanceCollector,
  obsBucketCollector,
  kmsKeyCollector,
  dcsInstanceCollector,
  elbLoadBalancerCollector,
  elbListenerCollector,
  elbCertificateCollector,
  vpcVpcCollector,
  cceClusterCollector,
  cceNodeCollector,
]

/** The collector of a resource type. */
export function collectorOf(type: ResourceType): Collector {
  const c = COLLECTORS.find((x) => x.type === type)
  if (!c) throw new Error(`no collector for resource type ${type}`)
  return c
}
