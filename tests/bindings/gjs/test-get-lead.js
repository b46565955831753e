// GJS tests of Nexor.Client.get_lead against nexor-emulator; prints TAP.
//
//   NEXOR_EMULATOR=…/nexor-emulator gjs -m tests/bindings/gjs/test-get-lead.js
//
// SPDX-License-Identifier: LGPL-2.1-or-later

import GLib from 'gi://GLib';
import GObject from 'gi://GObject';
import Gio from 'gi://Gio';
import Json from 'gi://Json?version=1.0';
import Nexor from 'gi://Nexor?version=1';
import Soup from 'gi://Soup?version=3.0';

import {
    DEMO_API_KEY, SEED_LEAD_ID, UNKNOWN_LEAD_ID, UNREACHABLE_URL,
    assert, assertEqual, assertRejects, clientFor, runTests, test,
} from './helpers.js';

Gio._promisify(Nexor.Client.prototype, 'get_lead_async', 'get_lead_finish');

const NULLS_LEAD_ID = '3430cf98-7b04-4d40-8f4d-02428acf28ba';
const LEGACY_LEAD_ID = '2f552d00-1a7b-471a-81f0-1d52dc1406b3';

// --- assertions of this file --------------------------------------------------

function assertDate(dateTime, isoText, what) {
    assert(dateTime instanceof GLib.DateTime, `${what} is a GLib.DateTime`);
    const [date, time] = isoText.replace('Z', '').split('T');
    const [y, mo, d] = date.split('-').map(Number);
    const [h, mi, s] = time.split(':').map(Number);
    assertEqual(dateTime.to_unix(), GLib.DateTime.new_utc(y, mo, d, h, mi, s).to_unix(), what);
    assertEqual(dateTime.format_iso8601(), isoText, `${what} as ISO 8601`);
}

// --- the tests ----------------------------------------------------------------

let url;
let caFile;
let client;

function checkSeedLead(lead) {
    assert(lead instanceof Nexor.Lead, 'a Nexor.Lead');
    assertEqual(lead.get_id(), SEED_LEAD_ID, 'id');
    assertEqual(lead.get_first_name(), 'Carlos', 'first_name');
    assertEqual(lead.get_last_name(), 'Lopez', 'last_name');
    assertEqual(lead.get_email(), 'carlos@example.com', 'email');
    assertEqual(lead.get_phone(), '+56912345678', 'phone');
    assertEqual(lead.get_source(), 'api', 'source');
    assertEqual(lead.get_company(), 'Stark Industries', 'company');
    assertEqual(lead.get_title(), null, 'title');

    const metadata = lead.dup_metadata();
    assert(metadata instanceof Json.Object, 'metadata is a Json.Object');
    assertEqual(JSON.stringify(metadata.get_members()), '["estado_lead"]', 'metadata members');
    assertEqual(metadata.get_string_member('estado_lead'), 'calificado', 'metadata.estado_lead');

    const tags = lead.get_tags();
    assertEqual(tags.get_n_items(), 0, 'tags');
    assertEqual(tags.get_item_type(), Nexor.Tag.$gtype, 'tags item type');

    const campaign = lead.get_campaign();
    assertEqual(campaign.get_id(), 'uuid', 'campaign.id');
    assertEqual(campaign.get_name(), 'Q1 Campaign', 'campaign.name');

    const run = lead.get_active_workflow_run();
    assertEqual(run.get_id(), 'uuid', 'run.id');
    assertEqual(run.get_workflow_id(), 'uuid', 'run.workflow_id');
    assertEqual(run.get_is_active(), true, 'run.is_active');
    assertEqual(run.get_human_takeover(), false, 'run.human_takeover');
    assertEqual(run.get_cadence_state(), 'active', 'run.cadence_state');
    assertEqual(run.get_run_status(), 'running', 'run.run_status');

    const workflow = run.get_workflow();
    assertEqual(workflow.get_id(), 'uuid', 'workflow.id');
    assertEqual(workflow.get_name(), 'Sales Pipeline', 'workflow.name');
    assertEqual(workflow.get_goal_type(), 'appointment', 'workflow.goal_type');

    const status = run.get_current_status();
    assertEqual(status.get_id(), 'uuid', 'status.id');
    assertEqual(status.get_key(), 'contacted', 'status.key');
    assertEqual(status.get_label(), 'Contacted', 'status.label');
    assertEqual(status.get_category(), 'active', 'status.category');
    assertEqual(status.get_color(), null, 'status.color');

    assertEqual(lead.get_assigned_user(), null, 'assigned_user');
    assertDate(lead.get_created_at(), '2026-02-10T12:00:00Z', 'created_at');
    assertDate(lead.get_updated_at(), '2026-02-10T12:00:00Z', 'updated_at');

    const variables = lead.get_variables();
    assertEqual(variables.get_n_items(), 2, 'number of variables');
    assertEqual(variables.get_item_type(), Nexor.Variable.$gtype, 'variables item type');

    const edad = lead.get_variable('edad');
    assertEqual(edad.get_name(), 'edad', 'edad name');
    assertEqual(edad.dup_value().get_value_type(), GObject.TYPE_INT64, 'edad value type');
    assertEqual(edad.dup_value().get_int(), 35, 'edad value');
    assertEqual(edad.get_value_text(), '35', 'edad value_text');
    assertEqual(edad.get_confidence(), 0.95, 'edad confidence');
    assertDate(edad.get_updated_at(), '2026-02-10T13:00:00Z', 'edad updated_at');

    const broker = lead.get_variable('broker_asociado');
    assertEqual(broker.dup_value().get_value_type(), GObject.TYPE_STRING, 'broker value type');
    assertEqual(broker.dup_value().get_string(), 'Juan Perez', 'broker value');
    assertEqual(broker.get_value_text(), 'Juan Perez', 'broker value_text');
    assertEqual(broker.get_confidence(), 0.9, 'broker confidence');
    assertDate(broker.get_updated_at(), '2026-02-10T13:05:00Z', 'broker updated_at');

    assertEqual(lead.get_variable('no_such_variable'), null, 'unknown variable');
    assertEqual(lead.dup_json().get_string_member('company'), 'Stark Industries', 'raw JSON');
}

