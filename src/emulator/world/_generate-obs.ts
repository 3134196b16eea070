/**
 * OBS buckets, KMS keys and DCS instances of a generated world: one bucket per 100 servers (at least one) and a log bucket per
 * project, with their own random stream so adding them left every other generated resource as
 * it was. Ratios: 10% public-read, 5% authenticated-read, 10% with a policy for principal `*`
 * (half of those narrowed to an address range); 50% SSE-KMS, 20% SSE-OBS; versioning 40% on,
 * 10% suspended; access logging 50%.
 * @module
 */
import { ago, type Doc, type Item, pad } from './_generate-parts.ts'
import { createRng } from './prng.ts'

/** Appends the buckets of one project (`project` undefined: the only one). */
export function fillBuckets(
  doc: Doc,
  p: { project: string | undefined; servers: number; seed: number; index: number },
  counter: { bucket: number },
): void {
  const rng = createRng(p.seed * 7919 + p.index + 1)
  const tag = p.project === undefined ? {} : { project: p.project }
  const logs = `generated-logs-${pad(counter.bucket++, 4)}`
  doc.buckets.push({
    name: logs,
    ...tag,
    acl: 'log-delivery-write',
    encryption: 'AES256',
    createdAt: ago(900),
  })
  for (let k = 0; k < Math.max(1, Math.ceil(p.servers / 100)); k++) {
    const r = rng()
    const acl = r < 0.1 ? 'public-read' : r < 0.15 ? 'authenticated-read' : 'private'
    const policy: Item<'buckets'>['policy'] = rng.chance(0.1)
      ? [
          {
            sid: 'PublicRead',
            principal: 'public',
            actions: ['GetObject'],
            ...(rng.chance(0.5) ? { sourceIps: ['80.158.0.0/16'] } : {}),
          },
        ]
      : []
    const e = rng()
    const v = rng()
    doc.buckets.push({
      name: `generated-data-${pad(counter.bucket++, 4)}`,
      ...tag,
      acl,
      policy,
      encryption: e < 0.5 ? 'kms' : e < 0.7 ? 'AES256' : 'none',
      versioning: v < 0.4 ? 'Enabled' : v < 0.5 ? 'Suspended' : 'none',
      logging: rng.chance(0.5) ? { targetBucket: logs, prefix: `data-${k}/` } : null,
      createdAt: ago(rng.int(1, 800)),
    })
  }
  // DCS: one Redis per 200 servers (20% password-free, 15% whitelist off).
  for (let k = 0; k < Math.max(1, Math.ceil(p.servers / 200)); k++)
    doc.dcsInstances.push({
      name: `redis-${pad(counter.bucket++, 4)}`,
      ...tag,
      passwordFree: rng.chance(0.2),
      whitelistEnabled: !rng.chance(0.15),
      whitelist: [{ name: 'apps', ips: ['192.168.0.0/16'] }],
      createdAt: ago(rng.int(10, 700)),
    })
  // KMS: the OBS Default Master Key and one customer key per 100 servers (50% rotating).
  doc.kmsKeys.push({ alias: 'obs/default', ...tag, default: true, createdAt: ago(900) })
  for (let k = 0; k < Math.max(1, Math.ceil(p.servers / 100)); k++)
    doc.kmsKeys.push({
      alias: `generated-key-${pad(k, 3)}`,
      ...tag,
      rotation: rng.chance(0.5),
      createdAt: ago(rng.int(30, 900)),
    })
}
