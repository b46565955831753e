/* Vala tests of the workflow and campaign calls, compiled against
 * nexor-glib-1.vapi: list_workflows (async, with yield), get_workflow and
 * list_campaigns. Runs against the server in NEXOR_BASE_URL (or the first
 * argument); scripts/with-emulator.sh provides it. Prints TAP.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

const string SALES_WORKFLOW = "4aca1485-3259-4b0d-a4d0-51cff048729e";
const string UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";

string base_url;
string api_key;
string? ca_file;

Nexor.Client make_client () {
    try {
        if (ca_file == null)
            return new Nexor.Client.for_url (base_url, api_key);
        return (Nexor.Client) Object.new (typeof (Nexor.Client),
                                          "base-url", base_url,
                                          "api-key", api_key,
                                          "tls-database", TlsFileDatabase.@new (ca_file));
    } catch (Error e) {
        error ("cannot build a client of %s: %s", base_url, e.message);
    }
}

async void list_workflows (Nexor.Client client) throws Error {
    ListModel workflows = yield client.list_workflows_async (null);
    Nexor.Workflow? sales = null;
    uint quiet = 0;

    assert_cmpuint (workflows.get_n_items (), CompareOperator.EQ, 7);
    for (uint i = 0; i < workflows.get_n_items (); i++) {
        var workflow = (Nexor.Workflow) workflows.get_item (i);
        if (workflow.get_id () == SALES_WORKFLOW)
            sales = workflow;
        if (!workflow.get_has_call_steps ())
            quiet++;
    }
    assert_nonnull (sales);
    assert_cmpuint (quiet, CompareOperator.EQ, 1);
    assert_true (sales.get_has_call_steps ());
    assert_false (sales.get_paused ());

    ListModel statuses = sales.get_statuses ();
    assert_cmpuint (statuses.get_n_items (), CompareOperator.EQ, 8);
    var first = (Nexor.WorkflowStatus) statuses.get_item (0);
    var last = (Nexor.WorkflowStatus) statuses.get_item (7);
    assert_cmpstr (first.get_key (), CompareOperator.EQ, "new");
    assert_true (first.get_is_initial ());
    assert_cmpstr (last.get_key (), CompareOperator.EQ, "lost");
    assert_true (last.get_is_terminal ());
}

void test_list_workflows_async () {
    var client = make_client ();
    var loop = new MainLoop ();
    Error? failure = null;

    list_workflows.begin (client, (obj, res) => {
        try {
            list_workflows.end (res);
        } catch (Error e) {
            failure = e;
        }
        loop.quit ();
    });
    loop.run ();
    if (failure != null)
        error ("list_workflows_async: %s", failure.message);
}

void test_get_workflow () {
    var client = make_client ();

    try {
        Nexor.Workflow workflow = client.get_workflow (SALES_WORKFLOW, null);
        assert_cmpstr (workflow.get_name (), CompareOperator.EQ, "Sales Pipeline");
        assert_cmpuint (workflow.get_statuses ().get_n_items (), CompareOperator.EQ, 8);
    } catch (Error e) {
        error ("get_workflow: %s", e.message);
    }

    try {
        client.get_workflow (UNKNOWN_ID, null);
        assert_not_reached ();
    } catch (Nexor.Error.NOT_FOUND e) {
        assert_true ("Workflow not found" in e.message);
    } catch (Error e) {
        error ("expected NOT_FOUND, got %s", e.message);
    }
}

void test_list_campaigns () {
    try {
        ListModel campaigns = make_client ().list_campaigns (null);
        assert_cmpuint (campaigns.get_n_items (), CompareOperator.EQ, 3);
        assert_cmpstr (((Nexor.Campaign) campaigns.get_item (0)).get_name (), CompareOperator.EQ, "Q1 Campaign");
    } catch (Error e) {
        error ("list_campaigns: %s", e.message);
    }
}

int main (string[] args) {
    Test.init (ref args);

    ca_file = Environment.get_variable ("NEXOR_CA_FILE");
    if (ca_file == "")
        ca_file = null;

    base_url = args.length > 1 ? args[1] : Environment.get_variable ("NEXOR_BASE_URL");
    api_key = Environment.get_variable ("NEXOR_API_KEY") ?? "nxr_live_emulator_demo_key";
    if (base_url == null) {
        printerr ("usage: %s URL (or set NEXOR_BASE_URL)\n", args[0]);
        return 2;
    }

    Test.add_func ("/vala/catalog/workflows-async", test_list_workflows_async);
    Test.add_func ("/vala/catalog/workflow", test_get_workflow);
    Test.add_func ("/vala/catalog/campaigns", test_list_campaigns);

    return Test.run ();
}
