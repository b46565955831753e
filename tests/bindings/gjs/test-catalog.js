// GJS: workflows and campaigns with promisifyAll (bindings/gjs), and the
// phone a workflow with call steps needs; prints TAP.
//
//   GJS_PATH=bindings/gjs NEXOR_EMULATOR=…/nexor-emulator gjs -m tests/bindings/gjs/test-catalog.js
//
// SPDX-License-Identifier: LGPL-2.1-or-later

import GLib from 'gi://GLib';
import Nexor from 'gi://Nexor?version=1';

import {
    DEMO_API_KEY, UNREACHABLE_URL,
    assert, assertEqual, assertRejects, clientFor, runTests, test,
} from './helpers.js';

const {promisifyAll} = imports.nexor.promises;
promisifyAll(Nexor);

// A GListModel as an array (GJS 1.74 does not iterate list models).
function items(model) {
    const out = [];
    for (let i = 0; i < model.get_n_items(); i++)
        out.push(model.get_item(i));
    return out;
}

const SALES_WORKFLOW = '4aca1485-3259-4b0d-a4d0-51cff048729e';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

let client;

test('list_workflows: statuses, paused, has_call_steps', async () => {
    const workflows = items(await client.list_workflows_async(null));
    assertEqual(workflows.length, 7, 'seven workflows');
    assert(workflows.every(w => w instanceof Nexor.Workflow), 'Nexor.Workflow items');

    const sales = workflows.find(w => w.id === SALES_WORKFLOW);
    assertEqual(sales.name, 'Sales Pipeline', 'name');
    assertEqual(sales.has_call_steps, true, 'has_call_steps');
    assertEqual(items(sales.statuses).map(s => s.key).join(','),
        'new,contacted,engaged,qualified,meeting_scheduled,nurture,won,lost', 'status keys');
    assertEqual(items(sales.statuses)[0].is_initial, true, 'the first status is initial');
    assertEqual(workflows.filter(w => !w.has_call_steps).map(w => w.name).join(), 'Payment Link Sent',
        'one workflow without call steps');
    assertEqual(workflows.filter(w => w.paused).map(w => w.name).join(), 'Premium Outreach', 'one paused');
}, {https: true});

test('get_workflow and list_campaigns', async () => {
    const workflow = await client.get_workflow_async(SALES_WORKFLOW, null);
    assertEqual(workflow.get_statuses().get_n_items(), 8, 'statuses');
    await assertRejects(client.get_workflow_async(UNKNOWN_ID, null),
        Nexor.Error, Nexor.Error.NOT_FOUND, 'an unknown workflow');

    const campaigns = items(await client.list_campaigns_async(null));
    assertEqual(campaigns.map(c => c.name).join('|'), 'Q1 Campaign|Q2 Webinar Leads|Meta Ads - Santiago',
        'campaigns');
});

test('get_workflow of an id that is not a UUID sends nothing', async () => {
    const offline = Nexor.Client.new_for_url(UNREACHABLE_URL, DEMO_API_KEY);
    for (const id of ['uuid', '..', 'a/b', '']) {
        // eslint-disable-next-line no-await-in-loop
        await assertRejects(offline.get_workflow_async(id, null),
            Nexor.Error, Nexor.Error.INVALID_ARGUMENT, `get_workflow ${JSON.stringify(id)}`);
    }
});

test('a lead without a phone cannot enter a workflow that calls', async () => {
    const workflows = items(await client.list_workflows_async(null));
    const calls = workflows.find(w => w.has_call_steps);
    const quiet = workflows.find(w => !w.has_call_steps);
    const email = `nophone.${GLib.uuid_string_random().slice(0, 12)}@example.com`;

    await assertRejects(client.create_lead_async(
        new Nexor.LeadInput({first_name: 'Nora', email, workflow_id: calls.id}), null),
    Nexor.Error, Nexor.Error.INVALID_ARGUMENT, 'refused without a phone');

    const created = await client.create_lead_async(
        new Nexor.LeadInput({first_name: 'Nora', email, workflow_id: quiet.id}), null);
    assertEqual(created.workflow_run.workflow.name, quiet.name, 'enrolled where no call is made');
});

runTests((url, caFile) => {
    client = clientFor(Nexor, url, DEMO_API_KEY, caFile);
});
