import { defineCheck, error, fail, label, pass } from '../define.ts'

export default defineCheck({
  id: 'obs-bucket-not-public',
  title: 'OBS buckets grant nothing to everyone or to all authenticated users',
  duty: 'authorization',
  service: 'obs',
  resourceType: 'obs.bucket',
  severity: 'critical',
  rationale:
    'A bucket ACL grant to everyone (or to every OBS account), or a policy that allows principal "*" without a condition narrowing who, lets anyone on the internet list, read or overwrite the data; a public bucket is the most common way data leaks from object storage.',
  remediation: {
    text: 'Console: OBS > the bucket > Permissions > Bucket ACLs: remove the grants to "Anonymous user" and "Registered user"; Bucket Policies: delete statements with principal "*" or add a SourceIp/Referer condition. Serve public content through a CDN or signed URLs instead.',
    cli: "PUT /?acl with an AccessControlPolicy that holds only the owner's grant; DELETE /?policy (or PUT a policy without public principals)",
    terraform: 'resource "opentelekomcloud_obs_bucket" "data" {\n  acl = "private"\n}',
  },
  references: ['C5:PSS-08', 'CCM:IAM-05'],
  requires: [],
  evaluate(b) {
    if (b.publicGrants === null || b.publicPolicyStatements === null)
      return error(
        `${label(b)}: its ${b.publicGrants === null ? 'ACL' : 'policy'} could not be read, so public access cannot be ruled out`,
      )
    if (b.publicGrants.length === 0 && b.publicPolicyStatements.length === 0)
      return pass(`${label(b)} grants nothing to the public`)
    const grants = b.publicGrants.map((g) => `${g.permission} to ${g.grantee}`)
    const parts = [
      ...(grants.length > 0 ? [`ACL grants ${grants.join(', ')}`] : []),
      ...(b.publicPolicyStatements.length > 0
        ? [
            `policy allows principal "*" without a restricting condition (${b.publicPolicyStatements.join(', ')})`,
          ]
        : []),
    ]
    return fail(`${label(b)} is public: ${parts.join('; ')}`, {
      publicGrants: b.publicGrants.map((g) => ({ grantee: g.grantee, permission: g.permission })),
      publicPolicyStatements: [...b.publicPolicyStatements],
    })
  },
})
