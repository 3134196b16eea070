/**
 * OBS sample bodies, verbatim from otc-api-platform.md §2 (the OBS API reference's samples, in
 * the native and the S3 dialect). Tests and the held-back verdict tables read these, never the
 * emulator's own output.
 * @module
 */

/** §2.2 native `GET /` (list buckets). */
export const listBucketsNative = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<ListAllMyBucketsResult xmlns="http://obs.example.com/doc/2015-06-30/">
  <Owner><ID>783fc6652cf246c096ea836694f71855</ID></Owner>
  <Buckets>
    <Bucket>
      <Name>examplebucket01</Name>
      <CreationDate>2018-06-21T09:15:01.032Z</CreationDate>
      <Location>region</Location>
      <BucketType>OBJECT</BucketType>
    </Bucket>
  </Buckets>
</ListAllMyBucketsResult>`

/** §2.2 S3-dialect `GET /`: `DisplayName`, no `<Location>` per bucket. */
export const listBucketsS3 = `<?xml version="1.0" encoding="UTF-8"?>
<ListAllMyBucketsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Owner><ID>783fc6652cf246c096ea836694f71855</ID><DisplayName>domainname</DisplayName></Owner>
  <Buckets>
    <Bucket><Name>examplebucket01</Name><CreationDate>2018-06-21T09:15:01.032Z</CreationDate></Bucket>
  </Buckets>
</ListAllMyBucketsResult>`

/** §2.4 `GET /?location`, native and S3. */
export const locationNative = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Location xmlns="http://obs.region.example.com/doc/2015-06-30/">region</Location>`
export const locationS3 = `<?xml version="1.0" encoding="UTF-8"?>
<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LocationConstraint>example</LocationConstraint></CreateBucketConfiguration>`

/** §2.5 native `GET /?acl`: a grant to `<Canned>Everyone</Canned>`. */
export const aclNative = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<AccessControlPolicy xmlns="http://obs.example.com/doc/2015-06-30/">
  <Owner><ID>b4bf1b36d9ca43d984fbcb9491b6fce9</ID></Owner>
  <AccessControlList>
    <Grant><Grantee><Canned>Everyone</Canned></Grantee><Permission>READ_ACP</Permission></Grant>
  </AccessControlList>
</AccessControlPolicy>`

/** §2.5 S3 `GET /?acl`: a canonical user and the AuthenticatedUsers group. */
export const aclS3 = `<?xml version="1.0" encoding="UTF-8"?>
<AccessControlPolicy xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Owner><ID>b4bf1b36d9ca43d984fbcb9491b6fce9</ID><DisplayName>owner</DisplayName></Owner>
  <AccessControlList>
    <Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>b4bf1b36d9ca43d984fbcb9491b6fce9</ID><DisplayName>owner</DisplayName></Grantee><Permission>FULL_CONTROL</Permission></Grant>
    <Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group"><URI>http://acs.amazonaws.com/groups/global/AuthenticatedUsers</URI></Grantee><Permission>READ</Permission></Grant>
  </AccessControlList>
</AccessControlPolicy>`

/** §2.6 native policy: one account's user. */
export const policyNativeUser = `{"Statement":[{"Sid":"Stmt1375240018061","Effect":"Allow",
  "Principal":{"ID":["domain/domainiddomainiddomainiddo006666:user/useriduseriduseriduseridus004001"]},
  "Action":["*"],"Resource":["examplebucket"]}]}`

/** §2.6 native policy: anonymous principal restricted by a Referer condition. */
export const policyNativeReferer = `{"Statement":[{"Sid":"Stmt1","Effect":"Allow","Principal":{"ID":["*"]},
  "Action":["GetObject"],"Resource":["examplebucket/*"],
  "Condition":{"StringNotLike":{"Referer":["http://storage.example.com*","\${null}"]}}}]}`

/** §2.6 bare `"Principal": "*"` (SSE-OBS sample), unrestricted. */
export const policyBareStar = `{"Statement":[{"Effect":"Allow","Principal":"*","Action":["GetObject"],"Resource":["examplebucket/*"]}]}`

/** §2.7 `GET /?encryption` (SSE-KMS). */
export const encryptionKms = `<ServerSideEncryptionConfiguration xmlns="http://obs.region.example.com/doc/2015-06-30/">
  <Rule><ApplyServerSideEncryptionByDefault>
    <SSEAlgorithm>kms</SSEAlgorithm>
    <KMSMasterKeyID>4f1cd4de-ab64-4807-920a-47fc42e7f0d0</KMSMasterKeyID>
  </ApplyServerSideEncryptionByDefault></Rule>
