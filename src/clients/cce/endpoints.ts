/**
 * The API server addresses of a CCE cluster from `status.endpoints`, whichever documented shape
 * it comes in (otc-api-platform.md §4.1; see `ClusterEndpointsWire`).
 * @module
 */
import type { ClusterEndpointsWire } from './schemas.ts'

/** The URLs of a cluster's API server, by kind. */
export interface EndpointUrls {
  /** Inside the VPC. */
  internal: string[]
  /** Outside the VPC: the master's EIP. */
  external: string[]
  /** OTC's `external_otc` (`https://<uid>.container.<region>…`): the API gateway's name. */
  externalOtc: string[]
  /** Kinds not named above, kept so nothing is dropped silently. */
  other: string[]
}

type Kind = keyof EndpointUrls

/** A kind name as the shapes spell it: `Internal`, `external`, `external_otc`, `externalOTC`. */
function kindOf(name: string): Kind {
  const k = name.toLowerCase().replace(/[^a-z]/g, '')
  if (k === 'internal') return 'internal'
  if (k === 'external') return 'external'
  if (k === 'externalotc') return 'externalOtc'
  return 'other'
}

const usable = (v: unknown): v is string => typeof v === 'string' && v.trim() !== ''

/**
 * Every URL of `status.endpoints` by kind: OTC's object, Huawei's `[{url, type}]` and the OTC
 * doc sample's `[{"Internal": url}, {"External": url}]` alike; empty values are left out.
 * @example
 * endpointUrls([{ url: 'https://10.0.0.1:5443', type: 'External' }]).external // ['https://10.0.0.1:5443']
 */
export function endpointUrls(endpoints: ClusterEndpointsWire | null | undefined): EndpointUrls {
  const out: EndpointUrls = { internal: [], external: [], externalOtc: [], other: [] }
  const add = (kind: string, url: unknown) => {
    if (usable(url)) out[kindOf(kind)].push(url.trim())
  }
  if (!endpoints) return out
  if (!Array.isArray(endpoints)) {
    for (const [k, v] of Object.entries(endpoints)) add(k, v)
    return out
  }
  for (const e of endpoints) {
    if ('url' in e || 'type' in e) add(e.type ?? 'other', e.url)
    else for (const [k, v] of Object.entries(e)) add(k, v)
  }
  return out
}
