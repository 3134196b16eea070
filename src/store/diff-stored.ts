/**
 * The diff of two stored scans without building every finding of both: statuses are compared by
 * fingerprint first (two narrow reads), then only the findings a section lists are read whole.
 * `stillFailing: false` (the dashboard, which shows their number) skips reading those.
 * @module
 */
import type { Db } from './db.ts'
import { type DiffSide, diffScans, type ScanDiff } from './diff.ts'
import {
  checksByKey,
  FINDING_SELECT,
  findingBuilder,
  type ScanRow,
  type StoredFinding,
  scanDuties,
  scopesById,
} from './read.ts'

/** Fingerprints per `IN (…)` read. */
const CHUNK = 500
/** Above this many, the scan is read in one pass instead. */
const MANY = 2_000

async function statuses(db: Db, scanId: number): Promise<Map<string, string>> {
  const rows = await db.all<{ fingerprint: string; status: string }>(
    'SELECT fingerprint, status FROM findings WHERE scan_id = ?',
    [scanId],
  )
  return new Map(rows.map((r) => [r.fingerprint, r.status]))
}

async function byFingerprints(
  db: Db,
  scanId: number,
  fps: readonly string[],
  build: ReturnType<typeof findingBuilder>,
): Promise<StoredFinding[]> {
  const out: StoredFinding[] = []
  if (fps.length > MANY) {
    // Many: one pass over the scan's rows beats thousands of index lookups; only those asked
    // for are built.
    const want = new Set(fps)
    const rows = await db.all<Parameters<typeof build>[0]>(
      `SELECT ${FINDING_SELECT} FROM findings f WHERE f.scan_id = ?`,
      [scanId],
    )
    for (const r of rows) if (want.has(r.fingerprint)) out.push(build(r))
    return out
  }
  for (let i = 0; i < fps.length; i += CHUNK) {
    const part = fps.slice(i, i + CHUNK)
    const rows = await db.all<Parameters<typeof build>[0]>(
      `SELECT ${FINDING_SELECT} FROM findings f WHERE f.scan_id = ? AND f.fingerprint IN (${part.map(() => '?').join(',')})`,
      [scanId, ...part],
    )
    for (const r of rows) out.push(build(r))
  }
  return out
}

/** The diff from scan `a` to scan `b`, and how many findings fail in both. */
export async function diffStored(
  db: Db,
  a: ScanRow,
  b: ScanRow,
  opts: { stillFailing: boolean },
): Promise<{ diff: ScanDiff; stillFailing: number }> {
  const [sa, sb] = [await statuses(db, a.id), await statuses(db, b.id)]
  const inB: string[] = []
  let still = 0
  for (const [fp, s] of sb) {
    const old = sa.get(fp)
    if (s === 'fail' && old === 'fail') {
      still++
      if (opts.stillFailing) inB.push(fp)
    } else if (s === 'fail' || (old !== undefined && old !== s)) inB.push(fp)
  }
  const inA = inB.filter((fp) => sa.has(fp))
  for (const [fp, s] of sa) if (s === 'fail' && !sb.has(fp)) inA.push(fp)
  const build = findingBuilder(await scopesById(db), await checksByKey(db))
  const side = async (scan: ScanRow, fps: string[]): Promise<DiffSide> => ({
    label: `scan ${scan.id}`,
    startedAt: scan.startedAt,
    findings: await byFingerprints(db, scan.id, fps, build),
    duties: await scanDuties(db, scan.id),
  })
  return { diff: diffScans(await side(a, inA), await side(b, inB)), stillFailing: still }
}