test('get_lead_async with await returns the Get Lead example', async () => {
    checkSeedLead(await client.get_lead_async(SEED_LEAD_ID, null));
}, {https: true});

test('blocking get_lead returns the Get Lead example', () => {
    checkSeedLead(client.get_lead(SEED_LEAD_ID, null));
}, {https: true});

test('properties mirror the getters', async () => {
    const lead = await client.get_lead_async(SEED_LEAD_ID, null);
    assertEqual(lead.first_name, 'Carlos', 'lead.first_name');
    assertEqual(lead.active_workflow_run.workflow.name, 'Sales Pipeline', 'workflow name');
    assertEqual(lead.campaign.name, 'Q1 Campaign', 'campaign name');
});

test('the nulls lead', async () => {
    const lead = await client.get_lead_async(NULLS_LEAD_ID, null);
    assertEqual(lead.get_first_name(), 'Valentina', 'first_name');
    assertEqual(lead.get_last_name(), null, 'last_name');
    assertEqual(lead.get_email(), null, 'email');
    assertEqual(lead.get_campaign(), null, 'campaign');
    assertEqual(lead.get_active_workflow_run(), null, 'active_workflow_run');
    assertEqual(lead.get_variables().get_n_items(), 0, 'variables');
});

test('the legacy-shaped lead', async () => {
    const lead = await client.get_lead_async(LEGACY_LEAD_ID, null);
    assertEqual(lead.get_company(), 'Cyberdyne Systems', 'company');
    const run = lead.get_active_workflow_run();
    assertEqual(run.get_workflow().get_name(), 'Demo Booking', 'hoisted workflow');
    assertEqual(run.get_current_status().get_color(), '#f59e0b', 'hoisted status colour');
    assertEqual(lead.get_assigned_user().get_name(), 'Ana Torres', 'assigned_user');
    assertEqual(lead.get_updated_at(), null, 'updated_at');
});

test('an unknown lead is NOT_FOUND', async () => {
    const e = await assertRejects(client.get_lead_async(UNKNOWN_LEAD_ID, null),
        Nexor.Error, Nexor.Error.NOT_FOUND, 'unknown lead');
    assert(e.message.includes('404'), 'the message carries the HTTP status');
}, {https: true});

