/* get-lead.vala: fetch one lead with nexor-glib from Vala, blocking and with yield
 *
 *   valac --pkg nexor-glib-1 get-lead.vala
 *   NEXOR_API_KEY=nxr_live_… ./get-lead [LEAD_ID]
 *
 * NEXOR_BASE_URL selects another server, e.g. a local nexor-emulator.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

const string EXAMPLE_LEAD_ID = "123e4567-e89b-12d3-a456-426614174000";

void print_lead (Nexor.Lead lead) {
    var name = lead.last_name != null ? @"$(lead.first_name) $(lead.last_name)" : lead.first_name;
    print ("%s <%s>\n", name, lead.email ?? "no email");
    print ("  company:  %s\n", lead.company ?? "-");
    if (lead.campaign != null)
        print ("  campaign: %s\n", lead.campaign.name);
    var run = lead.active_workflow_run;
    if (run != null && run.workflow != null)
        print ("  workflow: %s\n", run.workflow.name);
    if (run != null && run.current_status != null)
        print ("  status:   %s\n", run.current_status.label);
    if (lead.created_at != null)
        print ("  created:  %s\n", lead.created_at.format_iso8601 ());
    var variables = lead.variables;
    for (uint i = 0; i < variables.get_n_items (); i++) {
        var variable = (Nexor.Variable) variables.get_item (i);
        print ("  %s = %s (confidence %.2f)\n", variable.name, variable.value_text, variable.confidence);
    }
}

async int fetch_async (Nexor.Client client, string lead_id) {
    try {
        Nexor.Lead lead = yield client.get_lead_async (lead_id, null);
        print ("\nThe same lead, fetched asynchronously:\n");
        print_lead (lead);
        return 0;
    } catch (Error e) {
        printerr ("get_lead_async: %s\n", e.message);
        return 1;
    }
}

int main (string[] args) {
    // print() writes in the locale's charset: without this, accented names
    // such as "Matías" come out as "Mat?as".
    Intl.setlocale (LocaleCategory.ALL, "");

    string lead_id = args.length > 1 ? args[1] : EXAMPLE_LEAD_ID;
    Nexor.Client client;

    try {
        /* NEXOR_API_KEY, and NEXOR_BASE_URL if set. */
        client = new Nexor.Client.from_environment ();
    } catch (Error e) {
        printerr ("%s\n", e.message);
        return 1;
    }

    /* Blocking: fine in a command-line tool or a worker thread. */
    try {
        print_lead (client.get_lead (lead_id, null));
    } catch (Nexor.Error.NOT_FOUND e) {
        printerr ("No lead %s\n", lead_id);
        return 1;
    } catch (Error e) {
        printerr ("get_lead: %s\n", e.message);
        return 1;
    }

    /* Asynchronous, with yield: the async method runs in this main loop. */
    var loop = new MainLoop ();
    int status = 1;
    fetch_async.begin (client, lead_id, (obj, res) => {
        status = fetch_async.end (res);
        loop.quit ();
    });
    loop.run ();
    return status;
}
