/**
 * Resolves the identity part of a world file: domain, projects, groups, users (with MFA, login
 * protection and access keys) and application credentials.
 * @module
 */
import { SERVICE_KEYS } from '../../clients/core/types.ts'
import { OPS } from '../../clients/operations.ts'
import type { NameTable, ResolveContext } from './_context.ts'
import { accessKeyFor, hexFor, secretKeyFor } from './ids.ts'
import type { Agency, ApplicationCredential, Domain, Group, Project, User } from './model.ts'
import { OTC_PROJECT_NAME, type WorldFileData } from './schema.ts'

export function resolveDomain(f: WorldFileData): Domain {
  const digits = f.domain.name.replace(/\D/g, '')
  return {
    id: f.domain.id ?? hexFor('domain', f.domain.name),
    name: f.domain.name,
    xdomainId: digits === '' ? hexFor('xdomain', f.domain.name).slice(0, 20) : digits,
    passwordPolicy: f.domain.passwordPolicy,
    loginPolicy: f.domain.loginPolicy,
    protectPolicy: f.domain.protectPolicy,
  }
}

/** A project's home region: as given, else OTC's from its name, else OpenStack's `RegionOne`. */
const homeRegion = (f: WorldFileData, p: WorldFileData['projects'][number]) =>
  p.region ?? (f.cloud === 'otc' ? p.name.split('_')[0]! : 'RegionOne')

/**
 * Every region of a world, in order: the projects' home regions, then (plain OpenStack only,
 * where every region serves every project) the further regions `regions:` names.
 */
export function worldRegions(f: WorldFileData): string[] {
  const extra = f.cloud === 'openstack' ? Object.keys(f.regions) : []
  return [...new Set([...f.projects.map((p) => homeRegion(f, p)), ...extra])]
}

export function resolveProjects(f: WorldFileData, ctx: ResolveContext): Project[] {
  const all = worldRegions(f)
  return f.projects.map((p, i) => {
    if (f.cloud === 'otc' && !OTC_PROJECT_NAME.test(p.name))
      ctx.issue(`projects[${i}].name`, 'expected a project name like eu-de or eu-de_dev')
    const region = homeRegion(f, p)
    const project: Project = {
      id: p.id ?? hexFor('project', f.domain.name, p.name),
      name: p.name,
      region,
      regions: f.cloud === 'otc' ? [region] : [region, ...all.filter((r) => r !== region)],
      description: p.description,
    }
    ctx.addProject(project, `projects[${i}].name`)
    return project
  })
}

export function resolveGroups(
  f: WorldFileData,
  ctx: ResolveContext,
  table: NameTable<Group>,
): Group[] {
  const groups = f.groups.map((g, i) => {
    const group = {
      id: g.id ?? hexFor('group', f.domain.name, g.name),
      name: g.name,
      description: g.description,
      createdAt: ctx.now,
    }
    table.add(group, `groups[${i}].name`)
    return group
  })
  // Every OTC account has the built-in `admin` group.
  if (!table.find('admin')) {
    const admin = {
      id: hexFor('group', f.domain.name, 'admin'),
      name: 'admin',
      description: 'Full administrator group (built in)',
      createdAt: ctx.now,
    }
    table.add(admin, 'groups')
    groups.unshift(admin)
  }
  return groups
}

