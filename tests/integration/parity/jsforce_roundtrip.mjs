// Drive the Salesforce emulator with jsforce, the way a third-party Node integration would.
//
// Input: the emulator's JSON line (`autoresponder emulate salesforce` / EmulatorHandle.credentials())
// in $SF_EMULATOR_CREDENTIALS or argv[2]. The caller sets NODE_EXTRA_CA_CERTS to its `ca_cert`.
// Output: one JSON summary line on stdout; exit 1 on the first failed check (the summary then
// carries `ok: false`, the failed `step` and the error).
//
// Nothing here is emulator-specific: the same script run against a real org (with a real
// loginUrl and credentials) would do the same calls.

import jsforce from 'jsforce';

const API_VERSION = '59.0';
const PAGE = 200; // Sforce-Query-Options batchSize floor in Salesforce
const NEW_CONTACTS = 250; // more than one collection request (200) and more than one query page
const TITLE = 'VP Parity (jsforce)';

const raw = process.env.SF_EMULATOR_CREDENTIALS || process.argv[2];
if (!raw) {
  console.error('usage: SF_EMULATOR_CREDENTIALS=<json line> node jsforce_roundtrip.mjs  (or pass it as argv[2])');
  process.exit(2);
}
const creds = JSON.parse(raw);
const summary = { ok: false, jsforce: jsforce.VERSION, api_version: API_VERSION, steps: [] };
let step = 'start';

function check(cond, what, detail) {
  if (!cond) {
    const err = new Error(`check failed: ${what}${detail === undefined ? '' : ` (${JSON.stringify(detail)})`}`);
    err.check = true;
    throw err;
  }
}

async function run(name, fn) {
  step = name;
  const t0 = Date.now();
  const out = await fn();
  summary.steps.push({ step: name, ms: Date.now() - t0 });
  return out;
}

async function expectError(fn) {
  try {
    await fn();
  } catch (err) {
    return err;
  }
  return null;
}

