import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { parseHostOutput } from './parse.ts'
import { collectLocal, HOST_SCRIPT_PATH, hostScript } from './script.ts'

describe('collect.sh', () => {
  it('is valid POSIX sh', () => {
    const res = spawnSync('sh', ['-n', HOST_SCRIPT_PATH], { encoding: 'utf8' })
    assert.equal(res.status, 0, res.stderr)
  })

  it('never changes the system: no refresh, install, upgrade or lock', () => {
    const code = hostScript()
      .split('\n')
      .filter((l) => !/^\s*#/.test(l))
      .join('\n')
    assert.doesNotMatch(code, /apt-get\s+(update|upgrade|install|remove|purge|autoremove)\b/)
    assert.deepEqual(code.match(/^.*dist-upgrade.*$/gm), [
      '  section apt_simulate apt-get -s -o Debug::NoLocking=1 dist-upgrade',
    ])
    for (const m of code.matchAll(/\b(dnf|yum) -q[^\n;]*/g))
      assert.match(m[0], / -C\b/, `${m[0]} runs from cache`)
    assert.doesNotMatch(code, /\bzypper\s+(ref|refresh|up|update|patch|in|install|dup)\b/)
    assert.doesNotMatch(code, /\b(makecache|unattended-upgrade\s|rpm\s+-[iUe])/)
    assert.match(
      code,
      /zypp\(\) \{ ZYPP_READONLY_HACK=1 zypper --non-interactive --no-refresh "\$@"; \}/,
    )
  })

  it('reads every command input from /dev/null (the script may arrive on stdin)', () => {
    assert.match(hostScript(), /"\$@" <\/dev\/null >/)
  })
})

describe(collectLocal.name, () => {
  it('feeds the script to the shell on stdin and returns its output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fake-sh-'))
    const fake = join(dir, 'fake-sh')
    // A stand-in shell: counts the script bytes it receives and prints one section.
    writeFileSync(
      fake,
      '#!/bin/sh\nn=$(wc -c)\nprintf "<<<collector>>>\\nversion=1\\nbytes=%s\\n<<<rc=0>>>\\n<<<end>>>\\ndone\\n<<<rc=0>>>\\n" "$n"\n',
    )
    chmodSync(fake, 0o755)
    const out = await collectLocal({ shell: fake })
    assert.match(out, new RegExp(`bytes=${Buffer.byteLength(hostScript())}`))
    assert.equal(parseHostOutput(out).collector.version, '1')
  })

  it('rejects when the shell cannot start', async () => {
    await assert.rejects(collectLocal({ shell: '/nonexistent/sh' }))
  })
})
