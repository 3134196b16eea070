import { defineCheck, fail, label, notApplicable, pass } from '../define.ts'

export default defineCheck({
  id: 'cbr-policy-retention',
  title: 'Enabled CBR backup policies keep backups long enough',
  duty: 'backup-restore',
  service: 'cbr',
  resourceType: 'cbr.policy',
  severity: 'medium',
  rationale:
    'Damage is often noticed days later; a policy that keeps only a few days or a few backups may already have replaced the last good one.',
  remediation: {
    text: 'Console: CBR > Policies > the policy > Modify: keep backups at least 7 days and at least 7 backups (or without a count limit).',
    cli: 'PUT /v3/{project_id}/policies/{policy_id} {"policy":{"operation_definition":{"retention_duration_days":30}}}',
    terraform:
      'resource "opentelekomcloud_cbr_policy_v3" "daily" {\n  operation_definition { retention_duration_days = 30 }\n}',
  },
  references: ['C5:OPS-06', 'CCM:BCR-08'],
  // The evidence names the policy's vaults (`vaultIds` is completed from the vaults).
  requires: ['cbr.vault'],
  evaluate(policy, ctx) {
    if (!policy.enabled) return notApplicable(`${label(policy)} is disabled`)
    if (policy.operationType !== 'backup')
      return notApplicable(`${label(policy)} is a ${policy.operationType} policy`)
    const { retentionMinDays: minDays, retentionMinCount: minCount } = ctx.settings
    const { days, count } = policy.retention
    const short: string[] = []
    if (days !== null && days < minDays) short.push(`${days} days < ${minDays}`)
    if (count !== null && count < minCount) short.push(`${count} backups < ${minCount}`)
    const evidence = { retentionDays: days, maxBackups: count, vaultIds: policy.vaultIds }
    if (short.length > 0)
      return fail(`${label(policy)} keeps too little: ${short.join(', ')}`, evidence)
    return pass(
      `${label(policy)} keeps ${days ?? 'unlimited'} days, ${count ?? 'unlimited'} backups`,
      evidence,
    )
  },
})
