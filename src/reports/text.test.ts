import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ESC_NAME, manyFindingsResult, scanResultFixture, XSS_NAME } from '../engine/testing.ts'
import type { ScanResult } from '../engine/types.ts'
import { renderText } from './text.ts'

/** The fixture as an organisation of `n` project scopes (copies of its project) and its account. */
function organisation(n: number): ScanResult {
  const r = scanResultFixture()
  const [project, account] = r.scopes
  const scopes = Array.from({ length: n }, (_, i) => ({
    ...project!,
    scope: { ...project!.scope, projectId: `p-${i}`, projectName: `eu-de_team${i}` },
  }))
  return { ...r, scopes: [...scopes, account!] }
}

describe(renderText.name, () => {
  const r = scanResultFixture()
  const text = renderText(r, { color: false })
  const at = (s: string) => text.indexOf(s)

  it('starts with the summary, the scopes and the duties', () => {
    assert.match(text.split('\n')[2]!, /^Summary: 16 duties: 5 not met/)
    assert.match(text, /^Organisation: 2 scopes \(1 project, 1 account\)$/m)
    assert.match(
      text,
      /^ {2}otc-prod eu-de\/eu-de_demo +19 +5 +3 +1 +9 +2 +4 +1$/m,
      'resources, not met, unknown, met, fail, error, manual, issues',
    )
    assert.match(text, /^ {2}otc-prod account OTC00000000001000000317 +5 +1 +0 +0 +4 +0 +0 +0$/m)
    assert.ok(at('Organisation:') < at('Your sphere') && at('Your sphere') < at('Failing findings'))
  })

  it('shows every duty with owner, status, counts and owner by model', () => {
    assert.match(
      text,
      /^ {2}network-access +customer +NOT MET +3 +0 +0 +0 +6 +0 +IAAS customer, PAAS customer$/m,
    )
    assert.match(text, /^ {2}hypervisor +provider +INHERITED +all models$/m)
    assert.match(text, /^ {4}guest-os +the API checks pass; the in-VM part needs host evidence/m)
    assert.match(text, /PAAS customer \(cbr\), PAAS shared \(ces, cts, rds\)/)
    assert.match(text, /Inherited duties are evidenced by: BSI C5:2020 attestation report/)
  })

  it('shows each scope’s duties: as columns when they fit, else as a numbered matrix', () => {
    const wide = renderText(r, { color: false, width: 160 })
    assert.match(wide, /^ {2}Duty +Owner +Status +eu-de\/eu-de_demo +account +Fail/m)
    assert.match(wide, /^ {2}authorization +customer +NOT MET +NOT MET +NOT MET +5/m)
    assert.match(wide, /^ {2}backup-restore +customer +MET +MET +- +0/m)
    assert.doesNotMatch(wide, /Duties per scope/)
    // 100 columns (not a terminal): the scope columns do not fit.
    assert.match(text, /^Duties per scope/m)
    assert.match(text, /^ {2}eu-de\/eu-de_demo +✗ +✗ +\? +\? +\? +✗ +✓ +✗ +✗$/m)
    assert.match(text, /^ {2}account +· +· +· +· +· +✗ +· +· +·$/m)
    assert.match(text, /1 resource-combination {2}2 network-access/)
    const org = renderText(organisation(12), { color: false, width: 160 })
    assert.match(org, /^Organisation: 13 scopes \(12 projects, 1 account\)$/m)
    assert.match(org, /^ {2}eu-de\/eu-de_team11 +✗/m, 'twelve projects do not fit as columns')
  })

  it('groups failing findings by check, with counts, the fix and the scope of each resource', () => {
    assert.match(
      text,
      /^Failing findings: 13 in 12 checks \(1 critical, 4 high, 6 medium, 2 low\)$/m,
    )
    assert.match(text, /^ {2}HIGH {2}iam-user-mfa-enabled: 2 resources · duty authorization$/m)
    assert.match(text, /^ {4}- bob \(u-bob\) · account: user "bob"/m)
    assert.match(text, /^ {4}- web-1 \(srv-web\) · eu-de\/eu-de_demo: server "web-1"/m)
    assert.match(text, /fix: Console: ECS > the server > Security Groups: remove the rule/)
    assert.match(text, /mute expired on 2026-01-31 \(mutes\[1\]\): Old exception for service users/)
    assert.ok(at('  CRITICAL') < at('  HIGH') && at('  HIGH') < at('  MEDIUM'))
    assert.ok(
      !text.includes(
        'scratch-1 (vol-scratch) · eu-de/eu-de_demo: volume "scratch-1" (vol-scratch) is not attached',
      ),
      'muted findings are not listed as failing',
    )
  })

  it('lists the first resources of each check and says how many more; --findings all lists all', () => {
    const big = manyFindingsResult(400)
    const fails = big.findings.filter(
      (f) => f.status === 'fail' && f.checkId === 'evs-volume-encrypted',
    )
    const short = renderText(big, { color: false, findings: 3 })
    assert.match(short, new RegExp(`evs-volume-encrypted: ${fails.length} resources`))
    assert.match(
      short,
      new RegExp(`…and ${fails.length - 3} more \\(--findings all lists every resource\\)`),
    )
    const all = renderText(big, { color: false, findings: 'all' })
    for (const f of fails) assert.ok(all.includes(`(${f.resource.id})`), f.resource.id)
    assert.doesNotMatch(all, /…and \d+ more/)
    assert.ok(short.split('\n').length < all.split('\n').length)
  })

  it('wraps long lines at the width', () => {
    for (const width of [60, 100]) {
      const out = renderText(r, { color: false, width })
      const lines = out.slice(out.indexOf('Failing findings'), out.indexOf('Could not')).split('\n')
      const long = lines.filter(
        (l) => l.startsWith('    ') && !l.startsWith('     ') && l.length > width,
      )
      assert.deepEqual(long, [], `no finding line longer than ${width}`)
    }
  })

  it('lists only the filtered findings; the summary still counts all', () => {
    const high = renderText(r, { color: false, filter: { severities: ['critical'] } })
    assert.match(
      high,
      /^Failing findings: 1 in 1 check \(1 critical\) \(listed: severity critical\)$/m,
    )
    assert.doesNotMatch(high, /iam-user-mfa-enabled: 2 resources/)
    assert.match(high, /^Summary: 16 duties: 5 not met, 3 unknown, 1 met, 7 inherited · 13 fail/m)
    const quiet = renderText(r, { color: false, quiet: true })
    assert.doesNotMatch(quiet, /Could not evaluate|^Notes$/m)
    assert.match(quiet, /Collection issues \(1\)/, 'an incomplete scan says so even when quiet')
  })

  it('lists what could not be evaluated, the collection issues and notes, then one summary line', () => {
    assert.match(
      text,
      /^ {2}eu-de\/eu-de_demo +volume +evs\.volume +eu-nl +throttled +429 Too Many Requests after 5 attempts$/m,
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
