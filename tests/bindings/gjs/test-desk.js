// GJS tests of the lead desk against nexor-emulator: create a lead, assign
// it, take it over, hand it back, and read its history; prints TAP.
//
//   NEXOR_EMULATOR=…/nexor-emulator gjs -m tests/bindings/gjs/test-desk.js
//
// SPDX-License-Identifier: LGPL-2.1-or-later

import GLib from 'gi://GLib';
import Gio from 'gi://Gio';
import Json from 'gi://Json?version=1.0';
import Nexor from 'gi://Nexor?version=1';

import {
    DEMO_API_KEY, SEED_LEAD_ID, UNKNOWN_LEAD_ID, UNREACHABLE_URL,
    assert, assertEqual, assertRejects, assertThrows, clientFor, runTests, test,
} from './helpers.js';

for (const name of ['create_lead', 'create_leads', 'update_lead', 'assign_lead_workflow', 'stop_lead_automation',
    'resume_lead_automation', 'is_lead_paused', 'list_lead_history', 'get_lead', 'sync_lead_tags', 'list_team_members'])
    Gio._promisify(Nexor.Client.prototype, `${name}_async`, `${name}_finish`);
Gio._promisify(Nexor.HistoryList.prototype, 'load_more_async', 'load_more_finish');

const SALES_WORKFLOW = '4aca1485-3259-4b0d-a4d0-51cff048729e';

// --- helpers of this file -----------------------------------------------------

function items(model) {
    const out = [];
    for (let i = 0; i < model.get_n_items(); i++)
        out.push(model.get_item(i));
    return out;
}

function uniqueEmail(name) {
    // The emulator lives for the whole run and upserts by email.
    return `${name}.${GLib.uuid_string_random().slice(0, 12)}@example.com`;
}

function activityTypes(history) {
    return items(history)
        .filter(item => item.item_type === Nexor.HistoryItemType.ACTIVITY)
        .map(item => item.activity_type);
}

// --- the tests ----------------------------------------------------------------

let client;

test('the desk scenario: create, assign, take over, hand back, read the history', async () => {
    const created = await client.create_lead_async(
        new Nexor.LeadInput({first_name: 'Ana', last_name: 'Soto', email: uniqueEmail('ana')}), null);
    assert(created instanceof Nexor.CreateLeadResult, 'a Nexor.CreateLeadResult');
    assertEqual(created.existed, false, 'existed');
    assertEqual(created.workflow_run, null, 'no workflow run without a workflow');
    const leadId = created.lead.get_id();
    assert(GLib.uuid_string_is_valid(leadId), 'the new lead has a UUID');

    const assigned = await client.assign_lead_workflow_async(leadId, SALES_WORKFLOW, null, 'user-abc-123', null);
    assertEqual(assigned.movement_type, Nexor.MovementType.ENROLLMENT, 'movement type');
    assertEqual(assigned.movement_type_string, 'enrollment', 'movement type as sent');
    assertEqual(assigned.workflow_name, 'Sales Pipeline', 'workflow name');
    assertEqual((await client.is_lead_paused_async(leadId, null, null)).paused, false, 'paused before the takeover');

    const stopped = await client.stop_lead_automation_async(leadId, SALES_WORKFLOW, null);
    assertEqual(stopped.workflow_run_id, assigned.workflow_run_id, 'the run that was stopped');
    assertEqual(stopped.cadence_paused, true, 'cadence paused');

    assertEqual((await client.is_lead_paused_async(leadId, null, null)).paused, true, 'paused after the takeover');
    const lead = await client.get_lead_async(leadId, null);
    assertEqual(lead.active_workflow_run.human_takeover, true, 'Get Lead shows the takeover');

    const resumed = await client.resume_lead_automation_async(leadId, SALES_WORKFLOW, true, null);
    assertEqual(resumed.cadence_resumed, true, 'cadence resumed');
    assertEqual((await client.is_lead_paused_async(leadId, SALES_WORKFLOW, null)).paused, false, 'paused after resuming');

    const history = await client.list_lead_history_async(leadId, null, null);
    assert(history instanceof Gio.ListModel, 'the history is a Gio.ListModel');
    assertEqual(history.get_item_type(), Nexor.HistoryItem.$gtype, 'item type');
    assertEqual(history.has_more, false, 'one page holds it all');
    assertEqual(history.n_items, history.get_n_items(), 'n-items');
    const kinds = activityTypes(history);
    const order = ['workflow_assigned', 'automation_stopped', 'automation_resumed'].map(k => kinds.indexOf(k));
    assert(order.every(i => i >= 0), `the history shows the assignment, takeover and resume: ${kinds}`);
    assert(order[0] < order[1] && order[1] < order[2], `in that order: ${kinds}`);
}, {https: true});

