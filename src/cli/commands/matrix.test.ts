import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { captureIO } from '../_capture.ts'
import { runCli } from '../main.ts'

const schema = JSON.parse(
  readFileSync(new URL('../../../docs/schemas/matrix.schema.json', import.meta.url), 'utf8'),
)
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema)
/** Validates without narrowing the document's type. */
const valid = (doc: unknown): boolean => validate(doc) === true

async function matrix(args: string[], opts: { tty?: boolean; env?: Record<string, string> } = {}) {
  const c = captureIO(opts)
  const code = await runCli(['matrix', ...args], c.io)
  return { code, out: c.out(), err: c.err() }
}

describe('sphere matrix', () => {
  it('text: layers as rows top to bottom, models as columns, then customer duties', async () => {
    const r = await matrix([])
    assert.equal(r.code, 0)
    assert.match(r.out, /Layer\s+IAAS\s+PAAS\s+SAAS/)
    assert.match(r.out, /Guest OS\s+customer\s+provider\s+provider/)
    assert.match(r.out, /Hypervisor \/ virtualisation\s+provider\s+provider\s+provider/)
    assert.ok(
      r.out.indexOf('Monitoring and logging') < r.out.indexOf('Facilities'),
      'top layer first',
    )
    assert.match(r.out, /security-patches\s+customer\s+shared\s+provider\s+host/)
    assert.doesNotMatch(r.out, /physical-infrastructure/, 'provider duties are not customer duties')
    assert.doesNotMatch(r.out, /\u001b\[/, 'no colour when not a TTY')
  })

  it('text: colours owners on a TTY, not with NO_COLOR', async () => {
    assert.match((await matrix([], { tty: true })).out, /\u001b\[36mcustomer/)
    assert.doesNotMatch((await matrix([], { tty: true, env: { NO_COLOR: '1' } })).out, /\u001b\[/)
  })

  it('--model paas shows only the PaaS column and its customer duties', async () => {
    const r = await matrix(['--model', 'paas'])
    assert.equal(r.code, 0)
    assert.match(r.out, /Layer\s+PAAS\s*\n/)
    assert.doesNotMatch(r.out, /IAAS|SAAS/)
    assert.match(r.out, /Guest OS\s+provider/)
    assert.match(r.out, /backup-restore\s+shared/)
    assert.match(r.out, /rds\s+PAAS/)
    assert.doesNotMatch(r.out, /\becs\b/)
  })

  it('--service rds names the model and shows its layers and duties', async () => {
    const r = await matrix(['--service', 'rds'])
    assert.equal(r.code, 0)
    assert.match(r.out, /Relational Database Service \(rds\): Platform as a Service \(paas\)/)
    assert.match(r.out, /Backup and restore\s+shared/)
    assert.match(r.out, /network-access\s+customer/)
  })

  it('--service cce shows which layers move to the customer', async () => {
    const r = await matrix(['--service', 'cce'])
    assert.match(r.out, /Guest OS\s+customer\s+.*\(moved from provider\)/)
    assert.match(r.out, /guest-os\s+customer/)
  })

  it('--format json prints the whole model and validates against the published schema', async () => {
    const r = await matrix(['--format', 'json'])
    assert.equal(r.code, 0)
    const doc = JSON.parse(r.out)
    assert.ok(valid(doc), JSON.stringify(validate.errors))
    assert.deepEqual(
      doc.models.map((m: { id: string }) => m.id),
      ['iaas', 'paas', 'saas'],
    )
    const ecs = doc.services.find((s: { id: string }) => s.id === 'ecs')
    assert.equal(ecs.model, 'iaas')
    assert.equal(ecs.owners['guest-os'], 'customer')
    const duty = doc.duties.find((d: { id: string }) => d.id === 'backup-restore')
    assert.deepEqual(duty.owner, { iaas: 'customer', paas: 'shared', saas: 'shared' })
    assert.ok(duty.references.c5.some((r: { id: string }) => r.id === 'OPS-06'))
    assert.ok(duty.references.ccm.some((r: { id: string }) => r.id === 'BCR-08'))
    assert.ok(Array.isArray(duty.checks))
  })

  it('--format json with a selection stays valid and narrows services', async () => {
    for (const args of [
      ['--model', 'saas'],
      ['--service', 'cce'],
    ]) {
      const doc = JSON.parse((await matrix([...args, '--format', 'json'])).out)
      assert.ok(valid(doc), JSON.stringify(validate.errors))
      assert.ok(doc.services.length >= 1)
    }
    const cce = JSON.parse((await matrix(['--service', 'cce', '--format', 'json'])).out)
    assert.equal(cce.duties.find((d: { id: string }) => d.id === 'guest-os').owner.paas, 'customer')
  })

  it('the schema rejects a document with a wrong owner', async () => {
    const doc = JSON.parse((await matrix(['--format', 'json'])).out)
    doc.duties[0].owner.iaas = 'nobody'
    assert.equal(valid(doc), false)
  })

  it('--format markdown prints pipe tables', async () => {
    const r = await matrix(['--format', 'markdown'])
    assert.equal(r.code, 0)
    assert.match(
      r.out,
      /^\| Layer \| Infrastructure as a Service \| Platform as a Service \| Software as a Service \|$/m,
    )
    assert.match(r.out, /^\|---\|---\|---\|---\|$/m)
    assert.match(
      r.out,
      /\| Data is backed up and can be restored \(backup-restore\) \| customer \| shared \| shared \| api, manual \| OPS-06, OPS-07, OPS-08 \| BCR-08 \|/,
    )
    const svc = await matrix(['--service', 'ecs', '--format', 'markdown'])
    assert.match(svc.out, /^\| Guest OS \| customer \|/m)
  })

  it('an unknown model is a usage error listing the valid values', async () => {
    const r = await matrix(['--model', 'faas'])
    assert.equal(r.code, 2)
    assert.match(r.err, /--model: "faas" is not valid; expected one of: iaas, paas, saas/)
  })

  it('an unknown service is a usage error listing the valid values', async () => {
    const r = await matrix(['--service', 'ec2'])
    assert.equal(r.code, 2)
    assert.match(r.err, /unknown service "ec2"; expected one of: ecs, bms/)
  })

  it('an unknown format is a usage error', async () => {
    const r = await matrix(['--format', 'xml'])
    assert.equal(r.code, 2)
    assert.match(r.err, /expected one of: text, json, markdown/)
  })

  it('a service of another model than --model is a usage error', async () => {
    const r = await matrix(['--model', 'iaas', '--service', 'rds'])
    assert.equal(r.code, 2)
    assert.match(r.err, /rds is a paas service/)
  })
})
