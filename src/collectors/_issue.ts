/**
 * Turning errors into {@link CollectionIssue}s. The message is the error's own (the transport
 * has already redacted it); the kind is the transport's `CloudApiError.kind`, else `unknown`.
 * @module
 */
import { CloudApiError } from '../clients/core/errors.ts'
import type { CollectionIssue, ResourceType } from '../inventory/types.ts'

/** Where an issue belongs. */
export interface IssueScope {
  service: string
  resourceType: ResourceType
  region: string
}

/** The transport's error kind, or `unknown` for anything else. */
export function errorKind(err: unknown): string {
  return err instanceof CloudApiError ? err.kind : 'unknown'
}

/** The message of any thrown value. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

/**
 * A collection issue for `err`.
 * @example issueFrom(err, { service: 'compute', resourceType: 'ecs.server', region: 'eu-de' })
 */
export function issueFrom(err: unknown, scope: IssueScope): CollectionIssue {
  return { ...scope, errorKind: errorKind(err), message: errorMessage(err) }
}

/**
 * One issue for the failed items of a fan-out (`what` names the per-item call), or undefined
 * when none failed. Carries the first error's kind and message and counts the rest, so a 403 on
 * every user gives one issue, not hundreds.
 * @example fanOutIssue(ctx.issue, errors, users.length, 'user details (ShowUser)')
 */
export function fanOutIssue(
  issue: (err: unknown) => CollectionIssue,
  errors: readonly unknown[],
  total: number,
  what: string,
): CollectionIssue | undefined {
  if (errors.length === 0) return undefined
  const base = issue(errors[0])
  const count = total === 1 ? '' : ` ${errors.length} of ${total} failed; first:`
  return { ...base, message: `${what}:${count} ${base.message}` }
}
