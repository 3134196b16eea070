/**
 * The in-VM host collector and its reports: the shipped script, the parser, loading a directory
 * of reports and matching them to servers. The report format is `model/host-report.ts`
 * (documented in `docs/host-report.md`).
 * @module
 */

// The report format
export {
  HOST_REPORT_SCHEMA,
  type HostMatch,
  type HostMatchKind,
  HostReport,
  type HostReportLookup,
} from '../model/host-report.ts'
// Reports on disk
export { type LoadedHostReports, loadHostReports, validateHostReport } from './load.ts'
// Reports → servers
export { type MatchOptions, type MatchResult, matchHostReports } from './match.ts'
// Collector output → report
export { parseHostOutput } from './parse.ts'
// The collector script
export { type CollectLocalOptions, collectLocal, HOST_SCRIPT_PATH, hostScript } from './script.ts'