export function resolveUsers(
  f: WorldFileData,
  ctx: ResolveContext,
  groups: NameTable<Group>,
  table: NameTable<User>,
): User[] {
  return f.users.map((u, i) => {
    const path = `users[${i}]`
    const id = u.id ?? hexFor('user', f.domain.name, u.name)
    const user: User = {
      id,
      name: u.name,
      password: u.password,
      enabled: u.enabled,
      description: u.description,
      email: u.email,
      accessMode: u.accessMode,
      isDomainOwner: u.isDomainOwner,
      createdAt: ctx.time(u.createdAt, `${path}.createdAt`),
      lastLogin: ctx.maybeTime(u.lastLogin, `${path}.lastLogin`),
      passwordExpiresAt: ctx.maybeTime(u.passwordExpiresAt, `${path}.passwordExpiresAt`),
      mustChangePassword: u.mustChangePassword,
      mfaSerial:
        u.mfa === false ? null : ((u.mfa === true ? undefined : u.mfa.serial) ?? `iam/mfa/${id}`),
      loginProtection: u.loginProtection ?? null,
      accessKeys: u.accessKeys.map((k, j) => ({
        access: k.access ?? accessKeyFor(f.domain.name, u.name, String(j)),
        secret: k.secret ?? secretKeyFor(f.domain.name, u.name, String(j)),
        status: k.status,
        createdAt: ctx.time(k.createdAt, `${path}.accessKeys[${j}].createdAt`),
        lastUsed: ctx.maybeTime(k.lastUsed, `${path}.accessKeys[${j}].lastUsed`),
        description: k.description,
      })),
      groupIds: u.groups.flatMap((g, j) => {
        const group = groups.get(g, `${path}.groups[${j}]`)
        return group ? [group.id] : []
      }),
      projectIds: roleProjects(u.projects, ctx, path),
      deny: u.deny.filter((d, j) => {
        const known = (SERVICE_KEYS as readonly string[]).includes(d) || d in OPS
        if (!known)
          ctx.issue(
            `${path}.deny[${j}]`,
            `unknown service or operation "${d}"; expected one of: ${SERVICE_KEYS.join(', ')} or an operation such as compute.ListKeypairs`,
          )
        return known
      }),
    }
    table.add(user, `${path}.name`)
    return user
  })
}

/** The projects a user has a role in: the named ones (each once), or every project. */
function roleProjects(names: string[] | undefined, ctx: ResolveContext, path: string): string[] {
  if (names === undefined) return [...ctx.projects.values()].map((p) => p.id)
  const ids = new Set<string>()
  names.forEach((n, j) => {
    const p = ctx.projects.get(n)
    if (!p)
      ctx.issue(
        `${path}.projects[${j}]`,
        `unknown project "${n}"; expected one of: ${[...ctx.projects.keys()].map((k) => `"${k}"`).join(', ')}`,
      )
    else if (ids.has(p.id)) ctx.issue(`${path}.projects[${j}]`, `project "${n}" is listed twice`)
    else ids.add(p.id)
  })
  return [...ctx.projects.values()].filter((p) => ids.has(p.id)).map((p) => p.id)
}

export function checkAccessKeysUnique(users: readonly User[], ctx: ResolveContext): void {
  const seen = new Set<string>()
  users.forEach((u, i) => {
    u.accessKeys.forEach((k, j) => {
      if (seen.has(k.access))
        ctx.issue(`users[${i}].accessKeys[${j}].access`, `duplicate access key "${k.access}"`)
      seen.add(k.access)
    })
  })
}

export function resolveAppCredentials(
  f: WorldFileData,
  ctx: ResolveContext,
  users: NameTable<User>,
): ApplicationCredential[] {
  return f.applicationCredentials.flatMap((a, i) => {
    const path = `applicationCredentials[${i}]`
    const user = users.get(a.user, `${path}.user`)
    const project = ctx.project(a.project, `${path}.project`)
    if (!user) return []
    if (!user.projectIds.includes(project.id))
      ctx.issue(
        `${path}.project`,
        `user "${a.user}" has no role in project "${project.name}" (see users[].projects)`,
      )
    return [
      {
        id: a.id ?? hexFor('application-credential', f.domain.name, a.user, a.name),
        name: a.name,
        userId: user.id,
        projectId: project.id,
        secret: a.secret,
        description: a.description,
        expiresAt: ctx.maybeTime(a.expiresAt, `${path}.expiresAt`),
      },
    ]
  })
}

export function resolveAgencies(f: WorldFileData, ctx: ResolveContext): Agency[] {
  return f.agencies.map((a, i) => ({
    id: a.id ?? hexFor('agency', f.domain.name, a.name),
    name: a.name,
    trustDomainId: a.trustDomainId ?? hexFor('domain', a.trustDomain),
    trustDomainName: a.trustDomain,
    duration: a.duration,
    description: a.description,
    createdAt: ctx.time(a.createdAt, `agencies[${i}].createdAt`),
  }))
}
