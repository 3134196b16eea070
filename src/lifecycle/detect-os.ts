/**
 * Detects the OS and release of an image from the strings the cloud gives: IMS `__os_version`
 * ("Ubuntu 22.04 server 64bit", "Oracle Linux Server release 8.4 64bit", "Windows Server 2022
 * Datacenter 64bit"), `__platform` ("Ubuntu", "Windows"), Glance's standard `os_distro`/`os_version`
 * ("ubuntu"/"18.04") and names ("Standard_Ubuntu_24.04_amd64_uefi_latest",
 * "Enterprise_Windows-Server_2022_STD_amd64_uefi_latest", "ubuntu-18.04").
 * @module
 */
import type { OsId } from './os-eol.ts'

/** Image facts that name an OS; any may be missing. */
export interface OsHints {
  /** IMS `__os_version`. */
  osVersion?: string | null
  /** IMS `__platform`. */
  platform?: string | null
  /** Glance's standard `os_distro` (`ubuntu`, `centos`, `rhel`, `sles`, …). */
  osDistro?: string | null
  /** Glance's standard `os_version` (`18.04`, `7`); read together with `osDistro`. */
  osDistroVersion?: string | null
  name?: string | null
}

// A version must not run into letters ("64bit" is not a version).
const V = String.raw`(\d+(?:\.\d+)*)(?![\w.])`

/** An optional `SPn` after a version (`SLES12 SP3`, `openEuler 22.03 LTS SP3`, `EulerOS 2.0 (SP10)`). */
const SP = String.raw`(?:\s*\(?\s*sp\s*(\d+)\)?)?`

/** Patterns, most specific first; `version` builds the release from the match. */
const PATTERNS: { distro: string; re: RegExp; version?: (m: RegExpExecArray) => string }[] = [
  {
    // Windows Server 2022 Datacenter, Windows Server 2012 Essentials R2, Windows STD 2012R2,
    // Windows ENT 2008R2SP1, Windows 2012DC; desktop Windows (10, 7) has no four-digit year.
    distro: 'windows-server',
    re: /\bwin(?:dows)?(?:\s*server)?(?:\s+(?:std|standard|dc|datacenter|ent|enterprise|web|core|essentials))*\s*(\d{4})(?:\s*(?:essentials\s*)?(r2))?(?:\s*sp\d+)?(?:dc|std)?(?![\w.])/i,
    version: (m) => (m[2] ? `${m[1]}-r2` : m[1]!),
  },
  {
    // A rolling release: the image may name its Fedora base (`Fedora CoreOS 39`) or nothing.
    distro: 'fedora-coreos',
    re: /\bfedora\s*core\s*os\b(?:\s+(\d+)(?![\w]))?/i,
    version: (m) => m[1] ?? 'rolling',
  },
  {
    // Huawei Cloud EulerOS 2.0, HCE 2.0, and as CCE names node OSs, HCE OS 2.0.
    distro: 'hce',
    re: new RegExp(String.raw`\b(?:huawei cloud euleros|hce(?:\s*os)?)\s+${V}`, 'i'),
  },
  { distro: 'centos-stream', re: new RegExp(String.raw`\bcentos\s*stream\s+${V}`, 'i') },
  { distro: 'centos', re: new RegExp(String.raw`\bcentos\s+${V}`, 'i') },
  { distro: 'ubuntu', re: new RegExp(String.raw`\bubuntu\s+${V}`, 'i') },
  {
    distro: 'debian',
    re: new RegExp(String.raw`\bdebian(?:\s+gnu/linux)?\s+${V}`, 'i'),
    version: (m) => m[1]!.split('.')[0]!,
  },
  {
    // Red Hat Enterprise Linux 9.1, Redhat Linux Enterprise 8.0, Redhat 7.6, RHEL 9.
    distro: 'rhel',
    re: new RegExp(
      String.raw`\b(?:red\s*hat(?:\s+(?:enterprise\s+linux|linux\s+enterprise))?(?:\s+server)?|rhel)\s*${V}`,
      'i',
    ),
  },
  { distro: 'rocky', re: new RegExp(String.raw`\brocky(?:\s*linux)?\s+${V}`, 'i') },
  { distro: 'almalinux', re: new RegExp(String.raw`\balma(?:\s*linux)?(?:\s+os)?\s+${V}`, 'i') },
  {
    // Oracle Linux 9.2, Oracle Linux Server release 8.4, OracleLinux 7UEK (Unbreakable kernel).
    distro: 'ol',
    re: /\boracle(?:\s*linux)?(?:\s+server)?(?:\s+release)?\s+(\d+(?:\.\d+)*)(?:uek)?(?![\w.])/i,
  },
  { distro: 'fedora', re: new RegExp(String.raw`\bfedora(?:\s*linux)?\s+${V}`, 'i') },
  { distro: 'opensuse-leap', re: new RegExp(String.raw`\bopensuse(?:\s+leap)?\s+${V}`, 'i') },
  {
    // SUSE Linux Enterprise Server 15 SP5, SUSE Enterprise Linux Server 11 SP3, SLES12 SP3,
    // SLES 15.6; SP0 is the first release (`15.0`, looked up as `15`).
    distro: 'sles',
    re: /\b(?:sles|suse(?:\s+linux)?(?:\s+enterprise)?(?:\s+linux)?(?:\s+server)?)\s*(\d+)(?:\.(\d+)|\s*sp\s*(\d+))?(?![\w.])/i,
    version: (m) => ((m[2] ?? m[3]) ? `${m[1]}.${m[2] ?? m[3]}` : m[1]!),
  },
  {
    distro: 'openeuler',
    re: new RegExp(String.raw`\bopeneuler\s+(\d{2}\.\d{2})(?:\s+lts)?${SP}(?![\w.])`, 'i'),
    version: (m) => (m[2] ? `${m[1]}-sp${m[2]}` : m[1]!),
  },
  {
    // EulerOS 2.9; EulerOS 2.0 (SP10) is 2.10, as its os-release says.
    distro: 'euleros',
    re: new RegExp(String.raw`\beuleros\s+(\d+)(?:\.(\d+))?${SP}(?![\w.])`, 'i'),
    version: (m) =>
      m[3] && (m[2] ?? '0') === '0' ? `${m[1]}.${m[3]}` : m[2] ? `${m[1]}.${m[2]}` : m[1]!,
  },
]

