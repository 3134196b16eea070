import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { after, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { HostReport } from '../../model/host-report.ts'
import { captureIO } from '../_capture.ts'
import { runCli } from '../main.ts'

const FIXTURES = fileURLToPath(new URL('../../../test/host/fixtures/', import.meta.url))
const fixture = (name: string) => join(FIXTURES, name)
const dir = mkdtempSync(join(tmpdir(), 'sphere-host-'))
after(() => rmSync(dir, { recursive: true, force: true }))

async function host(args: string[], stdin?: string) {
  const c = captureIO({ cwd: dir })
  if (stdin !== undefined) c.io.stdin = Readable.from([Buffer.from(stdin)])
  const code = await runCli(['host', ...args], c.io)
  return { code, out: c.out(), err: c.err() }
}

describe('sphere host script', () => {
  it('prints the POSIX collector, or with --path where it is', async () => {
    const r = await host(['script'])
    assert.equal(r.code, 0)
    assert.match(r.out, /^#!\/bin\/sh\n/)
    assert.match(r.out, /^section end echo done$/m)
    const p = await host(['script', '--path'])
    assert.equal(p.code, 0)
    const file = p.out.trim()
    assert.ok(file.endsWith('collect.sh') && existsSync(file), file)
    assert.equal(readFileSync(file, 'utf8'), r.out)
  })

  it('--help shows every subcommand and the ssh example', async () => {
    const r = await host(['--help'])
    assert.equal(r.code, 0)
    for (const s of ['script', 'parse', 'collect', '--path', '--input', '--output', 'root'])
      assert.ok(r.out.includes(s), s)
    assert.ok(
      r.out.includes(
        `ssh host 'sudo sh -s' < "$(sphere host script --path)" | sphere host parse > host.json`,
      ),
    )
  })
})

describe('sphere host parse', () => {
  it('reads collector output from stdin and writes a valid host report', async () => {
    const r = await host(['parse'], readFileSync(fixture('ubuntu-24.04.txt'), 'utf8'))
    assert.equal(r.code, 0, r.err)
    const report = HostReport.parse(JSON.parse(r.out))
    assert.equal(report.os.id, 'ubuntu')
    assert.equal(report.host.instanceId, '8d0c52e4-1f2a-4b3c-9d8e-7f6a5b4c3d2e')
  })

  it('--input and --output: file to file, the path on stderr', async () => {
    const out = join(dir, 'rocky.json')
    const r = await host(['parse', '--input', fixture('rocky-9.txt'), '--output', 'rocky.json'])
    assert.equal(r.code, 0, r.err)
    assert.equal(r.out, '')
    assert.match(r.err, /host report written to .*rocky\.json/)
    assert.equal(HostReport.parse(JSON.parse(readFileSync(out, 'utf8'))).patching.manager, 'dnf')
  })

  it('truncated output: a report whose errors are listed on stderr, exit 0', async () => {
    const r = await host(['parse', '--input', fixture('debian-12-truncated.txt')])
    assert.equal(r.code, 0, r.err)
    const report = HostReport.parse(JSON.parse(r.out))
    assert.ok(report.errors.some((e) => /truncated/.test(e.message)))
    assert.match(r.err, /value\(s\) could not be determined/)
    assert.match(r.err, /truncated/)
  })

  it('input that is no collector output at all: exit 2 with the reason, nothing on stdout', async () => {
    for (const [input, why] of [
      ['', /is empty/],
      ['  \n', /is empty/],
      [readFileSync(fixture('not-collector-output.txt'), 'utf8'), /not collector output/],
    ] as const) {
      const r = await host(['parse'], input)
      assert.equal(r.code, 2, JSON.stringify(input))
      assert.match(r.err, why)
      assert.equal(r.out, '')
    }
    const f = await host(['parse', '--input', fixture('not-collector-output.txt')])
    assert.equal(f.code, 2)
    assert.match(f.err, /not-collector-output\.txt is not collector output/)
  })

  it('usage errors: no stdin, missing file, unknown subcommand, a flag of another subcommand', async () => {
    const cases: [string[], RegExp][] = [
      [['parse'], /no input: pipe/],
      [[], /missing subcommand/],
      [['scan'], /unknown subcommand "scan"/],
      [['script', 'extra'], /unexpected argument "extra"/],
      [['parse', '--path'], /--path does not apply to "sphere host parse"/],
      [['script', '--output', 'x'], /--output does not apply/],
    ]
    for (const [args, why] of cases) {
      const r = await host(args)
      assert.equal(r.code, 2, args.join(' '))
      assert.match(r.err, why)
      assert.match(r.err, /Usage: sphere host/)
    }
    const missing = await host(['parse', '--input', 'nope.txt'])
    assert.equal(missing.code, 2)
    assert.match(
      missing.err,
      /^sphere host: --input: .*nope\.txt: no such file or directory \(ENOENT\)\n$/,
    )
  })
})

describe('sphere host collect', () => {
  it('runs the collector on this machine (read-only) and writes its report', async () => {
    const out = join(dir, 'local.json')
    const r = await host(['collect', '--output', out])
    assert.equal(r.code, 0, r.err)
    assert.match(r.err, /running the collector on this machine/)
    const report = HostReport.parse(JSON.parse(readFileSync(out, 'utf8')))
    assert.ok(report.collectedAt, 'has a collection time')
    assert.equal(report.collector.uid, process.getuid?.() ?? report.collector.uid)
    assert.ok(report.host.kernel, 'has a kernel')
    if (process.getuid?.() !== 0) assert.match(r.err, /not running as root/)
  })
})
