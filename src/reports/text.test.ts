import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ESC_NAME, scanResultFixture, XSS_NAME } from '../engine/testing.ts'
import { renderText } from './text.ts'

describe(renderText.name, () => {
  const r = scanResultFixture()
  const text = renderText(r, { color: false })

  it('shows every duty with owner, owner by model, status and counts', () => {
    assert.match(
      text,
      /^ {2}network-access +customer +IAAS customer, PAAS customer +NOT MET +3 +0 +0 +0 +6 +0$/m,
    )
    assert.match(text, /^ {2}hypervisor +provider +all models +INHERITED$/m)
    assert.match(text, /^ {4}guest-os +the API checks pass; the in-VM part needs host evidence/m)
    assert.match(text, /PAAS customer \(cbr\), PAAS shared \(ces, cts, rds\)/)
    assert.match(text, /Inherited duties are evidenced by: BSI C5:2020 attestation report/)
  })

  it('groups failing findings by duty and severity with the first remediation line', () => {
    const at = (s: string) => text.indexOf(s)
    assert.ok(at('Network access is restricted') < at('    CRITICAL'))
    assert.ok(
      at('    CRITICAL') < at('ecs-server-no-public-admin-exposure  web-1 (srv-web)  eu-de'),
    )
    assert.match(text, /fix: Console: ECS > the server > Security Groups: remove the rule/)
    assert.match(text, /mute expired on 2026-01-31 \(mutes\[1\]\): Old exception for service users/)
    assert.ok(
      !text.includes('evs-volume-attached  scratch-1'),
      'muted findings are not listed as failing',
    )
  })

  it('lists what could not be evaluated, the collection issues and notes, then one summary line', () => {
    assert.match(
      text,
      /^ {2}volume +evs\.volume +eu-nl +throttled +429 Too Many Requests after 5 attempts$/m,
    )
    assert.match(text, /Could not evaluate \(2\)/)
    assert.match(text, /warning +mutelist\.yaml: mutes\[1\] +mute expired on 2026-01-31/)
    const last = text.trimEnd().split('\n').at(-1)!
    assert.equal(
      last,
      'Summary: 16 duties: 5 not met, 3 unknown, 1 met, 7 inherited · 13 fail (1 critical, 4 high, 6 medium, 2 low) · 1 muted · 2 error · 4 manual · 26 pass · 0 n/a · 1 collection issue',
    )
  })

  it('is deterministic and colours only when asked', () => {
    assert.equal(renderText(scanResultFixture(), { color: false }), text)
    assert.doesNotMatch(text, /\u001b/)
    assert.match(renderText(r, { color: true }), /\u001b\[31mNOT MET\u001b\[0m/)
  })

  it('never prints control characters from cloud data', () => {
    const hostile = renderText(scanResultFixture({ hostile: true }), { color: false })
    assert.doesNotMatch(hostile, /[\u0000-\u0008\u000b-\u001f\u007f]/)
    const shown = ESC_NAME.replaceAll('\u001b', '\\x1b').replaceAll('\u0007', '\\x07')
    assert.ok(hostile.includes(shown), 'escapes are shown, not run')
    assert.ok(hostile.includes(XSS_NAME), 'text output prints HTML as plain text')
  })
})