async function main() {
  // (a) SOAP login at loginUrl with password + security token
  const conn = new jsforce.Connection({ loginUrl: creds.instance_url, version: API_VERSION });
  const userInfo = await run('soap_login', () => conn.login(creds.username, creds.password + creds.security_token));
  check(conn.accessToken && conn.accessToken !== creds.access_token, 'login issued a new session id');
  check(conn.instanceUrl === creds.instance_url, 'instanceUrl from serverUrl', conn.instanceUrl);
  check(/^00D[A-Za-z0-9]{15}$/.test(userInfo.organizationId), 'organizationId', userInfo);
  check(/^005[A-Za-z0-9]{15}$/.test(userInfo.id), 'user id', userInfo);
  summary.login = { organization_id: userInfo.organizationId, user_id: userInfo.id };

  const badLogin = await run('soap_login_bad_password', () =>
    expectError(() => new jsforce.Connection({ loginUrl: creds.instance_url, version: API_VERSION })
      .login(creds.username, 'wrong-password')));
  check(badLogin && /INVALID_LOGIN/.test(badLogin.message), 'bad password is INVALID_LOGIN', badLogin?.message);
  summary.login.bad_password_error = badLogin.message.split(':')[0];

  // identity URL (/id/<orgId>/<userId>) jsforce derives from the login answer
  const identity = await run('identity', () => conn.identity());
  check(identity.username === creds.username, 'identity username', identity.username);
  check(identity.user_id === userInfo.id && identity.organization_id === userInfo.organizationId, 'identity ids');
  check(identity.urls && identity.urls.rest && identity.urls.query, 'identity urls', identity.urls);

  // (b) token connection (instanceUrl + accessToken), as integrations with stored sessions do
  const tconn = new jsforce.Connection({ instanceUrl: creds.instance_url, accessToken: creds.access_token,
                                         version: API_VERSION });
  const versions = await run('versions', () => tconn.request('/services/data/'));
  check(Array.isArray(versions) && versions.some((v) => v.version === API_VERSION), 'version list', versions);
  const resources = await run('resources', () => tconn.request(`/services/data/v${API_VERSION}/`));
  check(resources.sobjects && resources.query && resources.limits, 'version resources', resources);
  // without a login answer jsforce finds the identity URL in the version resources
  const tident = await run('identity_token', () => tconn.identity());
  check(tident.user_id === userInfo.id, 'identity through resources', tident.user_id);
  const uinfo = await run('userinfo', () => tconn.request('/services/oauth2/userinfo'));
  check(uinfo.preferred_username === creds.username && uinfo.organization_id === userInfo.organizationId,
    'oauth2 userinfo', uinfo);
  const global = await run('describe_global', () => tconn.describeGlobal());
  const contactEntry = global.sobjects.find((s) => s.name === 'Contact');
  check(contactEntry && contactEntry.queryable && contactEntry.urls?.describe, 'global describe Contact', contactEntry);

  // (d) describe
  const describe = await run('describe', () => tconn.sobject('Contact').describe());
  const fieldNames = describe.fields.map((f) => f.name);
  for (const f of ['Id', 'Email', 'LastName', 'Title', 'SystemModstamp']) check(fieldNames.includes(f), `describe has ${f}`);
  check(describe.name === 'Contact' && describe.keyPrefix === '003', 'describe name/keyPrefix');
  summary.describe_fields = fieldNames.length;

  // (e) sObject Collections create, > 200 records (jsforce splits with allowRecursive)
  const seeded = await run('count', () => conn.query('SELECT COUNT() FROM Contact'));
  summary.seeded_contacts = seeded.totalSize;
  const newRecords = Array.from({ length: NEW_CONTACTS }, (_, i) => ({
    FirstName: 'Parity', LastName: `Jsforce${String(i).padStart(4, '0')}`, Email: `parity.${i}@jsforce.example.com`,
  }));
  const created = await run('collection_create', () =>
    conn.sobject('Contact').create(newRecords, { allowRecursive: true }));
  check(created.length === NEW_CONTACTS && created.every((r) => r.success && /^003/.test(r.id)), 'collection create',
    created.find((r) => !r.success));
  summary.created = created.length;

  // (c) query with paging: autoFetch follows nextRecordsUrl
  const soql = 'SELECT Id, Email, LastName, Title FROM Contact ORDER BY LastName';
  const headers = { 'Sforce-Query-Options': `batchSize=${PAGE}` };
  let fetches = 0;
  const q = conn.query(soql, { autoFetch: true, maxFetch: 100000, headers });
  q.on('fetch', () => { fetches += 1; });
  const all = await run('query_autofetch', () => q);
  check(all.done === true && all.totalSize === seeded.totalSize + NEW_CONTACTS, 'totalSize', all.totalSize);
  check(all.records.length === all.totalSize, 'autoFetch read every record', all.records.length);
  check(fetches === Math.ceil(all.totalSize / PAGE), 'one request per page', fetches);
  check(new Set(all.records.map((r) => r.Id)).size === all.records.length, 'no duplicates across pages');
  check(all.records.every((r) => r.attributes?.type === 'Contact' && r.attributes.url), 'record attributes');
  summary.records_read = all.records.length;
  summary.query_pages = fetches;

  // explicit queryMore with the locator of the first page
  const first = await run('query_page', () => conn.query(soql, { headers }));
  check(!first.done && first.nextRecordsUrl && first.records.length === PAGE, 'first page', first.records.length);
  const second = await run('query_more', () => conn.queryMore(first.nextRecordsUrl, { headers }));
  check(second.records.length === all.totalSize - PAGE, 'queryMore page', second.records.length);
  check(second.records[0].Id === all.records[PAGE].Id, 'queryMore continues where page 1 ended');

  // (e) collection update of the seeded contacts (PATCH composite/sobjects)
  const seededRecs = all.records.filter((r) => !String(r.Email || '').endsWith('@jsforce.example.com'));
  const targets = seededRecs.slice(0, 5);
  const upd = await run('collection_update', () =>
    tconn.sobject('Contact').update(targets.map((r) => ({ Id: r.Id, Title: TITLE }))));
  check(upd.length === targets.length && upd.every((r, i) => r.success && r.id === targets[i].Id), 'collection update',
    upd);
  summary.updated_ids = upd.map((r) => r.id);
  summary.updated_title = TITLE;

  // collection update with one bad record, allOrNone=false: per-record error, the others applied
  const mixed = await run('collection_update_partial', () => tconn.sobject('Contact').update([
    { Id: created[0].id, Title: 'ok' }, { Id: created[1].id, Email: 'not-an-email' }]));
  check(mixed[0].success && !mixed[1].success, 'partial success', mixed);
  summary.collection_error_code = mixed[1].errors[0]?.statusCode;
  check(summary.collection_error_code === 'INVALID_EMAIL_ADDRESS', 'per-record statusCode', mixed[1].errors);

  // collection retrieve (jsforce POSTs composite/sobjects/Contact with {ids, fields})
  const many = await run('collection_retrieve', () =>
    tconn.sobject('Contact').retrieve(targets.map((r) => r.Id), { fields: ['Id', 'Title', 'Email'] }));
  check(many.length === targets.length && many.every((r) => r && r.Title === TITLE), 'retrieve many', many);
  const manyAll = await run('collection_retrieve_all_fields', () =>
    tconn.sobject('Contact').retrieve([targets[0].Id]));
  check(manyAll[0] && manyAll[0].Id === targets[0].Id && 'SystemModstamp' in manyAll[0], 'retrieve all fields');

  // single-record retrieve / create / update / destroy
  const one = await run('retrieve', () => tconn.sobject('Contact').retrieve(targets[0].Id));
  check(one.Id === targets[0].Id && one.Title === TITLE && one.attributes?.type === 'Contact', 'retrieve', one);
  const single = await run('create', () => tconn.sobject('Contact').create({
    FirstName: 'Single', LastName: 'Jsforce', Email: 'single@jsforce.example.com' }));
  check(single.success && /^003[A-Za-z0-9]{15}$/.test(single.id), 'create', single);
  const su = await run('update', () => tconn.sobject('Contact').update({ Id: single.id, Title: 'Solo' }));
  check(su.success && su.id === single.id, 'update', su);
  const back = await run('retrieve_fields', () =>
    tconn.sobject('Contact').retrieve(single.id, { fields: ['Title', 'Email'] }));
  check(back.Title === 'Solo' && back.Email === 'single@jsforce.example.com', 'retrieve fields', back);
  const gone = await run('destroy', () => tconn.sobject('Contact').destroy(single.id));
  check(gone.success && gone.id === single.id, 'destroy', gone);
  const afterDelete = await run('retrieve_deleted', () => expectError(() => tconn.sobject('Contact').retrieve(single.id)));
  check(afterDelete && ['ENTITY_IS_DELETED', 'NOT_FOUND'].includes(afterDelete.errorCode), 'deleted record',
    afterDelete?.errorCode);

  // (e) collection delete of what we created (DELETE composite/sobjects?ids=)
  const removed = await run('collection_destroy', () =>
    conn.sobject('Contact').destroy(created.map((r) => r.id), { allowRecursive: true }));
  check(removed.length === NEW_CONTACTS && removed.every((r) => r.success), 'collection destroy');
  summary.destroyed = removed.length;
  const left = await run('count_after', () => conn.query('SELECT COUNT() FROM Contact'));
  check(left.totalSize === seeded.totalSize, 'count back to seeded', left.totalSize);
  const bin = await run('query_all_deleted', () =>
    conn.query("SELECT Id FROM Contact WHERE Email LIKE '%@jsforce.example.com' AND IsDeleted = true",
      { scanAll: true, autoFetch: true, maxFetch: 100000 }));
  check(bin.totalSize === NEW_CONTACTS + 1, 'queryAll sees deleted records', bin.totalSize);

  // (f) limits, and the Sforce-Limit-Info header jsforce reads on every REST answer
  const limits = await run('limits', () => tconn.limits());
  check(limits.DailyApiRequests?.Max > 0 && limits.DailyApiRequests.Remaining <= limits.DailyApiRequests.Max,
    'limits', limits.DailyApiRequests);
  check(tconn.limitInfo?.apiUsage?.limit === limits.DailyApiRequests.Max, 'Sforce-Limit-Info api-usage',
    tconn.limitInfo);
  summary.api_usage = tconn.limitInfo.apiUsage;

  // (g) Bulk API 2.0 query
  const stream = await run('bulk2_query', () =>
    tconn.bulk2.query('SELECT Id, Email, Title FROM Contact', { pollInterval: 100, pollTimeout: 20000 }));
  const bulkRecords = [];
  await run('bulk2_results', async () => { for await (const rec of stream) bulkRecords.push(rec); });
  check(bulkRecords.length === seeded.totalSize, 'bulk2 record count', bulkRecords.length);
  const bulkById = new Map(bulkRecords.map((r) => [r.Id, r]));
  check(targets.every((t) => bulkById.get(t.Id)?.Title === TITLE), 'bulk2 sees the update');
  summary.bulk_records = bulkRecords.length;

  // (h) errors: jsforce surfaces Salesforce's errorCode
  const badQuery = await run('error_bad_field_query', () => expectError(() => tconn.query('SELECT Bogus__c FROM Contact')));
  check(badQuery && badQuery.errorCode === 'INVALID_FIELD' && badQuery.name === 'INVALID_FIELD',
    'bad field query errorCode', { code: badQuery?.errorCode, message: badQuery?.message });
  const badUpdate = await run('error_bad_field_update', () =>
    expectError(() => tconn.sobject('Contact').update({ Id: targets[0].Id, Bogus__c: 'x' })));
  check(badUpdate && badUpdate.errorCode === 'INVALID_FIELD', 'bad field update errorCode', badUpdate?.errorCode);
  const badObject = await run('error_bad_object', () => expectError(() => tconn.sobject('Bogus__c').describe()));
  // a real org answers an unknown object in the URL with 404 NOT_FOUND (jsforce issue #1299)
  check(badObject && badObject.errorCode === 'NOT_FOUND', 'unknown sobject errorCode', badObject?.errorCode);
  const badBulk = await run('error_bulk_bad_field', () =>
    expectError(() => tconn.bulk2.query('SELECT Bogus__c FROM Contact', { pollInterval: 100, pollTimeout: 5000 })));
  // the job is refused at creation; the Salesforce code comes through jsforce's BulkApiV2 error parsing
  check(badBulk && ['INVALIDJOB', 'INVALID_FIELD'].includes(badBulk.errorCode) && /Bogus__c/.test(badBulk.message),
    'bulk bad field errorCode', { code: badBulk?.errorCode, message: badBulk?.message });
  summary.error_code = badQuery.errorCode;
  summary.error_codes = { query: badQuery.errorCode, update: badUpdate.errorCode, describe: badObject.errorCode,
    bulk2: badBulk.errorCode };

  // a dead session: jsforce re-logs in by itself when it has username/password
  const dead = new jsforce.Connection({ instanceUrl: creds.instance_url, accessToken: 'not-a-session',
                                        version: API_VERSION });
  const deadErr = await run('error_invalid_session', () => expectError(() => dead.query('SELECT Id FROM Contact LIMIT 1')));
  check(deadErr && deadErr.errorCode === 'INVALID_SESSION_ID', 'invalid session errorCode', deadErr?.errorCode);

  // logout through SOAP; the session then stops working
  const token = conn.accessToken;
  await run('soap_logout', () => conn.logout());
  const after = new jsforce.Connection({ instanceUrl: creds.instance_url, accessToken: token, version: API_VERSION });
  const loggedOut = await run('after_logout', () => expectError(() => after.query('SELECT Id FROM Contact LIMIT 1')));
  check(loggedOut && loggedOut.errorCode === 'INVALID_SESSION_ID', 'logged-out session is invalid', loggedOut?.errorCode);

  summary.ok = true;
}

try {
  await main();
} catch (err) {
  summary.ok = false;
  summary.step = step;
  summary.error = { name: err.name, errorCode: err.errorCode, message: String(err.message).slice(0, 2000) };
}
console.log(JSON.stringify(summary));
process.exit(summary.ok ? 0 : 1);
