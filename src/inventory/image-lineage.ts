/**
 * Reads an OTC Image Factory lineage from an image name. Public images are published as
 * `Standard_<OS>_<version>_latest`; each month's build replaces the `_latest` one, which is renamed
 * `_prev` (`_prev2`, …) and later hidden. Date-stamped builds (`…_20240105`, `…_20180504_0`,
 * `…_20170316-0`) belong to the same family.
 * @module
 */
import type { ImageLineage } from './types.ts'

const SUFFIX = /^(.+?)_(latest|prev\d*|\d{8}(?:\d{4,6})?(?:[_-]\d{1,2})?)$/i

/**
 * The lineage of an image name, or null if the name has no lineage suffix.
 * @example
 * parseImageLineage('Standard_Ubuntu_22.04_latest') // { family: 'Standard_Ubuntu_22.04', isLatest: true }
 * parseImageLineage('Standard_Ubuntu_22.04_prev')   // { family: 'Standard_Ubuntu_22.04', isLatest: false }
 * parseImageLineage('my-golden-image')              // null
 */
export function parseImageLineage(name: string | null | undefined): ImageLineage | null {
  const m = SUFFIX.exec(name?.trim() ?? '')
  if (!m) return null
  return { family: m[1]!, isLatest: m[2]!.toLowerCase() === 'latest' }
}
