/**
 * Thresholds of the checks, with defaults. A config file may override any of them later; checks
 * read them from `ctx.settings` and never hard-code a number.
 * @module
 */
import { z } from 'zod'

const port = z.number().int().min(1).max(65535)
const days = z.number().int().min(1)

/** Schema of the check settings; every field has a default. */
export const CheckSettings = z.strictObject({
  /** Remote administration ports that must never be open to the internet. */
  adminPorts: z.array(port).default([22, 3389]),
  /** Database and data-store ports that must never be open to the internet. */
  databasePorts: z.array(port).default([3306, 5432, 1433, 1521, 27017, 6379, 9200]),
  /** An active access key older than this must be rotated. */
  accessKeyMaxAgeDays: days.default(90),
  /** An active access key unused for this long should be removed. */
  accessKeyUnusedDays: days.default(90),
  /** An enabled user inactive for this long should be disabled. */
  userInactiveDays: days.default(90),
  /** An image older than this is stale. */
  imageMaxAgeDays: days.default(180),
  /**
   * Which support phase counts as supported for an OS release: `standard` only, or also the
   * vendor's `extended` phase (Debian LTS, Ubuntu ESM, RHEL ELS, SUSE LTSS) for customers who have it,
   * and Windows Server's Extended Support (after mainstream support; security updates continue).
   */
  osSupportPhase: z.enum(['standard', 'extended']).default('standard'),
  /** Recovery point objective: the newest backup must be younger than this. */
  rpoHours: z.number().positive().default(24),
  /** A backup policy must keep backups at least this many days … */
  retentionMinDays: days.default(7),
  /** … and at least this many backups. */
  retentionMinCount: z.number().int().min(1).default(7),
  /** RDS automated backups must be kept at least this many days. */
  rdsBackupMinKeepDays: days.default(7),
  /** Minimum password length of the account's password policy. */
  passwordMinLength: z.number().int().min(6).default(12),
  /** Minimum number of character types a password must mix. */
  passwordMinCharTypes: z.number().int().min(1).max(4).default(3),
  /** A host report older than this is stale (its checks report `error`). */
  hostReportMaxAgeDays: days.default(7),
  /** A machine's newest package upgrade must be younger than this. */
  hostPatchMaxAgeDays: days.default(30),
  /** Ports web clients use: a public listener on one must speak HTTPS or redirect to it. */
  elbWebPorts: z.array(port).default([80, 443, 8000, 8008, 8080, 8443, 8888]),
  /** A load-balancer certificate expiring within this many days must be renewed now. */
  elbCertificateExpiryDays: days.default(30),
  /** Package lists older than this make "no pending update" unreliable. */
  hostListsMaxAgeDays: days.default(7),
})

/** Resolved check settings. */
export type CheckSettings = z.output<typeof CheckSettings>

/** The defaults, frozen. */
export const DEFAULT_SETTINGS: Readonly<CheckSettings> = Object.freeze(CheckSettings.parse({}))

/** Defaults with the given overrides applied and validated. */
export function resolveSettings(
  overrides: z.input<typeof CheckSettings> = {},
): Readonly<CheckSettings> {
  return Object.freeze(CheckSettings.parse(overrides))
}
