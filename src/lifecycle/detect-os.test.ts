import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { detectOs, namesWindows, osFromRelease } from './detect-os.ts'
import { defaultOsLifecycle } from './os-eol.ts'

describe(detectOs.name, () => {
  const cases: [Parameters<typeof detectOs>[0], string | null][] = [
    [{ osVersion: 'Ubuntu 22.04 server 64bit' }, 'ubuntu 22.04'],
    [{ osVersion: 'CentOS 7.9 64bit' }, 'centos 7.9'],
    [{ osVersion: 'CentOS Stream 9 64bit' }, 'centos-stream 9'],
    [{ osVersion: 'Debian GNU/Linux 12.0.0 64bit' }, 'debian 12'],
    [{ osVersion: 'openEuler 22.03 64bit' }, 'openeuler 22.03'],
    [{ osVersion: 'openEuler 22.03 LTS SP3 64bit' }, 'openeuler 22.03-sp3'],
    [{ osVersion: 'EulerOS 2.9 64bit' }, 'euleros 2.9'],
    [{ osVersion: 'Huawei Cloud EulerOS 2.0 64bit' }, 'hce 2.0'],
    [{ osVersion: 'SUSE Linux Enterprise Server 15 SP5 64bit' }, 'sles 15.5'],
    [{ osVersion: 'openSUSE Leap 15.6 64bit' }, 'opensuse-leap 15.6'],
    [{ osVersion: 'Red Hat Enterprise Linux 8.6 64bit' }, 'rhel 8.6'],
    [{ osVersion: 'Rocky Linux 9.3 64bit' }, 'rocky 9.3'],
    [{ osVersion: 'AlmaLinux 9.2 64bit' }, 'almalinux 9.2'],
    [{ osVersion: 'Oracle Linux 8.6 64bit' }, 'ol 8.6'],
    [{ osVersion: 'Fedora 40 64bit' }, 'fedora 40'],
    // __os_version spellings from OTC's IMS and ECS documentation, per family.
    [
      { platform: 'Windows', osVersion: 'Windows Server 2022 Datacenter 64bit' },
      'windows-server 2022',
    ],
    [
      { platform: 'Windows', osVersion: 'Windows Server 2025 Standard 64bit' },
      'windows-server 2025',
    ],
    [{ osVersion: 'Windows Server 2012 R2 Datacenter 64bit' }, 'windows-server 2012-r2'],
    [{ osVersion: 'Windows Server 2012 Essentials R2 64bit' }, 'windows-server 2012-r2'],
    [{ osVersion: 'Windows Server 2012 Standard 64bit' }, 'windows-server 2012'],
    [{ osVersion: 'Windows Server 2008 R2 Enterprise 64bit' }, 'windows-server 2008-r2'],
    [{ osVersion: 'Windows 2012DC edition' }, 'windows-server 2012'],
    [{ platform: 'Windows', osVersion: 'Windows 10 64bit' }, null],
    [{ platform: 'Windows', osVersion: 'Windows 7 Professional 32bit' }, null],
    [{ platform: 'Oracle Linux', osVersion: 'Oracle Linux 9.2 64bit' }, 'ol 9.2'],
    [{ osVersion: 'Oracle Linux Server release 8.4 64bit' }, 'ol 8.4'],
    [{ platform: 'OpenSUSE', osVersion: 'openSUSE 15.5 64bit' }, 'opensuse-leap 15.5'],
    [{ osVersion: 'Novell SUSE Linux Enterprise Server 15 SP5 64bit' }, 'sles 15.5'],
    [{ osVersion: 'SUSE Enterprise Linux Server 11 SP3 64bit' }, 'sles 11.3'],
    [{ osVersion: 'SUSE SLES 11 SP4 64bit' }, 'sles 11.4'],
    [{ platform: 'Red Hat', osVersion: 'Redhat Linux Enterprise 8.0 64bit' }, 'rhel 8.0'],
    [{ osVersion: 'Red Hat Linux Enterprise 6.8 64bit' }, 'rhel 6.8'],
    [{ osVersion: 'Redhat 7.6 64bit' }, 'rhel 7.6'],
    [{ platform: 'Rocky', osVersion: '9.2 64bit' }, 'rocky 9.2'],
    [{ osVersion: 'Alma 8 64bit' }, 'almalinux 8'],
    [{ osVersion: 'CentOS Stream 9.6 64bit' }, 'centos-stream 9.6'],
    [{ platform: 'EulerOS', osVersion: 'EulerOS 2.9 64bit' }, 'euleros 2.9'],
    [{ osVersion: 'EulerOS 2.0 (SP10) 64bit' }, 'euleros 2.10'],
    [{ osVersion: 'HCE 2.0 64bit' }, 'hce 2.0'],
    [{ osVersion: 'HCE OS 2.0' }, 'hce 2.0'],
    [{ osVersion: 'openEuler 22.03 SP1 64bit' }, 'openeuler 22.03-sp1'],
    [{ platform: 'CoreOS', osVersion: 'Fedora CoreOS 39 64bit' }, 'fedora-coreos 39'],
    [{ name: 'Standard_Ubuntu_22.04_latest' }, 'ubuntu 22.04'],
    [{ name: 'Standard_Debian_11_prev' }, 'debian 11'],
    [{ name: 'Enterprise_RedHat_8_latest' }, 'rhel 8'],
    // OTC names (see fixtures/otc-public-images.ts for the real ones) and the emulator's.
    [{ name: 'Standard_Windows_Server_2025_Datacenter_latest' }, 'windows-server 2025'],
    [{ name: 'Standard_Windows_2022_DC_latest' }, 'windows-server 2022'],
    [{ name: 'Enterprise_Windows-Server_2022_STD_amd64_uefi_latest' }, 'windows-server 2022'],
    [{ name: 'Enterprise_Windows_STD_2012R2_20170316-0' }, 'windows-server 2012-r2'],
    [{ name: 'Enterprise_Windows_ENT_2008R2SP1_KVM' }, 'windows-server 2008-r2'],
    [{ name: 'Standard_Ubuntu_24.04_amd64_uefi_latest' }, 'ubuntu 24.04'],
    [{ name: 'Standard_CentOS_Stream-9_latest' }, 'centos-stream 9'],
    [{ name: 'Enterprise_SLES12_SP3_latest' }, 'sles 12.3'],
    [{ name: 'Enterprise_OracleLinux_7UEK_latest' }, 'ol 7'],
    [{ name: 'Standard_Fedora_CoreOS_latest' }, 'fedora-coreos rolling'],
    [{ name: 'Standard_Rocky_9_latest' }, 'rocky 9'],
    [{ name: 'Standard_AlmaLinux_9_latest' }, 'almalinux 9'],
    [{ name: 'Standard_Oracle_Linux_9_latest' }, 'ol 9'],
    [{ name: 'Standard_HCE_2.0_latest' }, 'hce 2.0'],
    [{ name: 'winter-2020-backup' }, null],
    [{ platform: 'CentOS', osVersion: '7.6 64bit' }, 'centos 7.6'],
    // Glance's standard os_distro / os_version (plain OpenStack images carry no __os_version).
    [{ osDistro: 'ubuntu', osDistroVersion: '18.04' }, 'ubuntu 18.04'],
    [{ osDistro: 'centos', osDistroVersion: '7' }, 'centos 7'],
    [{ osDistro: 'rhel', osDistroVersion: '8.6' }, 'rhel 8.6'],
    [{ osDistro: 'sled', osDistroVersion: '15.5' }, 'sles 15.5'],
    [{ osDistro: 'opensuse', osDistroVersion: '15.6' }, 'opensuse-leap 15.6'],
    [{ osDistro: 'debian', osDistroVersion: '12.5' }, 'debian 12'],
    [{ osDistro: 'Rocky', osDistroVersion: '9.3' }, 'rocky 9.3'],
    [{ osDistro: 'ol', osDistroVersion: '9.4' }, 'ol 9.4'],
    [{ osDistro: 'ubuntu' }, null],
    [{ osDistro: 'windows', osDistroVersion: '2019' }, 'windows-server 2019'],
    [{ osDistro: 'windows', osDistroVersion: '10' }, null],
    [{ osDistro: 'fedora-coreos', osDistroVersion: '40' }, 'fedora-coreos 40'],
    [{ osDistro: 'ubuntu', name: 'ubuntu-22.04' }, 'ubuntu 22.04'],
    // Names of cloud images as published and as people write them.
    [{ name: 'ubuntu-18.04' }, 'ubuntu 18.04'],
    [{ name: 'centos-7' }, 'centos 7'],
    [{ name: 'CentOS-7-x86_64-GenericCloud' }, 'centos 7'],
    [{ name: 'CentOS-7-x86_64-GenericCloud-2009.qcow2' }, 'centos 7'],
    [{ name: 'debian-12-genericcloud-amd64' }, 'debian 12'],
    [{ name: 'centos-stream-9' }, 'centos-stream 9'],
    [{ name: 'Rocky-9-GenericCloud-Base-9.3' }, 'rocky 9'],
    // A bare release next to the platform (IMS private images).
    [{ platform: 'CentOS', osVersion: '7.9.2009' }, 'centos 7.9.2009'],
    [{ osVersion: '7.9.2009' }, null],
    [{ osVersion: 'Other Linux(64 bit)', name: 'my-image' }, null],
    [{ platform: 'Ubuntu', name: 'web-server-2' }, null],
    [{ osVersion: 'Debian 64bit' }, null],
    [{ platform: 'Ubuntu' }, null],
    [{}, null],
  ]
  for (const [hints, want] of cases) {
    it(`${JSON.stringify(hints)} → ${want}`, () => {
      const got = detectOs(hints)
      assert.equal(got ? `${got.distro} ${got.version}` : null, want)
    })
  }

  it('prefers __os_version over the name', () => {
    const got = detectOs({
      osVersion: 'Ubuntu 24.04 server 64bit',
      name: 'Standard_Ubuntu_20.04_latest',
    })
    assert.deepEqual(got, { distro: 'ubuntu', version: '24.04' })
  })

  it('prefers __os_version over os_distro/os_version, and those over the name', () => {
    assert.deepEqual(
      detectOs({ osVersion: 'CentOS 7.9 64bit', osDistro: 'centos', osDistroVersion: '8' }),
      { distro: 'centos', version: '7.9' },
    )
    assert.deepEqual(
      detectOs({ osDistro: 'ubuntu', osDistroVersion: '18.04', name: 'ubuntu-22.04' }),
      { distro: 'ubuntu', version: '18.04' },
    )
  })

  it('a bare CentOS 7.9.2009 is CentOS 7 in the lifecycle data (past end of life)', () => {
    const os = detectOs({ platform: 'CentOS', osVersion: '7.9.2009' })!
    assert.equal(defaultOsLifecycle().lookup(os)?.version, '7')
  })
})

