// GJS: a WhatsApp template filled from its variables, an HTML email and an
// AI call for a new lead, with promisifyAll (bindings/gjs); prints TAP.
//
//   GJS_PATH=bindings/gjs NEXOR_EMULATOR=…/nexor-emulator gjs -m tests/bindings/gjs/test-messages.js
//
// SPDX-License-Identifier: LGPL-2.1-or-later

import GLib from 'gi://GLib';
import Nexor from 'gi://Nexor?version=1';

import {
    DEMO_API_KEY,
    assert, assertEqual, assertRejects, clientFor, runTests, test,
} from './helpers.js';

const {promisifyAll} = imports.nexor.promises;
promisifyAll(Nexor);

function items(model) {
    const out = [];
    for (let i = 0; i < model.get_n_items(); i++)
        out.push(model.get_item(i));
    return out;
}

const SALES_WORKFLOW = '4aca1485-3259-4b0d-a4d0-51cff048729e';

let client;

async function newLead() {
    const tag = GLib.uuid_string_random().slice(0, 12);
    const digits = String(Math.floor(Math.random() * 1e7)).padStart(7, '0');
    const created = await client.create_lead_async(new Nexor.LeadInput({
        first_name: 'Rosa', email: `gjs.msg.${tag}@example.com`, phone: `+5698${digits}`,
    }), null);
    return created.lead.id;
}

test('a template from the list, an email and a call, each once in the history', async () => {
    const leadId = await newLead();
    const templates = items(await client.list_templates_async('APPROVED', 'UTILITY', null));
    assertEqual(templates.map(t => t.name).join(), 'meeting_global_with_name', 'the approved utility template');
    const template = templates[0];
    const params = items(template.variables).map(v => `<${v.name}>`);
    assertEqual(params.length, 5, 'five variables');

    await assertRejects(client.send_message_async(new Nexor.MessageInput({
        channel: Nexor.MessageChannel.WHATSAPP, lead_id: leadId, workflow_id: SALES_WORKFLOW, content: 'Hola',
    }), null), Nexor.Error, Nexor.Error.INVALID_ARGUMENT, 'free-form text outside the 24-hour window');

    const whatsapp = new Nexor.MessageInput({
        channel: Nexor.MessageChannel.WHATSAPP, lead_id: leadId, workflow_id: SALES_WORKFLOW,
        template_id: template.id,
    });
    whatsapp.set_template_parameters(params);
    const sent = await client.send_message_async(whatsapp, null);
    assertEqual(sent.channel, Nexor.MessageChannel.WHATSAPP, 'channel');
    assertEqual(sent.message_type, 'template', 'type');

    const email = await client.send_message_async(new Nexor.MessageInput({
        channel: Nexor.MessageChannel.EMAIL, lead_id: leadId, workflow_id: SALES_WORKFLOW,
        html: '<p>Hola</p>', subject: 'Reunión',
    }), null);
    assert(email.activity_id, 'an email has an activity id');

    const call = await client.send_message_async(new Nexor.MessageInput({
        channel: Nexor.MessageChannel.CALL, lead_id: leadId, workflow_id: SALES_WORKFLOW,
        begin_message: 'Hola Rosa',
    }), null);
    assertEqual(call.call_status, 'registered', 'a call starts registered');

    const history = items(await client.list_lead_history_async(leadId, null, null))
        .filter(item => item.type_string === 'message' || item.type_string === 'call');
    assertEqual(history.map(item => item.channel).join(), 'whatsapp,email,call', 'once each, in order');
    assert(history[0].content.startsWith('Hola <nombre>, soy <asesor>'), 'the filled template');
});

runTests((url, caFile) => {
    client = clientFor(Nexor, url, DEMO_API_KEY, caFile);
});
