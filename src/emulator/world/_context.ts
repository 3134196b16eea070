/**
 * Shared state while a world file is resolved: collected issues, the clock for relative times
 * and name lookups that report unknown or ambiguous references with their file path.
 * @module
 */
import type { InputIssue } from '../../model/input-error.ts'
import { uuidFor } from './ids.ts'
import type { Project } from './model.ts'
import { resolveTime } from './time.ts'

/**
 * Where a region-bound resource lives: its project and region. `key` scopes its name (names are
 * unique per project and region) and `label` derives its ids; both are the project's own for its
 * home region, so single-region worlds keep their names and ids.
 */
export interface Place {
  project: Project
  region: string
  key: string
  label: string
}

/** The place of `project` in `region`. */
export function placeOf(project: Project, region = project.region): Place {
  const home = region === project.region
  return {
    project,
    region,
    key: home ? project.id : `${project.id}@${region}`,
    label: home ? project.name : `${project.name}@${region}`,
  }
}

/** Something with a name that can be referenced. */
interface Named {
  name: string
}

function listOf(names: readonly string[]): string {
  if (names.length === 0) return 'none are defined'
  const shown = names.slice(0, 10).map((n) => `"${n}"`)
  return `expected one of: ${shown.join(', ')}${names.length > 10 ? `, … (${names.length} in all)` : ''}`
}

/** A name table for one kind of resource, optionally per project. */
export class NameTable<T extends Named> {
  private readonly byKey = new Map<string, T>()
  private readonly names = new Map<string, string[]>()

  constructor(
    private readonly ctx: ResolveContext,
    readonly kind: string,
  ) {}

  /** Adds an item; a second item with the same name (in the same project) is an issue. */
  add(item: T, path: string, projectId = ''): void {
    const key = `${projectId}\u0000${item.name}`
    if (this.byKey.has(key)) {
      this.ctx.issue(path, `duplicate ${this.kind} name "${item.name}"`)
      return
    }
    this.byKey.set(key, item)
    const list = this.names.get(projectId) ?? []
    list.push(item.name)
    this.names.set(projectId, list)
  }

  /** Looks a name up; unknown names are reported at `path` and yield undefined. */
  get(name: string, path: string, projectId = ''): T | undefined {
    const item = this.byKey.get(`${projectId}\u0000${name}`)
    if (!item)
      this.ctx.issue(
        path,
        `unknown ${this.kind} "${name}"; ${listOf(this.names.get(projectId) ?? [])}`,
      )
    return item
  }

  /** Every item of a project, in the order added. */
  all(projectId = ''): T[] {
    return (this.names.get(projectId) ?? []).map((n) => this.byKey.get(`${projectId}\u0000${n}`)!)
  }

  /** Looks a name up without reporting. */
  find(name: string, projectId = ''): T | undefined {
    return this.byKey.get(`${projectId}\u0000${name}`)
  }
}

/** Collects issues and resolves projects and times. */
export class ResolveContext {
  readonly issues: InputIssue[] = []
  readonly projects = new Map<string, Project>()
  private defaultProjectName = ''
  private allPlaces: Place[] | undefined

  constructor(readonly now: number) {}

  issue(path: string, message: string): void {
    this.issues.push({ path, message })
  }

  addProject(p: Project, path: string): void {
    if (this.projects.has(p.name)) this.issue(path, `duplicate project name "${p.name}"`)
    if (this.projects.size === 0) this.defaultProjectName = p.name
    this.projects.set(p.name, p)
    this.allPlaces = undefined
  }

  /**
   * The place of a region-bound resource: its project (see {@link project}) and its region,
   * which must be one of the project's (default: the project's home region).
   */
  place(projectName: string | undefined, region: string | undefined, path: string): Place {
    const project = this.project(projectName, `${path}.project`)
    if (region === undefined || project.regions.includes(region)) return placeOf(project, region)
    this.issue(
      `${path}.region`,
      `project "${project.name}" is not in region "${region}"; ${listOf(project.regions)}`,
    )
    return placeOf(project)
  }

  /** Every place (project × region), each project's home region first. */
  places(): readonly Place[] {
    this.allPlaces ??= [...this.projects.values()].flatMap((p) =>
      p.regions.map((r) => placeOf(p, r)),
    )
    return this.allPlaces
  }

  /** The named project, or the first project when no name is given. */
  project(name: string | undefined, path: string): Project {
    const p = this.projects.get(name ?? this.defaultProjectName)
    if (p) return p
    this.issue(path, `unknown project "${name}"; ${listOf([...this.projects.keys()])}`)
    return this.projects.get(this.defaultProjectName)!
  }

  time(value: string | Date, path: string): number {
    const ms = resolveTime(value, this.now)
    if (Number.isNaN(ms)) this.issue(path, `cannot read the time "${String(value)}"`)
    return ms
  }

  maybeTime(value: string | Date | null, path: string): number | null {
    return value === null ? null : this.time(value, path)
  }

  /** The given id, or one derived from the kind, project and name. */
  uuid(given: string | undefined, kind: string, ...key: string[]): string {
    return given ?? uuidFor(kind, ...key)
  }
}