function match(text: string): OsId | null {
  const t = text.replace(/[_]+/g, ' ').replace(/\s+/g, ' ')
  for (const p of PATTERNS) {
    const m = p.re.exec(t)
    if (m) return { distro: p.distro, version: p.version ? p.version(m) : m[1]! }
  }
  return null
}

/**
 * Glance `os_distro` values (the image metadata definitions' list, plus common spellings) in
 * the words {@link PATTERNS} know; the others name themselves (`ubuntu`, `centos`, `debian`, …).
 */
const GLANCE_DISTROS: Record<string, string> = {
  redhat: 'rhel',
  sled: 'sles',
  suse: 'sles',
  ol: 'oracle',
  oraclelinux: 'oracle',
  oel: 'oracle',
  alma: 'almalinux',
  rockylinux: 'rocky',
  'centos-stream': 'centos stream',
  centosstream: 'centos stream',
  'opensuse-leap': 'opensuse',
  'fedora-coreos': 'fedora coreos',
  fcos: 'fedora coreos',
}

/** The OS named by Glance's `os_distro` + `os_version`, or null unless both name one. */
function fromGlance(distro: string | null | undefined, version: string | null | undefined) {
  const d = distro?.trim().toLowerCase()
  const v = version?.trim()
  if (!d || !v) return null
  return match(`${GLANCE_DISTROS[d] ?? d} ${v}`)
}

/**
 * True when the hints name Windows, server or desktop: `__platform`, `os_distro` or
 * `__os_version` say so, or the OS detected (from the name, say) is Windows Server. The POSIX host
 * collector does not apply to such a server.
 * @example
 * namesWindows({ platform: 'Windows' })                                      // true
 * namesWindows({ name: 'Enterprise_Windows-Server_2022_STD_amd64_uefi_latest' }) // true
 * namesWindows({ osVersion: 'Ubuntu 24.04 server 64bit' })                   // false
 */
export function namesWindows(hints: OsHints): boolean {
  const said = [hints.platform, hints.osDistro, hints.osVersion].some(
    (s) => typeof s === 'string' && /\bwindows\b/i.test(s),
  )
  return said || detectOs(hints)?.distro === 'windows-server'
}

