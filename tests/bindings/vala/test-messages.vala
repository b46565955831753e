/* Vala tests of the message calls, compiled against nexor-glib-1.vapi:
 * list_templates and send_message with yield (a template filled from its
 * variables, an email, a call), and a refusal without a request. Runs
 * against the server in NEXOR_BASE_URL (or the first argument);
 * scripts/with-emulator.sh provides it. Prints TAP.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

const string EMILY = "ed798fc4-92d4-4f19-9c90-19426829d6df";
const string SALES = "4aca1485-3259-4b0d-a4d0-51cff048729e";

string base_url;
string api_key;

Nexor.Client make_client () {
    try {
        return new Nexor.Client.for_url (base_url, api_key);
    } catch (Error e) {
        error ("cannot build a client of %s: %s", base_url, e.message);
    }
}

async void send_each (Nexor.Client client) throws Error {
    ListModel templates = yield client.list_templates_async ("APPROVED", "MARKETING", null);
    assert_cmpuint (templates.get_n_items (), CompareOperator.EQ, 1);
    var template = (Nexor.Template) templates.get_item (0);
    ListModel variables = template.get_variables ();
    string[] parameters = {};
    for (uint i = 0; i < variables.get_n_items (); i++)
        parameters += "<%s>".printf (((Nexor.TemplateVariable) variables.get_item (i)).get_name ());
    assert_cmpint (parameters.length, CompareOperator.EQ, 2);

    var whatsapp = new Nexor.MessageInput (Nexor.MessageChannel.WHATSAPP);
    whatsapp.lead_id = EMILY;
    whatsapp.workflow_id = SALES;
    whatsapp.template_id = template.get_id ();
    whatsapp.set_template_parameters (parameters);
    Nexor.MessageResult sent = yield client.send_message_async (whatsapp, null);
    assert_true (sent.get_channel () == Nexor.MessageChannel.WHATSAPP);
    assert_cmpstr (sent.get_message_type (), CompareOperator.EQ, "template");

    var email = new Nexor.MessageInput (Nexor.MessageChannel.EMAIL);
    email.lead_id = EMILY;
    email.workflow_id = SALES;
    email.html = "<p>Hola</p>";
    sent = yield client.send_message_async (email, null);
    assert_nonnull (sent.get_activity_id ());

    var call = new Nexor.MessageInput (Nexor.MessageChannel.CALL);
    call.lead_id = EMILY;
    call.workflow_id = SALES;
    call.begin_message = "Hola Emily";
    sent = yield client.send_message_async (call, null);
    assert_cmpstr (sent.get_call_status (), CompareOperator.EQ, "registered");
}

void test_send_each () {
    var client = make_client ();
    var loop = new MainLoop ();
    Error? failure = null;

    send_each.begin (client, (obj, res) => {
        try {
            send_each.end (res);
        } catch (Error e) {
            failure = e;
        }
        loop.quit ();
    });
    loop.run ();
    if (failure != null)
        error ("messages: %s", failure.message);
}

void test_refused () {
    var input = new Nexor.MessageInput (Nexor.MessageChannel.WHATSAPP);
    input.lead_id = EMILY;
    input.workflow_id = SALES;

    try {
        make_client ().send_message (input, null);
        assert_not_reached ();
    } catch (Nexor.Error.INVALID_ARGUMENT e) {
        assert_true ("content" in e.message);
    } catch (Error e) {
        error ("expected INVALID_ARGUMENT, got %s", e.message);
    }
}

int main (string[] args) {
    Test.init (ref args);

    base_url = args.length > 1 ? args[1] : Environment.get_variable ("NEXOR_BASE_URL");
    api_key = Environment.get_variable ("NEXOR_API_KEY") ?? "nxr_live_emulator_demo_key";
    if (base_url == null) {
        printerr ("usage: %s URL (or set NEXOR_BASE_URL)\n", args[0]);
        return 2;
    }

    Test.add_func ("/vala/messages/send-each", test_send_each);
    Test.add_func ("/vala/messages/refused", test_refused);

    return Test.run ();
}
