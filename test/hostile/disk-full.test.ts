/**
 * A full disk: the report cannot be written. The old report stays as it was, no truncated or
 * temporary file is left, the run exits 2 with one line, and the scan's result is saved as JSON
 * somewhere it fits. The disk is a small tmpfs in a private mount namespace (`unshare -m`, root).
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import {
  loginFor,
  type RunningEmulator,
  startEmulator,
  writeCloudsYaml,
} from '../../src/emulator/index.ts'
import { BIN, sphere } from './_kit.ts'

const dir = mkdtempSync(join(tmpdir(), 'sphere-hostile-disk-'))
const canMount = process.getuid?.() === 0 && spawnSync('unshare', ['-m', 'true']).status === 0
let emu: RunningEmulator | undefined
const inventory = join(dir, 'inventory.json')
after(async () => {
  await emu?.close()
  rmSync(dir, { recursive: true, force: true })
})

before(async () => {
  if (!canMount) return
  emu = await startEmulator({ world: 'demo', port: 0 })
  const clouds = join(dir, 'clouds.yaml')
  writeFileSync(
    clouds,
    writeCloudsYaml({ authUrl: emu.authUrl, cloudName: 'demo', ...loginFor(emu.emulator.world) }),
  )
  const r = await sphere(['scan', '--save-inventory', inventory, '--format', 'json'], {
    cwd: dir,
    env: { OS_CLIENT_CONFIG_FILE: clouds, OS_CLOUD: 'demo' },
  })
  assert.ok(r.code === 1 || r.code === 3, r.err)
})

/** Runs `sphere scan --inventory … --format <format> --output <disk>/<name>` on a full tmpfs. */
function onFullDisk(format: string, name: string, existing?: string) {
  const mnt = join(dir, `mnt-${format}`)
  const fallback = join(dir, `tmp-${format}`)
  mkdirSync(mnt)
  mkdirSync(fallback)
  const script = [
    'set -u',
    `mount -t tmpfs -o size=256k tmpfs "${mnt}"`,
    existing ? `printf '%s' '${existing}' > "${mnt}/${name}"` : 'true',
    `dd if=/dev/zero of="${mnt}/fill" bs=1k count=1024 2>/dev/null || true`,
    `"${process.execPath}" "${BIN}" scan --inventory "${inventory}" --format ${format} --output "${mnt}/${name}" 2>"${dir}/err-${format}"; echo "rc=$?"`,
    `echo "files=$(ls -A "${mnt}" | tr '\\n' ' ')"`,
    existing ? `echo "content=$(cat "${mnt}/${name}")"` : 'true',
  ].join('\n')
  const r = spawnSync('unshare', ['-m', 'bash', '-c', script], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: dir, TMPDIR: fallback, NO_COLOR: '1' },
  })
  const field = (k: string) => new RegExp(`^${k}=(.*)$`, 'm').exec(r.stdout)?.[1] ?? ''
  const err = spawnSync('cat', [join(dir, `err-${format}`)], { encoding: 'utf8' }).stdout
  return {
    code: Number(field('rc')),
    files: field('files').trim().split(/\s+/).filter(Boolean).sort(),
    content: field('content'),
    err,
    saved: readdirSync(fallback).filter((f) => /^sphere-scan-.*\.json$/.test(f)),
    raw: r,
  }
}

describe('a full disk', () => {
  it('an existing valid JSON report is kept, not replaced by truncated JSON', (t) => {
    if (!canMount) return t.skip('needs root and unshare for a private tmpfs')
    const old = '{"schemaVersion":1,"previous":true}'
    const r = onFullDisk('json', 'report.json', old)
    assert.equal(r.code, 2, `${r.err}\n${r.raw.stderr}`)
    assert.equal(r.content, old, 'the old report is untouched')
    assert.deepEqual(r.files, ['fill', 'report.json'], 'no temporary file is left')
    assert.match(
      r.err,
      /^sphere scan: --output: .*report\.json: cannot write: no space left on device \(ENOSPC\); the scan result \(JSON\) was saved to .*sphere-scan-.*\.json\n$/,
    )
    assert.equal(r.saved.length, 1)
  })

  it('no truncated report.html is left', (t) => {
    if (!canMount) return t.skip('needs root and unshare for a private tmpfs')
    const r = onFullDisk('html', 'report.html')
    assert.equal(r.code, 2, r.err)
    assert.deepEqual(r.files, ['fill'], 'neither a truncated report nor a temporary file')
    assert.doesNotMatch(r.err, /^\s+at /m)
    assert.equal(r.saved.length, 1, 'the result was saved as JSON elsewhere')
  })
})
