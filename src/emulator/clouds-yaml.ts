/**
 * `clouds.yaml` for a running emulator, so `sphere scan --cloud <name>` (or any OpenStack tool)
 * can log in to it like to a real cloud.
 * @module
 */
import { stringify } from 'yaml'
import type { World } from './world/model.ts'

/** What goes into the `clouds.yaml` entry. */
export interface CloudsYamlOptions {
  /** Keystone URL, e.g. `http://127.0.0.1:8443/identity/v3` (`RunningEmulator.authUrl`). */
  authUrl: string
  cloudName: string
  username: string
  password: string
  projectName: string
  /** The account (domain) name; used as user and project domain. */
  domainName: string
  region: string
}

/**
 * The text of a `clouds.yaml` with one cloud.
 * @example
 * writeFileSync(file, writeCloudsYaml({ authUrl: emu.authUrl, cloudName: 'demo', ...loginFor(world) }))
 */
export function writeCloudsYaml(o: CloudsYamlOptions): string {
  const doc = {
    clouds: {
      [o.cloudName]: {
        auth: {
          auth_url: o.authUrl,
          username: o.username,
          password: o.password,
          project_name: o.projectName,
          user_domain_name: o.domainName,
          project_domain_name: o.domainName,
        },
        region_name: o.region,
        interface: 'public',
        identity_api_version: 3,
      },
    },
  }
  return `# Written by sphere for the local emulator; not a real cloud.\n${stringify(doc)}`
}

/**
 * A login for scanning a world: the first enabled administrator with a password, in the first
 * project it has a role in (demo: `sphere-admin` in `eu-de`).
 * @throws {Error} when no enabled user with a password is in the `admin` group
 */
export function loginFor(world: World): Omit<CloudsYamlOptions, 'authUrl' | 'cloudName'> {
  const admin = world.groups.find((g) => g.name === 'admin')
  const user =
    world.users.find(
      (u) =>
        u.enabled &&
        u.password !== undefined &&
        !u.isDomainOwner &&
        u.groupIds.includes(admin?.id ?? ''),
    ) ?? world.users.find((u) => u.enabled && u.password !== undefined)
  if (!user?.password) throw new Error(`world "${world.name}" has no enabled user with a password`)
  const project = world.projects.find((p) => user.projectIds.includes(p.id)) ?? world.projects[0]!
  return {
    username: user.name,
    password: user.password,
    projectName: project.name,
    domainName: world.domain.name,
    region: project.region,
  }
}
