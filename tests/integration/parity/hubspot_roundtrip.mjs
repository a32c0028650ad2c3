// Drive the HubSpot emulator with the official Node client (@hubspot/api-client), the way a
// third-party integration would.
//
// Input: the emulator's JSON line (`autoresponder emulate hubspot` / EmulatorHandle.credentials())
// in $HUBSPOT_EMULATOR_CREDENTIALS or argv[2]; the portal holds seeded contacts.
// Output: one JSON summary line on stdout; exit 1 on the first failed check (`ok: false`, the
// failed `step` and the error).
//
// Nothing here is emulator-specific but `basePath`: against a real portal the same calls run
// unchanged.

import hubspot from '@hubspot/api-client';

const TITLE = 'VP Parity (node)';
const raw = process.env.HUBSPOT_EMULATOR_CREDENTIALS || process.argv[2];
if (!raw) {
  console.error('usage: HUBSPOT_EMULATOR_CREDENTIALS=<json line> node hubspot_roundtrip.mjs  (or pass it as argv[2])');
  process.exit(2);
}
const creds = JSON.parse(raw);
const pkg = JSON.parse(await (await import('node:fs/promises')).readFile(
  new URL('./node_modules/@hubspot/api-client/package.json', import.meta.url), 'utf8'));
const summary = { ok: false, client: pkg.version, steps: [] };
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
  // (a) OAuth: a refresh-token grant gives an access token the CRM accepts; a bad one is BAD_REFRESH_TOKEN
  const anon = new hubspot.Client({ basePath: creds.base_url, numberOfApiCallRetries: 0 });
  const tokens = await run('oauth_refresh', () => anon.oauth.tokensApi.create(
    'refresh_token', undefined, undefined, creds.client_id, creds.client_secret, creds.refresh_token));
  check(tokens.accessToken && tokens.expiresIn === 1800 && tokens.tokenType === 'bearer', 'token answer', tokens);
  const info = await run('access_token_info', () => anon.oauth.accessTokensApi.get(tokens.accessToken));
  check(info.hubId === creds.hub_id && info.scopes.includes('crm.objects.contacts.write'), 'token info', info);
  const badGrant = await expectError(() => anon.oauth.tokensApi.create(
    'refresh_token', undefined, undefined, creds.client_id, creds.client_secret, 'na1-not-a-token'));
  check(badGrant && badGrant.code === 400 && badGrant.body.status === 'BAD_REFRESH_TOKEN', 'bad refresh token',
    badGrant && badGrant.body);
  summary.oauth = { expires_in: tokens.expiresIn, hub_id: info.hubId };

  const client = new hubspot.Client({ accessToken: tokens.accessToken, basePath: creds.base_url,
                                      numberOfApiCallRetries: 0 });

  // (b) incremental search: lastmodifieddate GTE 0, ascending, 100 a page, paging by `after`
  const contacts = [];
  let after;
  let pages = 0;
  await run('search_all', async () => {
    do {
      const page = await client.crm.contacts.searchApi.doSearch({
        filterGroups: [{ filters: [{ propertyName: 'lastmodifieddate', operator: 'GTE', value: '0' }] }],
        sorts: ['lastmodifieddate'], properties: ['email', 'jobtitle', 'lastmodifieddate'], limit: 100, after,
      });
      contacts.push(...page.results);
      after = page.paging?.next?.after;
      pages += 1;
      check(page.total >= contacts.length, 'total', page.total);
    } while (after);
  });
  check(contacts.length === creds.seeded_contacts, 'every contact read', contacts.length);
  summary.search = { records: contacts.length, pages };

  // (c) batch update of the first 150 contacts: two requests of <= 100 inputs
  const targets = contacts.slice(0, 150).map((c) => c.id);
  await run('batch_update', async () => {
    for (let i = 0; i < targets.length; i += 100) {
      const res = await client.crm.contacts.batchApi.update({
        inputs: targets.slice(i, i + 100).map((id) => ({ id, properties: { jobtitle: TITLE } })),
      });
      check(res.status === 'COMPLETE' && res.results.length === Math.min(100, targets.length - i), 'batch result');
    }
  });
  const bad = await expectError(() => client.crm.contacts.batchApi.update({
    inputs: [{ id: targets[0], properties: { lifecyclestage: 'not-a-stage' } }] }));
  check(bad && bad.code === 400 && bad.body.category === 'VALIDATION_ERROR' && bad.body.correlationId,
    'a bad value is a 400 with HubSpot\'s error body', bad && bad.body);
  const readBack = await run('batch_read', () => client.crm.contacts.batchApi.read({
    inputs: targets.slice(0, 5).map((id) => ({ id })), properties: ['jobtitle'], propertiesWithHistory: [] }));
  check(readBack.results.every((r) => r.properties.jobtitle === TITLE), 'updated titles read back');
  summary.updated_ids = targets.slice(0, 5);
  summary.updated_title = TITLE;

  // (d) v4 labels give the type id; a task is created associated with the contact
  const labels = await run('v4_labels', () => client.crm.associations.v4.schema.definitionsApi.getAll('tasks', 'contacts'));
  const typeId = labels.results.find((l) => l.label === null || l.label === undefined)?.typeId;
  check(typeId === 204, 'task -> contact default type id', labels.results);
  const task = await run('create_task', () => client.crm.objects.tasks.basicApi.create({
    properties: { hs_timestamp: String(Date.now()), hs_task_subject: 'Parity task', hs_task_status: 'COMPLETED',
                  hs_task_body: 'created by @hubspot/api-client' },
    associations: [{ to: { id: targets[0] }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId }] }],
  }));
  check(task.id && task.properties.hs_task_subject === 'Parity task', 'task created', task);
  const linked = await run('task_associations', () => client.crm.associations.v4.basicApi.getPage('tasks', task.id, 'contacts'));
  check(linked.results.length === 1 && String(linked.results[0].toObjectId) === targets[0], 'task linked', linked.results);
  summary.task = { id: task.id, contact_id: targets[0], association_type_id: typeId };

  // (e) an expired token is a 401 EXPIRED_AUTHENTICATION the client surfaces as is
  const stale = new hubspot.Client({ accessToken: 'expired-or-unknown', basePath: creds.base_url,
                                     numberOfApiCallRetries: 0 });
  const unauth = await expectError(() => stale.crm.contacts.batchApi.read({ inputs: [{ id: targets[0] }],
                                                                            properties: [], propertiesWithHistory: [] }));
  check(unauth && unauth.code === 401 && unauth.body.category === 'INVALID_AUTHENTICATION', '401 body', unauth && unauth.body);
  summary.ok = true;
}

main().then(() => {
  console.log(JSON.stringify(summary));
}).catch((err) => {
  summary.step = step;
  summary.error = String(err && err.stack || err);
  summary.body = err && err.body;
  console.log(JSON.stringify(summary));
  process.exit(1);
});