</ServerSideEncryptionConfiguration>`

/** §2.8 `GET /?versioning`. */
export const versioningEnabled = `<VersioningConfiguration xmlns="http://obs.example.com/doc/2015-06-30/"><Status>Enabled</Status></VersioningConfiguration>`
/** §2.8: a bucket that never had versioning (S3 behaviour, undocumented for OBS). */
export const versioningNever = `<VersioningConfiguration xmlns="http://obs.example.com/doc/2015-06-30/"/>`

/** §2.9 `GET /?logging`, logging on. */
export const loggingEnabled = `<BucketLoggingStatus xmlns="http://obs.example.com/doc/2015-06-30/">
  <Agency>agency-name</Agency>
  <LoggingEnabled>
    <TargetBucket>log-bucket</TargetBucket>
    <TargetPrefix>mybucket-access_log-/</TargetPrefix>
    <TargetGrants><Grant><Grantee><ID>b4bf1b36d9ca43d984fbcb9491b6fce9</ID></Grantee><Permission>READ</Permission></Grant></TargetGrants>
  </LoggingEnabled>
</BucketLoggingStatus>`
/** §2.9: logging off ("absent it"). */
export const loggingDisabled = `<BucketLoggingStatus xmlns="http://obs.example.com/doc/2015-06-30/"/>`

/** §2.10 error body. */
export const errorNoSuchKey = `<?xml version="1.0" encoding="UTF-8"?>
<Error>
  <Code>NoSuchKey</Code>
  <Message>The resource you requested does not exist</Message>
  <Resource>/example-bucket/object</Resource>
  <RequestId>001B21A61C6C0000013402C4616D5285</RequestId>
  <HostId>RkRCRDJENDc5MzdGQkQ4OUY3MTI4NTQ3NDk2Mjg0M0FB</HostId>
</Error>`

/** IAM `POST /v3.0/OS-CREDENTIAL/securitytokens` answer (§2.3, secrets shortened in the doc). */
export const securityTokenSample = {
  credential: {
    access: 'NQC51NFINJS1JXX...',
    secret: 'EY74MByPZ46kTRJL9ay5DskqXX...',
    expires_at: '2017-04-17T07:55:18.575000Z',
    securitytoken: 'gAAAAABY9GbWUaGtoa9DPj7_dE4qUSnAXXX...',
  },
}

/**
 * Replies of a fake OBS client (by operation name) built from the samples above, with the
 * sample's bucket placed in `region` (the docs write the placeholder `region`).
 */
export function obsSampleReplies(
  region: string,
): Record<string, () => string | { status: number; text: string }> {
  const noPolicy = errorNoSuchKey.replace('NoSuchKey', 'NoSuchBucketPolicy')
  return {
    ListBuckets: () =>
      listBucketsNative.replace('<Location>region</Location>', `<Location>${region}</Location>`),
    GetBucketAcl: () => aclNative,
    GetBucketPolicy: () => ({ status: 404, text: noPolicy }),
    GetBucketEncryption: () => encryptionKms,
    GetBucketVersioning: () => versioningEnabled,
    GetBucketLogging: () => loggingEnabled,
  }
}
