import { defineCheck, fail, label, pass } from '../define.ts'

export default defineCheck({
  id: 'ecs-server-keypair-login',
  title: 'Servers are created with a key pair instead of a password',
  duty: 'authorization',
  service: 'ecs',
  resourceType: 'ecs.server',
  severity: 'medium',
  rationale:
    'A server created with a password accepts password logins, which can be guessed and are often shared; a key pair keeps the secret with the person.',
  remediation: {
    text: 'Key pairs are injected at creation. Rebuild or recreate the server with a key pair (ECS > Buy ECS > Login Mode: Key pair); on Linux also set PasswordAuthentication no in sshd_config.',
    cli: 'openstack server create --key-name <keypair> …\nopenstack server rebuild --key-name <keypair> --image <image> <server>',
    terraform:
      'resource "opentelekomcloud_compute_instance_v2" "vm" {\n  key_pair = "<keypair>"\n}',
  },
  references: ['C5:IDM-09', 'C5:PSS-07', 'CCM:IAM-14'],
  requires: [],
  evaluate(server) {
    if (server.keyName) return pass(`${label(server)} uses key pair ${server.keyName}`)
    return fail(`${label(server)} was created without a key pair (password login)`, {
      keyName: null,
      osType: server.osType,
    })
  },
})
