/* Vala tests of Nexor.Client.get_lead, compiled against nexor-glib-1.vapi.
 *
 * Runs against the server in NEXOR_BASE_URL (or the first argument) with the
 * key in NEXOR_API_KEY; scripts/with-emulator.sh provides both. With
 * NEXOR_CA_FILE set (`with-emulator.sh --tls`), the server is https and the
 * clients trust the certificates in that file through their tls-database.
 * Prints TAP.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

const string SEED_LEAD_ID = "123e4567-e89b-12d3-a456-426614174000";
const string UNKNOWN_LEAD_ID = "00000000-0000-4000-8000-000000000000";
const string UNREACHABLE_URL = "http://127.0.0.1:1/api/public";

string base_url;
string api_key;
string? ca_file;

Nexor.Client make_client (string url, string key) {
    try {
        if (ca_file == null)
            return new Nexor.Client.for_url (url, key);
        return (Nexor.Client) Object.new (typeof (Nexor.Client),
                                          "base-url", url,
                                          "api-key", key,
                                          "tls-database", TlsFileDatabase.@new (ca_file));
    } catch (Error e) {
        error ("cannot build a client of %s: %s", url, e.message);
    }
}

void check_date (DateTime? date, string expected) {
    assert_nonnull (date);
    assert_cmpint (date.get_utc_offset () == 0 ? 1 : 0, CompareOperator.EQ, 1);
    assert_cmpstr (date.format_iso8601 (), CompareOperator.EQ, expected);
}

void check_seed_lead (Nexor.Lead lead) {
    assert_cmpstr (lead.get_id (), CompareOperator.EQ, SEED_LEAD_ID);
    assert_cmpstr (lead.get_first_name (), CompareOperator.EQ, "Carlos");
    assert_cmpstr (lead.get_last_name (), CompareOperator.EQ, "Lopez");
    assert_cmpstr (lead.get_email (), CompareOperator.EQ, "carlos@example.com");
    assert_cmpstr (lead.get_phone (), CompareOperator.EQ, "+56912345678");
    assert_cmpstr (lead.get_source (), CompareOperator.EQ, "api");
    assert_cmpstr (lead.get_company (), CompareOperator.EQ, "Stark Industries");
    assert_null (lead.get_title ());

    Json.Object metadata = lead.dup_metadata ();
    assert_cmpuint (metadata.get_size (), CompareOperator.EQ, 1);
    assert_cmpstr (metadata.get_string_member ("estado_lead"), CompareOperator.EQ, "calificado");

    assert_cmpuint (lead.get_tags ().get_n_items (), CompareOperator.EQ, 0);
    assert_true (lead.get_tags ().get_item_type () == typeof (Nexor.Tag));

    unowned Nexor.Campaign campaign = lead.get_campaign ();
    assert_cmpstr (campaign.get_id (), CompareOperator.EQ, "uuid");
    assert_cmpstr (campaign.get_name (), CompareOperator.EQ, "Q1 Campaign");

    unowned Nexor.WorkflowRun run = lead.get_active_workflow_run ();
    assert_cmpstr (run.get_id (), CompareOperator.EQ, "uuid");
    assert_cmpstr (run.get_workflow_id (), CompareOperator.EQ, "uuid");
    assert_true (run.get_is_active ());
    assert_false (run.get_human_takeover ());
    assert_cmpstr (run.get_cadence_state (), CompareOperator.EQ, "active");
    assert_cmpstr (run.get_run_status (), CompareOperator.EQ, "running");

    unowned Nexor.Workflow workflow = run.get_workflow ();
    assert_cmpstr (workflow.get_id (), CompareOperator.EQ, "uuid");
    assert_cmpstr (workflow.get_name (), CompareOperator.EQ, "Sales Pipeline");
    assert_cmpstr (workflow.get_goal_type (), CompareOperator.EQ, "appointment");

    unowned Nexor.WorkflowStatus status = run.get_current_status ();
    assert_cmpstr (status.get_id (), CompareOperator.EQ, "uuid");
    assert_cmpstr (status.get_key (), CompareOperator.EQ, "contacted");
    assert_cmpstr (status.get_label (), CompareOperator.EQ, "Contacted");
    assert_cmpstr (status.get_category (), CompareOperator.EQ, "active");
    assert_null (status.get_color ());

    assert_null (lead.get_assigned_user ());
    check_date (lead.get_created_at (), "2026-02-10T12:00:00Z");
    check_date (lead.get_updated_at (), "2026-02-10T12:00:00Z");

    assert_cmpuint (lead.get_variables ().get_n_items (), CompareOperator.EQ, 2);

    unowned Nexor.Variable edad = lead.get_variable ("edad");
    assert_cmpstr (edad.get_name (), CompareOperator.EQ, "edad");
    assert_true (edad.dup_value ().get_value_type () == typeof (int64));
    assert_cmpint ((int) edad.dup_value ().get_int (), CompareOperator.EQ, 35);
    assert_cmpstr (edad.get_value_text (), CompareOperator.EQ, "35");
    assert_cmpfloat (edad.get_confidence (), CompareOperator.EQ, 0.95);
    check_date (edad.get_updated_at (), "2026-02-10T13:00:00Z");

    unowned Nexor.Variable broker = lead.get_variable ("broker_asociado");
    assert_true (broker.dup_value ().get_value_type () == typeof (string));
    assert_cmpstr (broker.dup_value ().get_string (), CompareOperator.EQ, "Juan Perez");
    assert_cmpstr (broker.get_value_text (), CompareOperator.EQ, "Juan Perez");
    assert_cmpfloat (broker.get_confidence (), CompareOperator.EQ, 0.9);
    check_date (broker.get_updated_at (), "2026-02-10T13:05:00Z");

    assert_null (lead.get_variable ("no_such_variable"));
    assert_cmpstr (lead.dup_json ().get_string_member ("company"), CompareOperator.EQ, "Stark Industries");
}

async void fetch_seed_lead (Nexor.Client client) throws Error {
    Nexor.Lead lead = yield client.get_lead_async (SEED_LEAD_ID, null);
    check_seed_lead (lead);
}

async void fetch_unknown_lead (Nexor.Client client) throws Error {
    try {
        yield client.get_lead_async (UNKNOWN_LEAD_ID, null);
        assert_not_reached ();
    } catch (Nexor.Error.NOT_FOUND e) {
        assert_true ("404" in e.message);
    }
}

/* Runs @loop until an async test quits it, failing after 30 s. */
void run_loop (MainLoop loop) {
    var timeout_id = Timeout.add_seconds (30, () => {
        error ("the async call did not complete");
    });
    loop.run ();
    Source.remove (timeout_id);
}

