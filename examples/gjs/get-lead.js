// get-lead.js: fetch one lead with nexor-glib from GJS, with async/await.
//
//   NEXOR_API_KEY=nxr_live_… gjs -m get-lead.js [LEAD_ID]
//
// NEXOR_BASE_URL selects another server, e.g. a local nexor-emulator.
//
// SPDX-License-Identifier: LGPL-2.1-or-later

import GLib from 'gi://GLib';
import Nexor from 'gi://Nexor?version=1';
import System from 'system';

// Every _async method of Nexor now returns a Promise when called without a
// callback (nexor/promises.js, installed with nexor-glib in share/gjs-1.0).
imports.nexor.promises.promisifyAll(Nexor);

const EXAMPLE_LEAD_ID = '123e4567-e89b-12d3-a456-426614174000';

function printLead(lead) {
    const name = [lead.first_name, lead.last_name].filter(Boolean).join(' ');
    print(`${name} <${lead.email ?? 'no email'}>`);
    print(`  company:  ${lead.company ?? '-'}`);
    if (lead.campaign)
        print(`  campaign: ${lead.campaign.name}`);
    const run = lead.active_workflow_run;
    if (run?.workflow)
        print(`  workflow: ${run.workflow.name}`);
    if (run?.current_status)
        print(`  status:   ${run.current_status.label}`);
    if (lead.created_at)
        print(`  created:  ${lead.created_at.format_iso8601()}`);
    const variables = lead.get_variables();
    for (let i = 0; i < variables.get_n_items(); i++) {
        const variable = variables.get_item(i);
        print(`  ${variable.name} = ${variable.value_text} (confidence ${variable.confidence.toFixed(2)})`);
    }
}

async function main(leadId) {
    // NEXOR_API_KEY, and NEXOR_BASE_URL if set.
    const client = Nexor.Client.new_from_environment();
    try {
        printLead(await client.get_lead_async(leadId, null));
        return 0;
    } catch (e) {
        if (e instanceof GLib.Error && e.matches(Nexor.Error, Nexor.Error.NOT_FOUND))
            printerr(`No lead ${leadId}`);
        else
            printerr(`get_lead_async: ${e.message}`);
        return 1;
    }
}

const loop = new GLib.MainLoop(null, false);
let exitStatus = 1;
main(ARGV[0] ?? EXAMPLE_LEAD_ID)
    .then(status => (exitStatus = status))
    .catch(e => printerr(e.message))
    .finally(() => loop.quit());
loop.run();
System.exit(exitStatus);
