// The routing scenario of the issue in GJS, with promisifyAll (bindings/gjs):
// build a language router (a processor with two rules), route a batch of
// leads, check where each landed by §3.23's evaluation, record a conversion
// for one of them and list it back. Prints TAP.
//
//   GJS_PATH=bindings/gjs NEXOR_EMULATOR=…/nexor-emulator gjs -m tests/bindings/gjs/test-routing-scenario.js
//
// SPDX-License-Identifier: LGPL-2.1-or-later

import GLib from 'gi://GLib';
import Gio from 'gi://Gio';
import Json from 'gi://Json?version=1.0';
import Nexor from 'gi://Nexor?version=1';

import {
    DEMO_API_KEY, assert, assertEqual, assertRejects, clientFor, runTests, test,
} from './helpers.js';

const {promisifyAll, allItems} = imports.nexor.promises;
promisifyAll(Nexor);

// A GListModel as an array (GJS 1.74 does not iterate list models).
function items(model) {
    const out = [];
    for (let i = 0; i < model.get_n_items(); i++)
        out.push(model.get_item(i));
    return out;
}

// A Json.Object with the members of a JS object, for metadata.
const jsonObject = values => Json.from_string(JSON.stringify(values)).get_object();

// The emulator upserts by email, then phone: fresh ones are new leads.
const run = GLib.uuid_string_random().slice(0, 8);
const uniquePhone = () => `+5696${String(GLib.random_int_range(0, 10000000)).padStart(7, '0')}`;

function lead(firstName, language, contact) {
    const input = new Nexor.LeadInput({first_name: firstName, ...contact});
    input.set_metadata(jsonObject({language}));
    return input;
}

function languageRule(name, workflow, languages) {
    const condition = Nexor.ConditionInput.new('metadata.language', Nexor.ConditionOperator.IN);
    condition.set_string_list_value(languages);
    const rule = new Nexor.RuleInput({name, workflow_id: workflow.id});
    rule.add_condition(condition);
    return rule;
}

let client;

test('a language router: two rules, three leads, a conversion', async () => {
    const workflows = items(await client.list_workflows_async(null));
    const byName = name => workflows.find(w => w.name === name);
    const spanish = byName('Enlace de Pago Enviado');   // calls: its leads need a phone
    const english = byName('Payment Link Sent');        // no call steps
    const fallback = byName('Demo Booking');
    assert(spanish.has_call_steps && !english.has_call_steps, 'one workflow calls, the other does not');

    const processor = await client.create_processor_async(new Nexor.ProcessorInput({
        name: `Language Router ${run}`, default_workflow_id: fallback.id,
    }), null);
    const esRule = await client.create_processor_rule_async(processor.id,
        languageRule('Spanish leads', spanish, ['ES', 'es']), null);
    const enRule = await client.create_processor_rule_async(processor.id,
        languageRule('English leads', english, ['EN', 'en']), null);
    const fetched = await client.get_processor_async(processor.id, null);
    assertEqual(items(fetched.rules).map(r => r.name).join('|'), 'Spanish leads|English leads', 'rules in order');

    const leads = new Gio.ListStore({item_type: Nexor.LeadInput});
    leads.append(lead('Lucía', 'es', {phone: uniquePhone()}));
    leads.append(lead('Grace', 'EN', {email: `grace+${run}@example.com`}));
    leads.append(lead('João', 'pt', {phone: uniquePhone()}));
    const results = items(await client.route_leads_async(processor.id, leads, null));

    assertEqual(results.map(r => r.success).join(), 'true,true,true', 'all routed');
    assertEqual(results[0].rule.id, esRule.id, 'es: the Spanish rule');
    assertEqual(results[0].workflow.id, spanish.id, 'es: the Spanish workflow');
    assertEqual(results[1].rule.id, enRule.id, 'EN: the English rule');
    assertEqual(results[1].workflow.id, english.id, 'EN: the English workflow');
    assertEqual(results[2].rule, null, 'pt: no rule');
    assertEqual(results[2].workflow.id, fallback.id, 'pt: the default workflow');

    for (const result of results) {
        // eslint-disable-next-line no-await-in-loop
        const stored = await client.get_lead_async(result.lead.id, null);
        assertEqual(stored.active_workflow_run.workflow_id, result.workflow.id, `${result.lead.first_name} enrolled`);
    }

    // No phone, and the Spanish workflow calls: that lead fails alone.
    const mixed = new Gio.ListStore({item_type: Nexor.LeadInput});
    mixed.append(lead('Sin Teléfono', 'es', {email: `sin.telefono+${run}@example.com`}));
    mixed.append(lead('Ada', 'en', {email: `ada+${run}@example.com`}));
    const [refused, routed] = items(await client.route_leads_async(processor.id, mixed, null));
    assertEqual(refused.success, false, 'refused without a phone');
    assert(refused.error_message.includes('phone is required'), 'the server says why');
    assertEqual(routed.success, true, 'the other is routed');

    // Revenue: a conversion for the English lead, listed back by lead.
    const grace = results[1].lead.id;
    const type = items(await client.list_conversion_types_async(null))[0];
    const recorded = await client.create_conversion_async(new Nexor.ConversionInput({
        conversion_type_id: type.id, lead_id: grace, amount: 1200.5, currency: 'USD',
    }), null);
    assertEqual(recorded.lead_id, grace, 'recorded for Grace');

    const listed = await client.list_conversions_async(new Nexor.ConversionQuery({lead_id: grace}), null);
    assertEqual(listed.total, 1, 'total');
    const seen = [];
    for await (const conversion of allItems(listed))
        seen.push(conversion.id);
    assertEqual(seen.join(), recorded.id, 'listed back');
}, {https: true});

test('a deactivated processor routes nothing', async () => {
    const workflows = items(await client.list_workflows_async(null));
    const processor = await client.create_processor_async(new Nexor.ProcessorInput({
        name: `Short-lived ${run}`, default_workflow_id: workflows.find(w => !w.has_call_steps).id,
    }), null);
    assertEqual(await client.delete_processor_async(processor.id, null), true, 'deactivated');
    await assertRejects(client.route_lead_async(processor.id,
        lead('Ana', 'en', {email: `ana+${run}@example.com`}), null),
    Nexor.Error, Nexor.Error.NOT_FOUND, 'routing to it');
});

runTests((url, caFile) => {
    client = clientFor(Nexor, url, DEMO_API_KEY, caFile);
});