/**
 * An image name with its separators as spaces: `ubuntu-18.04` → `ubuntu 18.04`,
 * `CentOS-7-x86_64-GenericCloud` → `CentOS 7 x86 64 GenericCloud`. Dots stay (versions).
 */
const nameWords = (name: string) => name.replace(/[-_]+/g, ' ')

/**
 * The OS an image carries, or null when none of the hints names a known distribution with a
 * version. Sources, best first: `__os_version`, then Glance's `os_distro` + `os_version`, then
 * the name. `__platform` (else `os_distro`) is prefixed when a string lacks the distribution.
 * @example
 * detectOs({ osVersion: 'CentOS 7.9 64bit' })              // { distro: 'centos', version: '7.9' }
 * detectOs({ osDistro: 'ubuntu', osDistroVersion: '18.04' }) // { distro: 'ubuntu', version: '18.04' }
 * detectOs({ name: 'Standard_Ubuntu_22.04_latest' })      // { distro: 'ubuntu', version: '22.04' }
 * detectOs({ name: 'CentOS-7-x86_64-GenericCloud' })      // { distro: 'centos', version: '7' }
 * detectOs({ osVersion: 'openEuler 22.03 LTS SP3 64bit' }) // { distro: 'openeuler', version: '22.03-sp3' }
 * detectOs({ name: 'Enterprise_Windows_STD_2012R2_KVM' })  // { distro: 'windows-server', version: '2012-r2' }
 * detectOs({ name: 'Standard_Fedora_CoreOS_latest' })     // { distro: 'fedora-coreos', version: 'rolling' }
 */
export function detectOs(hints: OsHints): OsId | null {
  const glanceDistro = hints.osDistro?.trim().toLowerCase()
  const platform =
    hints.platform?.trim() || (glanceDistro ? (GLANCE_DISTROS[glanceDistro] ?? glanceDistro) : '')
  const withPlatform = (s: string | null | undefined): string[] => {
    if (typeof s !== 'string' || s.trim() === '') return []
    return platform ? [s, `${platform} ${s}`] : [s]
  }
  for (const c of withPlatform(hints.osVersion)) {
    const hit = match(c)
    if (hit) return hit
  }
  const glance = fromGlance(hints.osDistro, hints.osDistroVersion)
  if (glance) return glance
  for (const c of withPlatform(hints.name ? nameWords(hints.name) : null)) {
    const hit = match(c)
    if (hit) return hit
  }
  return null
}

/** os-release `ID` → our distro id, where they differ or several ids share one product. */
const RELEASE_IDS: Record<string, string> = {
  sles_sap: 'sles',
  sled: 'sles',
  opensuse: 'opensuse-leap',
  redhat: 'rhel',
}

/**
 * The OS named by `/etc/os-release` fields (`ID`, `VERSION_ID`, `VERSION`, `NAME`), mapped to the
 * ids of `os-eol.yaml`: CentOS Stream apart from CentOS Linux, openEuler service packs from
 * `VERSION` (`22.03 (LTS-SP3)` → `22.03-sp3`), EulerOS `2.0 (SP10)` → `2.10`. Null without an
 * `ID` or `VERSION_ID` (Debian testing/sid has none).
 * @example
 * osFromRelease({ ID: 'openEuler', VERSION_ID: '22.03', VERSION: '22.03 (LTS-SP3)' }) // { distro: 'openeuler', version: '22.03-sp3' }
 */
export function osFromRelease(fields: Readonly<Record<string, string>>): OsId | null {
  const rawId = fields.ID?.trim().toLowerCase()
  const versionId = fields.VERSION_ID?.trim()
  if (!rawId || !versionId) return null
  const sp = /\bSP\s*(\d+)/i.exec(fields.VERSION ?? '')?.[1]
  let distro = RELEASE_IDS[rawId] ?? rawId
  let version = versionId.toLowerCase()
  if (distro === 'centos' && /stream/i.test(`${fields.NAME ?? ''} ${fields.PRETTY_NAME ?? ''}`))
    distro = 'centos-stream'
  if (distro === 'debian') version = version.split('.')[0]!
  if (distro === 'openeuler' && sp) version = `${version}-sp${sp}`
  if (distro === 'euleros' && sp && /^2(\.0)?$/.test(version)) version = `2.${sp}`
  return { distro, version }
}
