/**
 * Canonical Keystone samples (verbatim from otc-api.md) and builders of valid wire items.
 * @module
 */
import { fakeHex, makeBuilder } from '../testing/fixture-ids.ts'
import { GroupWire, ProjectWire, UserWire } from './schemas.ts'

/** Real sample body, verbatim from otc-api.md §1.5 GET /v3/projects?name=eu-de. */
export const keystoneProjectsSample = {
  projects: [
    {
      is_domain: false,
      description: '',
      enabled: true,
      id: 'e86737682ab64b2490c48f08bcc41914',
      parent_id: 'c9f5525d9d24c5bbf91e74d86772029',
      domain_id: 'c9f5525d9d24c5bbf91e74d86772029',
      name: 'eu-de',
      links: {
        self: 'https://iam.eu-de.otc.t-systems.com/v3/projects/e86737682ab64b2490c48f08bcc41914',
      },
    },
  ],
  links: {
    self: 'https://iam.eu-de.otc.t-systems.com/v3/projects?name=eu-de',
    previous: null,
    next: null,
  },
}

/** Real sample body, verbatim from otc-api-platform.md §9.1 GET /v3/auth/projects. */
export const keystoneAuthProjectsSample = {
  links: { self: 'https://sample.domain.com/v3/auth/projects', previous: null, next: null },
  projects: [
    {
      is_domain: false,
      description: '',
      enabled: true,
      id: '9041929bcc6e4bfe85add4e7b96ffdd7',
      parent_id: '398998b5392f4150ad48fe456d6de4f1',
      domain_id: '398998b5392f4150ad48fe456d6de4f1',
      name: 'region_name',
      links: { self: 'https://sample.domain.com/v3/projects/9041929bcc6e4bfe85add4e7b96ffdd7' },
    },
  ],
}

/** Real sample body, verbatim from otc-api.md §9.1 GET /v3/users. */
export const keystoneUsersSample = {
  users: [
    {
      id: '6d8b04e3bf99445b8f763009xxx',
      name: 'username',
      domain_id: '88b16b6440684467b8825d7xxx',
      enabled: false,
      description: '1234',
      default_project_id: '263fd9',
      password_expires_at: '2016-12-07T00:00:00.000000Z',
      pwd_status: true,
      pwd_strength: 'high',
      last_project_id: '',
      links: { self: 'https://iam.eu-de.otc.t-systems.com/v3/users/6d8b04e3bf99445b8f763009xxx' },
    },
  ],
  links: { self: 'https://iam.eu-de.otc.t-systems.com/v3/users', previous: null, next: null },
}

/**
 * The inline §9.5 sample of GET /v3/groups; the doc elides both `links` objects (`{...}`), so
 * they are filled in with the Keystone shape.
 */
export const keystoneGroupsSample = {
  groups: [
    {
      id: 'ff74abaeabe34c278a4b7693c7f0dff7',
      name: 'group123',
      description: '',
      domain_id: 'ac7197fd67a24dc5850972854729a762',
      create_time: 1482566254983,
      links: {
        self: 'https://iam.eu-de.otc.t-systems.com/v3/groups/ff74abaeabe34c278a4b7693c7f0dff7',
      },
    },
  ],
  links: { self: 'https://iam.eu-de.otc.t-systems.com/v3/groups', previous: null, next: null },
}

const hexId = (seed: string) => fakeHex(seed, 32)

/** A valid project (`eu-de`); a new `name` derives a stable new `id`. */
export const projectWire = makeBuilder<ProjectWire>(
  ProjectWire.parse(keystoneProjectsSample.projects[0]),
  { kind: 'project', makeId: hexId },
)

/**
 * A valid (disabled, per the doc sample) user; a new `name` derives a stable new `id`.
 * @example userWire({ name: 'alice', enabled: true })
 */
export const userWire = makeBuilder<UserWire>(UserWire.parse(keystoneUsersSample.users[0]), {
  kind: 'user',
  makeId: hexId,
})

/** A valid group; a new `name` derives a stable new `id`. @example groupWire({ name: 'admin' }) */
export const groupWire = makeBuilder<GroupWire>(GroupWire.parse(keystoneGroupsSample.groups[0]), {
  kind: 'group',
  makeId: hexId,
})