test('the pause state resolves with a boolean, a failure rejects', async () => {
    assertEqual((await client.is_lead_paused_async(SEED_LEAD_ID, null, null)).paused, false, 'seed lead');
    await assertRejects(client.is_lead_paused_async(UNKNOWN_LEAD_ID, null, null),
        Nexor.Error, Nexor.Error.NOT_FOUND, 'unknown lead');
});

test('is_lead_paused: not paused is false, a failure throws, blocking too', () => {
    const state = client.is_lead_paused(SEED_LEAD_ID, null, null);
    assert(state instanceof Nexor.PauseState, 'a Nexor.PauseState');
    assertEqual(state.paused, false, 'seed lead, blocking');
    assertEqual(state.get_paused(), false, 'seed lead, getter');
    const error = assertThrows(() => client.is_lead_paused(UNKNOWN_LEAD_ID, null, null),
        Nexor.Error, Nexor.Error.NOT_FOUND, 'unknown lead, blocking');
    assert(error.message.includes('Lead not found'), error.message);
});

test('a client that cannot work fails when it is built', () => {
    for (const [url, key, code] of [
        ['ftp://127.0.0.1/api/public', DEMO_API_KEY, Nexor.Error.INVALID_ARGUMENT],
        ['http://example.com/api/public', DEMO_API_KEY, Nexor.Error.INVALID_ARGUMENT],
        ['not a url', DEMO_API_KEY, Nexor.Error.INVALID_ARGUMENT],
        [UNREACHABLE_URL, '', Nexor.Error.UNAUTHORIZED],
        [UNREACHABLE_URL, 'nxr_live_a b', Nexor.Error.INVALID_ARGUMENT],
        [UNREACHABLE_URL, 'nxr_live_a\nb', Nexor.Error.INVALID_ARGUMENT],
    ]) {
        const what = `${JSON.stringify(url)} ${JSON.stringify(key)}`;
        assertThrows(() => Nexor.Client.new_for_url(url, key), Nexor.Error, code, `new_for_url ${what}`);

        // new Nexor.Client() does not initialize it; init() throws the same,
        // and a call on it throws instead of crashing.
        const built = new Nexor.Client({base_url: url, api_key: key});
        assertThrows(() => built.init(null), Nexor.Error, code, `init ${what}`);
        assertThrows(() => built.get_lead(SEED_LEAD_ID, null), Nexor.Error, code, `a call ${what}`);
    }
    assertThrows(() => Nexor.Client.new('nxr_live_\t'), Nexor.Error, Nexor.Error.INVALID_ARGUMENT, 'new');
});

test('the history fetches its pages on demand', async () => {
    const history = new Nexor.HistoryList({client, lead_id: SEED_LEAD_ID, page_size: 50});
    const changes = [];
    const loading = [];
    history.connect('items-changed', (model, position, removed, added) => changes.push([position, removed, added]));
    history.connect('notify::loading', () => loading.push(history.loading));

    assertEqual(history.has_more, true, 'has more before the first page');
    assertEqual(await history.load_more_async(null), true, 'first page');
    assertEqual(history.get_n_items(), 50, 'first page size');
    assertEqual(JSON.stringify(changes), '[[0,0,50]]', 'items-changed of the first page');
    assertEqual(JSON.stringify(loading), '[true,false]', 'loading went on and off');

    // Asking for the last item fetches the next page in the background.
    history.get_item(49);
    assertEqual(history.loading, false, 'get_item itself does not fetch');
    await new Promise((resolve, reject) => {
        const timeoutId = GLib.timeout_add_seconds(GLib.PRIORITY_DEFAULT, 30, () => {
            reject(new Error('no page within 30 s'));
            return GLib.SOURCE_REMOVE;
        });
        const id = history.connect('notify::loading', () => {
            if (!history.loading) {
                history.disconnect(id);
                GLib.source_remove(timeoutId);
                resolve();
            }
        });
    });
    assertEqual(history.get_n_items(), 100, 'second page arrived');
    assertEqual(JSON.stringify(changes[1]), '[50,0,50]', 'items-changed of the second page');

    while (history.has_more)
        // eslint-disable-next-line no-await-in-loop
        await history.load_more_async(null);
    assertEqual(history.get_item(history.get_n_items()), null, 'nothing past the end');
    const stamps = items(history).map(item => item.timestamp.to_unix());
    assert(stamps.every((t, i) => i === 0 || stamps[i - 1] <= t), 'oldest first');
}, {https: true});

