import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { issuePaths, REMOVE, withValueAt } from '../testing/schema-assert.ts'
import {
  agencyWire,
  credentialWire,
  iamAgenciesSample,
  iamCredentialSample,
  iamCredentialsSample,
  iamLoginPolicySample,
  iamLoginProtectsSample,
  iamPasswordPolicySample,
  iamProtectPolicySample,
  iamUserDetailSample,
  iamVirtualMfaDevicesSample,
  loginPolicyWire,
  loginProtectWire,
  passwordPolicyWire,
  protectPolicyWire,
  userDetailWire,
  virtualMfaDeviceWire,
} from './fixtures.ts'
import {
  AgencyWire,
  CredentialWire,
  ListAgenciesResponse,
  ListCredentialsResponse,
  ListLoginProtectsResponse,
  ListVirtualMfaDevicesResponse,
  LoginPolicyWire,
  LoginProtectWire,
  PasswordPolicyWire,
  ProtectPolicyWire,
  ShowCredentialResponse,
  ShowLoginPolicyResponse,
  ShowPasswordPolicyResponse,
  ShowProtectPolicyResponse,
  ShowUserResponse,
  UserDetailWire,
  VirtualMfaDeviceWire,
} from './schemas.ts'

describe('iam wire schemas', () => {
  it('parses the user detail sample (never logged in)', () => {
    const u = ShowUserResponse.parse(iamUserDetailSample).user
    assert.equal(u.last_login_time, null)
    assert.equal(u.create_time, '2020-07-08 02:19:03.0')
    assert.equal(u.is_domain_owner, false)
    assert.equal(u.pwd_status, false)
  })

  it('parses the MFA, login protection and access key samples', () => {
    const mfa = ListVirtualMfaDevicesResponse.parse(iamVirtualMfaDevicesSample)
    assert.match(mfa.virtual_mfa_devices[0]?.serial_number ?? '', /^iam\/mfa\//)
    const lp = ListLoginProtectsResponse.parse(iamLoginProtectsSample).login_protects[0]!
    assert.equal(lp.verification_method, 'vmfa')
    const keys = ListCredentialsResponse.parse(iamCredentialsSample).credentials
    assert.equal(keys[0]?.status, 'active')
    assert.equal(keys[0]?.last_use_time, undefined)
    const one = ShowCredentialResponse.parse(iamCredentialSample).credential
    assert.equal(one.last_use_time, '2020-01-08T06:26:08.123059Z')
  })

  it('parses the account security policy samples', () => {
    const pw = ShowPasswordPolicyResponse.parse(iamPasswordPolicySample).password_policy
    assert.equal(pw.minimum_password_length, 6)
    assert.equal(pw.password_validity_period, 60)
    const login = ShowLoginPolicyResponse.parse(iamLoginPolicySample).login_policy
    assert.equal(login.session_timeout, 16)
    const protect = ShowProtectPolicyResponse.parse(iamProtectPolicySample).protect_policy
    assert.equal(protect.operation_protection, false)
    assert.equal(protect.allow_user?.manage_accesskey, false)
  })

  it('parses the agencies sample (duration null = unlimited)', () => {
    const a = ListAgenciesResponse.parse(iamAgenciesSample).agencies[0]!
    assert.equal(a.trust_domain_name, 'exampledomain')
    assert.equal(a.duration, null)
  })

  it('names the field of a broken body', () => {
    const badStatus = withValueAt(iamCredentialsSample, ['credentials', 0, 'status'], 'on')
    assert.deepEqual(issuePaths(ListCredentialsResponse, badStatus), ['credentials.0.status'])
    const path = ['password_policy', 'minimum_password_length']
    const noLen = withValueAt(iamPasswordPolicySample, path, REMOVE)
    assert.deepEqual(issuePaths(ShowPasswordPolicyResponse, noLen), [path.join('.')])
  })

  it('builds valid items', () => {
    const u = userDetailWire({ name: 'alice', last_login_time: '2024-01-02 03:04:05.0' })
    assert.deepEqual(issuePaths(UserDetailWire, u), [])
    const mfa = virtualMfaDeviceWire({ user_id: u.id })
    assert.deepEqual(issuePaths(VirtualMfaDeviceWire, mfa), [])
    assert.equal(mfa.serial_number, `iam/mfa/${u.id}`)
    assert.deepEqual(issuePaths(LoginProtectWire, loginProtectWire({ user_id: u.id })), [])
    const key = credentialWire({ user_id: u.id, description: 'ci' })
    assert.deepEqual(issuePaths(CredentialWire, key), [])
    assert.match(key.access, /^[0-9A-F]{20}$/)
    assert.deepEqual(issuePaths(PasswordPolicyWire, passwordPolicyWire()), [])
    assert.deepEqual(issuePaths(LoginPolicyWire, loginPolicyWire()), [])
    assert.deepEqual(issuePaths(ProtectPolicyWire, protectPolicyWire()), [])
    assert.deepEqual(issuePaths(AgencyWire, agencyWire({ name: 'ops' })), [])
  })
})
