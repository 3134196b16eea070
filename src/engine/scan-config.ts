/**
 * Reads the scan configuration file with the check settings' schema plugged into its
 * `thresholds`, and resolves the settings the checks run with (defaults plus overrides).
 * @module
 */

import { CheckSettings, DEFAULT_SETTINGS } from '../checks/settings.ts'
import {
  defaultScanConfig,
  parseScanConfig,
  readScanConfig,
  type ScanConfig,
} from '../config/scan-config.ts'

/** A scan configuration and the check settings it resolves to. */
export interface ResolvedScanConfig {
  readonly config: ScanConfig<CheckSettings>
  readonly settings: Readonly<CheckSettings>
}

function resolved(config: ScanConfig<CheckSettings>): ResolvedScanConfig {
  return { config, settings: Object.freeze(config.thresholds ?? DEFAULT_SETTINGS) }
}

/**
 * Loads `file`, or the defaults when no file is given.
 * @throws {InputError} naming the file, the path (`thresholds.rpoHours`) and what was expected
 * @example
 * const { config, settings } = loadScanConfig(args.config)
 */
export function loadScanConfig(file?: string): ResolvedScanConfig {
  if (file === undefined) return resolved(defaultScanConfig() as ScanConfig<CheckSettings>)
  return resolved(readScanConfig(file, CheckSettings))
}

/** Parses configuration text (for tests and inline configuration). */
export function parseScanConfigText(text: string, file: string): ResolvedScanConfig {
  return resolved(parseScanConfig(text, file, CheckSettings))
}