test('null is not unset', async () => {
    const created = await client.create_lead_async(
        new Nexor.LeadInput({first_name: 'Carla', email: uniqueEmail('carla'), title: 'CEO', company: 'Acme'}), null);
    const leadId = created.lead.get_id();

    const change = new Nexor.LeadInput({last_name: 'Vega'});
    change.title = null;
    change.company = 'Globex';
    change.unset('company');
    assert(change.is_set('title') && change.is_null('title'), 'title is set, to null');
    assert(!change.is_set('company'), 'company is unset again');

    const updated = await client.update_lead_async(leadId, change, null);
    assertEqual(updated.last_name, 'Vega', 'last name');
    assertEqual(updated.title, null, 'title cleared');
    assertEqual(updated.company, 'Acme', 'company kept');

    const metadata = new Json.Object();
    metadata.set_string_member('plan', 'gold');
    const merged = await client.update_lead_async(leadId, new Nexor.LeadInput({metadata}), null);
    assertEqual(merged.metadata.get_string_member('plan'), 'gold', 'metadata');
});

test('bulk create reports each lead, and more than 1000 is refused before sending', async () => {
    const store = Gio.ListStore.new(Nexor.LeadInput);
    const email = uniqueEmail('dario');
    store.append(new Nexor.LeadInput({first_name: 'Dario', email}));
    store.append(new Nexor.LeadInput({first_name: 'Eva', email: 'not-an-email'}));
    store.append(new Nexor.LeadInput({first_name: 'Darío', email}));

    const result = await client.create_leads_async(store, null);
    assertEqual(result.created, 2, 'created');
    assertEqual(result.failed, 1, 'failed');
    const [first, bad, again] = items(result.results);
    assertEqual(bad.success, false, 'the bad one failed');
    assert(bad.error_message.includes('not-an-email'), 'the server says why');
    assertEqual(again.existed, true, 'the duplicate found the first');
    assertEqual(again.lead.get_id(), first.lead.get_id(), 'the same lead');

    const offline = Nexor.Client.new_for_url(UNREACHABLE_URL, DEMO_API_KEY);
    const many = Gio.ListStore.new(Nexor.LeadInput);
    const one = new Nexor.LeadInput({first_name: 'X'});
    for (let i = 0; i < 1001; i++)
        many.append(one);
    await assertRejects(offline.create_leads_async(many, null),
        Nexor.Error, Nexor.Error.INVALID_ARGUMENT, '1001 leads');
});

test('tags by name and the team', async () => {
    const created = await client.create_lead_async(
        new Nexor.LeadInput({first_name: 'Fede', email: uniqueEmail('fede')}), null);
    const synced = await client.sync_lead_tags_async(created.lead.get_id(), null, ['Hot lead', 'Webinar'], null);
    assertEqual(items(synced.tags).map(t => t.name).sort().join(','), 'Hot lead,Webinar', 'tags');
    assertEqual(synced.added.length, 2, 'added');
    assertEqual(synced.removed.length, 0, 'removed');

    const team = items(await client.list_team_members_async(null));
    assert(team.length > 0 && team.every(m => m instanceof Nexor.TeamMember), 'team members');
});

test('ids that are not UUIDs are INVALID_ARGUMENT without a request', async () => {
    const offline = Nexor.Client.new_for_url(UNREACHABLE_URL, DEMO_API_KEY);
    for (const id of ['..', 'a/b', '']) {
        // eslint-disable-next-line no-await-in-loop
        await assertRejects(offline.stop_lead_automation_async(id, SALES_WORKFLOW, null),
            Nexor.Error, Nexor.Error.INVALID_ARGUMENT, `stop ${JSON.stringify(id)}`);
        // eslint-disable-next-line no-await-in-loop
        await assertRejects(offline.is_lead_paused_async(id, null, null),
            Nexor.Error, Nexor.Error.INVALID_ARGUMENT, `is_lead_paused ${JSON.stringify(id)}`);
    }
    await assertRejects(offline.stop_lead_automation_async(SEED_LEAD_ID, '', null),
        Nexor.Error, Nexor.Error.INVALID_ARGUMENT, 'empty workflow id');
});

runTests((url, caFile) => {
    client = clientFor(Nexor, url, DEMO_API_KEY, caFile);
});