void test_get_lead_async () {
    var client = make_client (base_url, api_key);
    var loop = new MainLoop ();
    Error? failure = null;

    fetch_seed_lead.begin (client, (obj, res) => {
        try {
            fetch_seed_lead.end (res);
        } catch (Error e) {
            failure = e;
        }
        loop.quit ();
    });
    run_loop (loop);

    if (failure != null)
        error ("%s", failure.message);
}

void test_not_found_async () {
    var client = make_client (base_url, api_key);
    var loop = new MainLoop ();
    Error? failure = null;

    fetch_unknown_lead.begin (client, (obj, res) => {
        try {
            fetch_unknown_lead.end (res);
        } catch (Error e) {
            failure = e;
        }
        loop.quit ();
    });
    run_loop (loop);

    if (failure != null)
        error ("expected NOT_FOUND, got %s", failure.message);
}

void test_get_lead_sync () {
    var client = make_client (base_url, api_key);
    try {
        check_seed_lead (client.get_lead (SEED_LEAD_ID, null));
    } catch (Error e) {
        error ("%s", e.message);
    }
}

void test_unauthorized () {
    var client = make_client (base_url, "nxr_live_not_a_valid_key");
    try {
        client.get_lead (SEED_LEAD_ID, null);
        assert_not_reached ();
    } catch (Nexor.Error.UNAUTHORIZED e) {
        /* expected */
    } catch (Error e) {
        error ("expected UNAUTHORIZED, got %s", e.message);
    }
}

void test_invalid_argument () {
    var client = make_client (UNREACHABLE_URL, api_key);
    foreach (unowned string id in new string[] { "..", "a/b", "" }) {
        try {
            client.get_lead (id, null);
            assert_not_reached ();
        } catch (Nexor.Error.INVALID_ARGUMENT e) {
            /* expected: refused before any request */
        } catch (Error e) {
            error ("“%s”: expected INVALID_ARGUMENT, got %s", id, e.message);
        }
    }
}

void test_cancelled () {
    var client = make_client (base_url, api_key);
    var cancellable = new Cancellable ();
    cancellable.cancel ();
    try {
        client.get_lead (SEED_LEAD_ID, cancellable);
        assert_not_reached ();
    } catch (IOError.CANCELLED e) {
        /* expected */
    } catch (Error e) {
        error ("expected CANCELLED, got %s", e.message);
    }
}

void test_untrusted_certificate () {
    /* The system's trust store does not know the emulator's certificate. */
    try {
        var client = new Nexor.Client.for_url (base_url, api_key);
        client.get_lead (SEED_LEAD_ID, null);
        assert_not_reached ();
    } catch (TlsError.BAD_CERTIFICATE e) {
        assert_true ("not signed by a certificate authority" in e.message);
    } catch (Error e) {
        error ("expected BAD_CERTIFICATE, got %s", e.message);
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

    Test.add_func ("/vala/get-lead/async", test_get_lead_async);
    Test.add_func ("/vala/get-lead/sync", test_get_lead_sync);
    Test.add_func ("/vala/get-lead/not-found-async", test_not_found_async);
    Test.add_func ("/vala/get-lead/unauthorized", test_unauthorized);
    Test.add_func ("/vala/get-lead/invalid-argument", test_invalid_argument);
    Test.add_func ("/vala/get-lead/cancelled", test_cancelled);
    if (ca_file != null)
        Test.add_func ("/vala/tls/untrusted-certificate", test_untrusted_certificate);

    return Test.run ();
}
