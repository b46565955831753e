/* Vala tests of webhooks, compiled against nexor-glib-1.vapi: signatures
 * from GLib's Hmac, a typed event, and a WebhookReceiver fed by a
 * Soup.Session in the same main loop with yield. Prints TAP.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

const string SECRET = "whsec_vala_test";

string event_json (string event_id) {
    return ("{\"event_type\":\"meeting.confirmed\",\"event_id\":\"%s\","
            + "\"timestamp\":\"2026-04-17T16:30:00.750Z\",\"data\":{"
            + "\"meeting\":{\"id\":\"m1\",\"title\":\"Demo\",\"confirmed_by_lead\":true},"
            + "\"lead\":{\"id\":\"l1\",\"first_name\":\"Ana\"},"
            + "\"host\":{\"id\":\"h1\",\"first_name\":\"Antonia\",\"last_name\":\"Stark\"}}}").printf (event_id);
}

string sign (string body, string secret = SECRET) {
    return Hmac.compute_for_string (ChecksumType.SHA256, secret.data, body);
}

void test_verify_and_parse () {
    var body = event_json ("e-vala");
    var bytes = new Bytes (body.data);
    try {
        assert_true (Nexor.webhook_verify_signature (bytes, "sha256=" + sign (body).up (), SECRET));
        var event = new Nexor.WebhookEvent.from_bytes (bytes);
        assert_true (event.event_type == Nexor.WebhookEventType.MEETING_CONFIRMED);
        assert_cmpint (event.timestamp.get_microsecond (), CompareOperator.EQ, 750000);
        assert_true (event.meeting_data.meeting.confirmed_by_lead);
        assert_cmpstr (event.meeting_data.host.first_name, CompareOperator.EQ, "Antonia");
    } catch (Error e) {
        error ("%s", e.message);
    }

    try {
        Nexor.webhook_verify_signature (bytes, sign (body, "another"), SECRET);
        assert_not_reached ();
    } catch (Nexor.Error.SIGNATURE_MISMATCH e) {
    } catch (Error e) {
        error ("expected SIGNATURE_MISMATCH, got %s", e.message);
    }
}

async uint post (Soup.Session session, string url, string body, string? signature) throws Error {
    var message = new Soup.Message ("POST", url);
    message.set_request_body_from_bytes ("application/json", new Bytes (body.data));
    if (signature != null)
        message.get_request_headers ().replace ("X-Nexor-Signature", signature);
    yield session.send_and_read_async (message, Priority.DEFAULT, null);
    return message.get_status ();
}

async void receive (Nexor.WebhookReceiver receiver) throws Error {
    var session = new Soup.Session ();
    var url = receiver.dup_url ();
    var body = event_json ("e-receiver");
    assert_cmpuint (yield post (session, url, body, sign (body)), CompareOperator.EQ, 200);
    assert_cmpuint (yield post (session, url, body, sign (body)), CompareOperator.EQ, 200);
    assert_cmpuint (yield post (session, url, body, null), CompareOperator.EQ, 401);
    assert_cmpuint (yield post (session, url, "[]", sign ("[]")), CompareOperator.EQ, 400);
}

void test_receiver () {
    var receiver = new Nexor.WebhookReceiver (SECRET);
    string[] received = {};
    uint[] refused = {};
    receiver.event_received.connect ((event, headers) => {
        assert_nonnull (headers.get_one ("X-Nexor-Signature"));
        received += event.event_id;
    });
    receiver.delivery_refused.connect ((status, error) => {
        refused += status;
    });
    try {
        receiver.listen (null, 0);
    } catch (Error e) {
        error ("%s", e.message);
    }

    var loop = new MainLoop ();
    receive.begin (receiver, (obj, result) => {
        try {
            receive.end (result);
        } catch (Error e) {
            error ("%s", e.message);
        }
        loop.quit ();
    });
    loop.run ();
    receiver.stop ();

    assert_cmpint (received.length, CompareOperator.EQ, 1);
    assert_cmpstr (received[0], CompareOperator.EQ, "e-receiver");
    assert_cmpint (refused.length, CompareOperator.EQ, 2);
    assert_cmpuint (refused[0], CompareOperator.EQ, 401);
    assert_cmpuint (refused[1], CompareOperator.EQ, 400);
}

int main (string[] args) {
    Test.init (ref args);

    Test.add_func ("/vala/webhooks/verify-and-parse", test_verify_and_parse);
    Test.add_func ("/vala/webhooks/receiver", test_receiver);

    return Test.run ();
}