test('the error domain is Nexor.error_quark()', async () => {
    try {
        await client.get_lead_async(UNKNOWN_LEAD_ID, null);
    } catch (e) {
        assertEqual(e.domain, Nexor.error_quark(), 'domain');
        assertEqual(e.code, Nexor.Error.NOT_FOUND, 'code');
        return;
    }
    throw new Error('no error');
});

test('a wrong API key is UNAUTHORIZED', async () => {
    const other = clientFor(Nexor, url, 'nxr_live_not_a_valid_key', caFile);
    await assertRejects(other.get_lead_async(SEED_LEAD_ID, null),
        Nexor.Error, Nexor.Error.UNAUTHORIZED, 'wrong key');
}, {https: true});

test('a certificate the system does not trust is refused', async () => {
    const untrusting = Nexor.Client.new_for_url(url, DEMO_API_KEY);
    const e = await assertRejects(untrusting.get_lead_async(SEED_LEAD_ID, null),
        Gio.TlsError, Gio.TlsError.BAD_CERTIFICATE, 'unknown CA');
    assert(e.message.includes('not signed by a certificate authority'), `says why: ${e.message}`);
}, {https: 'only'});

test('ids that are not UUIDs are INVALID_ARGUMENT without a request', async () => {
    const offline = Nexor.Client.new_for_url(UNREACHABLE_URL, DEMO_API_KEY);
    for (const id of ['..', 'a/b', '']) {
        // eslint-disable-next-line no-await-in-loop
        await assertRejects(offline.get_lead_async(id, null),
            Nexor.Error, Nexor.Error.INVALID_ARGUMENT, `id ${JSON.stringify(id)}`);
    }
});

test('a cancellable cancelled before the call gives CANCELLED', async () => {
    const cancellable = new Gio.Cancellable();
    cancellable.cancel();
    await assertRejects(client.get_lead_async(SEED_LEAD_ID, cancellable),
        Gio.IOErrorEnum, Gio.IOErrorEnum.CANCELLED, 'pre-cancelled');
});

test('several requests in flight at once', async () => {
    const leads = await Promise.all(
        [SEED_LEAD_ID, NULLS_LEAD_ID, LEGACY_LEAD_ID].map(id => client.get_lead_async(id, null)));
    assertEqual(leads.map(l => l.get_first_name()).join(','), 'Carlos,Valentina,Mariana', 'names');
}, {https: true});

// A server of the test's own, in this main context: 429 with a wait longer
// than the client makes by itself.
function startRateLimiter() {
    const server = new Soup.Server({});
    server.add_handler(null, (_server, msg) => {
        msg.set_status(429, 'Too Many Requests');
        msg.get_response_headers().replace('Retry-After', '120');
        msg.set_response('application/json', Soup.MemoryUse.COPY,
            new TextEncoder().encode('{"error": "Too many requests"}'));
    });
    server.listen_local(0, Soup.ServerListenOptions.IPV4_ONLY);
    return server;
}

test('a failed call carries its own Retry-After wait', async () => {
    const server = startRateLimiter();
    try {
        const port = server.get_uris()[0].get_port();
        const limited = Nexor.Client.new_for_url(`http://127.0.0.1:${port}/api/public`, DEMO_API_KEY);
        const e = await assertRejects(limited.get_lead_async(SEED_LEAD_ID, null),
            Nexor.Error, Nexor.Error.RATE_LIMITED, 'a 429 asking for two minutes');
        assertEqual(Nexor.error_get_retry_after(e), 120, 'the wait, from the error');
        assert(e.message.endsWith(' (retry after 120 s)'), 'the wait, in the message');
        assertEqual(Nexor.Client.find_property('retry-after'), null, 'no retry-after on the client');
        const other = new GLib.Error(Nexor.error_quark(), Nexor.Error.RATE_LIMITED, 'HTTP 429');
        assertEqual(Nexor.error_get_retry_after(other), 0, 'no wait named');
    } finally {
        server.disconnect();
    }
});

runTests((emulatorUrl, emulatorCaFile) => {
    url = emulatorUrl;
    caFile = emulatorCaFile;
    client = clientFor(Nexor, url, DEMO_API_KEY, caFile);
});
