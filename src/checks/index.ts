/**
 * The registry: every check, listed by hand (no globbing, no import side effects). A meta-test
 * fails when a check file is missing here or its id differs from its file name.
 * @module
 */
import cbrBackupRecent from './cbr/cbr-backup-recent.ts'
import cbrPolicyRetention from './cbr/cbr-policy-retention.ts'
import cbrServerProtected from './cbr/cbr-server-protected.ts'
import cbrVolumeProtected from './cbr/cbr-volume-protected.ts'
import cceClusterApiNotPublic from './cce/cce-cluster-api-not-public.ts'
import cceClusterVersionSupported from './cce/cce-cluster-version-supported.ts'
import cceNodeOsSupported from './cce/cce-node-os-supported.ts'
import cesAlarmNotifies from './ces/ces-alarm-notifies.ts'
import cesServerAlarm from './ces/ces-server-alarm.ts'
import ctsTrackerEnabled from './cts/cts-tracker-enabled.ts'
import dcsInstanceAccessRestricted from './dcs/dcs-instance-access-restricted.ts'
import dcsInstancePasswordRequired from './dcs/dcs-instance-password-required.ts'
import type { AnyCheck } from './define.ts'
import ecsServerImageCurrent from './ecs/ecs-server-image-current.ts'
import ecsServerImageSupported from './ecs/ecs-server-image-supported.ts'
import ecsServerKeypairLogin from './ecs/ecs-server-keypair-login.ts'
import ecsServerNoPublicAdminExposure from './ecs/ecs-server-no-public-admin-exposure.ts'
import ecsServerNotDefaultSg from './ecs/ecs-server-not-default-sg.ts'
import elbCertificateValid from './elb/elb-certificate-valid.ts'
import elbListenerEncrypted from './elb/elb-listener-encrypted.ts'
import elbListenerTlsPolicy from './elb/elb-listener-tls-policy.ts'
import evsVolumeAttached from './evs/evs-volume-attached.ts'
import evsVolumeBackupRecent from './evs/evs-volume-backup-recent.ts'
import evsVolumeEncrypted from './evs/evs-volume-encrypted.ts'
import hostMonitoringAgent from './host/host-monitoring-agent.ts'
import hostOsSupported from './host/host-os-supported.ts'
import hostPatchedRecently from './host/host-patched-recently.ts'
import hostSecurityUpdatesApplied from './host/host-security-updates-applied.ts'
import hostSshNoPasswordLogin from './host/host-ssh-no-password-login.ts'
import hostSshNoRootLogin from './host/host-ssh-no-root-login.ts'
import hostUpdateSourceConfigured from './host/host-update-source-configured.ts'
import iamAccessKeyRotated from './iam/iam-access-key-rotated.ts'
import iamAccessKeyUsed from './iam/iam-access-key-used.ts'
import iamPasswordPolicyStrong from './iam/iam-password-policy-strong.ts'
import iamUserActive from './iam/iam-user-active.ts'
import iamUserMfaEnabled from './iam/iam-user-mfa-enabled.ts'
import kmsKeyRotationEnabled from './kms/kms-key-rotation-enabled.ts'
import obsBucketEncrypted from './obs/obs-bucket-encrypted.ts'
import obsBucketLogging from './obs/obs-bucket-logging.ts'
import obsBucketNotPublic from './obs/obs-bucket-not-public.ts'
import obsBucketVersioning from './obs/obs-bucket-versioning.ts'
import rdsBackupRetention from './rds/rds-backup-retention.ts'
import rdsEngineVersionSupported from './rds/rds-engine-version-supported.ts'
import rdsInstanceEncrypted from './rds/rds-instance-encrypted.ts'
import rdsInstanceNotPublic from './rds/rds-instance-not-public.ts'
import vpcEipBound from './vpc/vpc-eip-bound.ts'
import vpcFlowLogEnabled from './vpc/vpc-flow-log-enabled.ts'
import vpcSgNoAdminPortsFromInternet from './vpc/vpc-sg-no-admin-ports-from-internet.ts'
import vpcSgNoUnrestrictedIngress from './vpc/vpc-sg-no-unrestricted-ingress.ts'

/** Every check, grouped by duty. */
export const checks: readonly AnyCheck[] = Object.freeze([
  // network-access
  vpcSgNoUnrestrictedIngress,
  vpcSgNoAdminPortsFromInternet,
  ecsServerNoPublicAdminExposure,
  rdsInstanceNotPublic,
  dcsInstanceAccessRestricted,
  cceClusterApiNotPublic,
  // resource-combination
  ecsServerNotDefaultSg,
  evsVolumeAttached,
  vpcEipBound,
  // guest-os
  ecsServerImageSupported,
  ecsServerImageCurrent,
  cceNodeOsSupported,
  // security-patches
  hostSecurityUpdatesApplied,
  hostPatchedRecently,
  // software-updates
  hostOsSupported,
  hostUpdateSourceConfigured,
  rdsEngineVersionSupported,
  cceClusterVersionSupported,
  // authorization
  ecsServerKeypairLogin,
  hostSshNoPasswordLogin,
  hostSshNoRootLogin,
  iamUserMfaEnabled,
  iamAccessKeyRotated,
  iamAccessKeyUsed,
  iamUserActive,
  iamPasswordPolicyStrong,
  obsBucketNotPublic,
  dcsInstancePasswordRequired,
  // backup-restore
  cbrServerProtected,
  cbrVolumeProtected,
  cbrBackupRecent,
  cbrPolicyRetention,
  rdsBackupRetention,
  evsVolumeBackupRecent,
  obsBucketVersioning,
  // monitoring
  cesServerAlarm,
  cesAlarmNotifies,
  ctsTrackerEnabled,
  hostMonitoringAgent,
  obsBucketLogging,
  vpcFlowLogEnabled,
  // data-protection
  evsVolumeEncrypted,
  obsBucketEncrypted,
  rdsInstanceEncrypted,
  kmsKeyRotationEnabled,
  elbListenerEncrypted,
  elbListenerTlsPolicy,
  elbCertificateValid,
])

/** The check with that id, or undefined. */
export function checkById(id: string): AnyCheck | undefined {
  return checks.find((c) => c.id === id)
}