describe(namesWindows.name, () => {
  it('reads __platform, os_distro, __os_version and names', () => {
    assert.equal(namesWindows({ platform: 'Windows' }), true)
    assert.equal(namesWindows({ osDistro: 'windows' }), true)
    assert.equal(namesWindows({ osVersion: 'Windows 10 64bit' }), true)
    assert.equal(namesWindows({ name: 'Standard_Windows_Server_2025_Datacenter_latest' }), true)
    assert.equal(
      namesWindows({ platform: 'Ubuntu', osVersion: 'Ubuntu 24.04 server 64bit' }),
      false,
    )
    assert.equal(namesWindows({ name: 'my-windowsish-image' }), false)
    assert.equal(namesWindows({}), false)
  })
})

describe(osFromRelease.name, () => {
  const cases: [Record<string, string>, string | null][] = [
    [{ ID: 'debian', VERSION_ID: '12', VERSION: '12 (bookworm)' }, 'debian 12'],
    [{ ID: 'ubuntu', VERSION_ID: '24.04' }, 'ubuntu 24.04'],
    [{ ID: 'rocky', VERSION_ID: '9.3' }, 'rocky 9.3'],
    [{ ID: 'centos', VERSION_ID: '7', NAME: 'CentOS Linux' }, 'centos 7'],
    [{ ID: 'centos', VERSION_ID: '9', NAME: 'CentOS Stream' }, 'centos-stream 9'],
    [{ ID: 'openEuler', VERSION_ID: '22.03', VERSION: '22.03 (LTS-SP3)' }, 'openeuler 22.03-sp3'],
    [{ ID: 'openEuler', VERSION_ID: '24.03', VERSION: '24.03 (LTS)' }, 'openeuler 24.03'],
    [{ ID: 'euleros', VERSION_ID: '2.0', VERSION: '2.0 (SP10)' }, 'euleros 2.10'],
    [{ ID: 'hce', VERSION_ID: '2.0' }, 'hce 2.0'],
    [{ ID: 'sles', VERSION_ID: '15.5' }, 'sles 15.5'],
    [{ ID: 'sles_sap', VERSION_ID: '15.4' }, 'sles 15.4'],
    [{ ID: 'opensuse-leap', VERSION_ID: '15.6' }, 'opensuse-leap 15.6'],
    [{ ID: 'ol', VERSION_ID: '9.4' }, 'ol 9.4'],
    // Fedora CoreOS on the host: judged by the Fedora release it runs now.
    [{ ID: 'fedora', VERSION_ID: '40', VARIANT_ID: 'coreos' }, 'fedora 40'],
    [{ ID: 'debian' }, null],
    [{}, null],
  ]
  for (const [fields, want] of cases) {
    it(`${JSON.stringify(fields)} → ${want}`, () => {
      const got = osFromRelease(fields)
      assert.equal(got ? `${got.distro} ${got.version}` : null, want)
    })
  }
})
