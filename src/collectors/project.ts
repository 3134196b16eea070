/**
 * The synthetic `project` resource: one per scanned project and region, the subject of
 * project-wide checks. It makes no API call of its own.
 * @module
 */
import type { Project } from '../inventory/types.ts'
import { defineCollector, type MapContext } from './_collector.ts'

/** What is known about the scanned project. */
export interface ProjectFacts {
  /** Project name, when known (else the id is used). */
  name?: string
  /** Domain (account) id from the session; null when unknown. */
  domainId: string | null
}

/** Builds the project resource (id = project id). */
export function toProject(facts: ProjectFacts, ctx: MapContext): Project {
  return {
    type: 'project',
    id: ctx.projectId,
    name: facts.name || ctx.projectId,
    region: ctx.region,
    projectId: ctx.projectId,
    domainId: facts.domainId || null,
  }
}

/**
 * Collects `project`. The domain id comes from the identity client (the session knows it from
 * the token); if that client cannot be had, the domain id is null (the failure shows on the IAM
 * types that need the client).
 */
export const projectCollector = defineCollector({
  type: 'project',
  service: 'identity',
  services: [],
  async collect(ctx) {
    const domainId = await ctx.client('identity').then(
      (c) => c.domainId,
      () => null,
    )
    ctx.signal?.throwIfAborted()
    return { resources: [toProject({ name: ctx.projectName, domainId }, ctx)] }
  },
})
