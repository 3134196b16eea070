/**
 * Where `sphere compliance` gets its scan from: a JSON scan report (`--scan`, refused when it was
 * written with finding filters, since the view would miss findings), a saved inventory
 * (`--inventory`, evaluated here as `sphere scan --inventory` would) or the history store
 * (`--store latest|ID`).
 * @module
 */
import { checks } from '../checks/index.ts'
import {
  type ComplianceInput,
  type ComplianceSource,
  type ComplianceView,
  evaluateCompliance,
} from '../compliance/evaluate.ts'
import { loadCompliance } from '../compliance/load.ts'
import type { ModelId } from '../compliance/schema.ts'
import { ScanEvaluator } from '../engine/run-scan.ts'
import { loadScanConfig } from '../engine/scan-config.ts'
import { scanSubject } from '../engine/summary.ts'
import type { ScanResult } from '../engine/types.ts'
import { readSavedInventory } from '../inventory/saved.ts'
import { InputError } from '../model/input-error.ts'
import { readInputFile } from '../model/input-file.ts'
import { validateDocument } from '../model/yaml-file.ts'
import { JsonReportSchema } from '../reports/json-schema.ts'
import { loadResponsibilityModel } from '../responsibility/load.ts'
import { openStore, StoreError } from './_store.ts'

/** A scan to view, and what it covered. */
export interface LoadedScan {
  readonly input: ComplianceInput
  readonly source: ComplianceSource
}

/**
 * Reads a JSON scan report (`sphere scan --format json`).
 * @throws {InputError} for a file that is not a complete report of this schema version
 */
export function readScanReport(file: string): LoadedScan {
  let data: unknown
  try {
    data = JSON.parse(readInputFile(file, 'report'))
  } catch (err) {
    if (err instanceof InputError) throw err
    throw new InputError(file, [
      {
        path: '',
        message: `expected a JSON scan report (sphere scan --format json): ${(err as Error).message}`,
      },
    ])
  }
  const report = validateDocument(data, JsonReportSchema, file)
  if (report.filter)
    throw new InputError(file, [
      {
        path: 'filter',
        message: `the report lists ${report.filter.listed} of ${report.filter.total} findings (written with --severity, --status or --quiet); expected a report of every finding: run the scan without those flags`,
      },
    ])
  return {
    input: report,
    source: { subject: scanSubject(report), evaluatedAt: report.scan.evaluatedAt },
  }
}

/** Evaluates a saved inventory (`sphere scan --save-inventory`) with the scan configuration. */
export function evaluateInventory(file: string, config?: string, now = new Date()): LoadedScan {
  const settings = loadScanConfig(config).settings
  const evaluator = new ScanEvaluator({
    checks,
    model: loadResponsibilityModel(),
    settings,
    tool: { name: 'sphere', version: '' },
    startedAt: now,
    now,
  })
  for (const scope of readSavedInventory(file).scopes) evaluator.add(scope)
  const result = evaluator.finish(now, [])
  return {
    input: result,
    source: { subject: scanSubject(result), evaluatedAt: result.scan.evaluatedAt },
  }
}

/**
 * The views a scan's reports carry (`sphere scan --compliance a,b`), for the most demanding model
 * among the services the scan found (IaaS when it found servers or volumes).
 */
export function scanComplianceViews(result: ScanResult, ids: readonly string[]): ComplianceView[] {
  if (ids.length === 0) return []
  const data = loadCompliance()
  const model: ModelId = result.inventory.models[0] ?? 'iaas'
  const source = { subject: scanSubject(result), evaluatedAt: result.scan.evaluatedAt }
  return ids.map((id) => {
    const fw = data.frameworks.find((f) => f.id === id)
    if (!fw) throw new Error(`unknown framework ${id}`)
    return evaluateCompliance(fw, model, result, data.attestations, source, checks)
  })
}

/**
 * A scan from the history store (`--store latest` or a scan id, `sphere history` lists them).
 * @throws {StoreError} when the store cannot be opened or holds no such scan (exit 2)
 */
export async function readStoredScan(spec: string, which: string): Promise<LoadedScan> {
  const store = await openStore(spec)
  try {
    const scans = await store.scans()
    const row =
      which === 'latest'
        ? scans.at(-1)
        : /^\d+$/.test(which)
          ? scans.find((s) => s.id === Number(which))
          : undefined
    if (!row)
      throw new StoreError(
        which === 'latest'
          ? `${store.where} holds no scans; run sphere scan --store first`
          : `no scan ${which} in ${store.where} (sphere history lists them; or --store latest)`,
      )
    const [findings, checks, issues] = await Promise.all([
      store.findings(row.id),
      store.checks(row.id),
      store.issues(row.id),
    ])
    return {
      input: { findings, checks, issues },
      source: {
        subject: `${scanSubject({ scopes: row.scopes.map((scope) => ({ scope })) as never })} (stored scan ${row.id})`,
        evaluatedAt: row.finishedAt,
      },
    }
  } finally {
    await store.close()
  }
}
