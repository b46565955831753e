// GJS: webhook signatures, typed events, and a NexorWebhookReceiver fed by a
// Soup.Session in the same main loop; prints TAP.
//
//   GJS_PATH=bindings/gjs NEXOR_EMULATOR=…/nexor-emulator gjs -m tests/bindings/gjs/test-webhooks.js
//
// SPDX-License-Identifier: LGPL-2.1-or-later

import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import Soup from 'gi://Soup?version=3.0';
import Nexor from 'gi://Nexor?version=1';

import {assert, assertEqual, assertThrows, runTests, test} from './helpers.js';

Gio._promisify(Soup.Session.prototype, 'send_and_read_async');

const SECRET = 'whsec_gjs_test';
const encoder = new TextEncoder();

// GLib's HMAC, not the library's: what a sender computes.
function sign(body, secret = SECRET) {
    return GLib.compute_hmac_for_bytes(GLib.ChecksumType.SHA256, new GLib.Bytes(encoder.encode(secret)),
        new GLib.Bytes(encoder.encode(body)));
}

function meetingEvent(eventId, eventType = 'meeting.scheduled') {
    return JSON.stringify({
        event_type: eventType, event_id: eventId, delivery_id: GLib.uuid_string_random(),
        timestamp: '2026-04-17T16:30:00.250Z', test: false,
        data: {
            meeting: {id: 'm-1', title: 'Meeting with Tony Stark', starts_at: '2026-04-21T17:30:00.000Z'},
            lead: {id: '123e4567-e89b-12d3-a456-426614174000', first_name: 'Tony', last_name: 'Stark'},
            host: {id: 'h-1', first_name: 'Antonia', last_name: 'Stark', email: 'antonia@capitaria.com'},
            meeting_type: {id: 't-1', name: 'Discovery Call'},
            workflow: {id: 'w-1', name: 'Agendamiento'},
        },
    });
}

test('verify_signature: vectors from GLib, prefix, case, tampering', () => {
    const body = meetingEvent('e-verify');
    const hex = sign(body);
    const bytes = new GLib.Bytes(encoder.encode(body));
    assert(Nexor.webhook_verify_signature(bytes, hex, SECRET), 'the hex digest');
    assert(Nexor.webhook_verify_signature(bytes, `sha256=${hex.toUpperCase()}`, SECRET), 'prefix, capitals');
    assertEqual(Nexor.webhook_compute_signature(Nexor.WebhookSignatureScheme.HMAC_SHA256_HEX, bytes, SECRET),
        hex, 'the same signature');
    assertThrows(() => Nexor.webhook_verify_signature(new GLib.Bytes(encoder.encode(`${body} `)), hex, SECRET),
        Nexor.Error, Nexor.Error.SIGNATURE_MISMATCH, 'a changed body');
    assertThrows(() => Nexor.webhook_verify_signature(bytes, null, SECRET),
        Nexor.Error, Nexor.Error.SIGNATURE_MISSING, 'no header');
    assertThrows(() => Nexor.webhook_verify_signature(bytes, 'sha256=xyz', SECRET),
        Nexor.Error, Nexor.Error.SIGNATURE_MALFORMED, 'not hex');
});

test('WebhookEvent.new_from_bytes: typed meeting data, unknown events kept', () => {
    const event = Nexor.WebhookEvent.new_from_bytes(new GLib.Bytes(encoder.encode(meetingEvent('e-parse'))));
    assertEqual(event.event_type, Nexor.WebhookEventType.MEETING_SCHEDULED, 'the type');
    assertEqual(event.timestamp.get_microsecond(), 250000, 'milliseconds');
    assertEqual(event.meeting_data.host.first_name, 'Antonia', 'the host');
    assertEqual(event.meeting_data.meeting_type.name, 'Discovery Call', 'the meeting type');
    assertEqual(event.meeting_data.lead.first_name, 'Tony', 'the lead');

    const unknown = Nexor.WebhookEvent.new_from_bytes(new GLib.Bytes(encoder.encode(
        '{"event_type":"meeting.updated","event_id":"e-2","data":{"x":1}}')));
    assertEqual(unknown.event_type, Nexor.WebhookEventType.UNKNOWN, 'unknown');
    assertEqual(unknown.event_type_string, 'meeting.updated', 'its name kept');
    assertEqual(unknown.meeting_data, null, 'no typed data');
    assertThrows(() => Nexor.WebhookEvent.new_from_bytes(new GLib.Bytes(encoder.encode('[]'))),
        Nexor.Error, Nexor.Error.INVALID_EVENT, 'not an event');
});

test('WebhookReceiver: events handed over once, refusals answered', async () => {
    const receiver = Nexor.WebhookReceiver.new(SECRET);
    const received = [];
    const refused = [];
    receiver.connect('event-received', (_receiver, event, headers) => {
        assert(headers.get_one('X-Nexor-Signature') !== null, 'the headers come along');
        received.push(event);
    });
    receiver.connect('delivery-refused', (_receiver, status, error) => {
        assert(error instanceof GLib.Error, 'a GLib.Error');
        refused.push(status);
    });
    receiver.listen(null, 0);
    assert(receiver.port > 0, 'a port was chosen');

    const session = new Soup.Session();
    const url = receiver.dup_url();
    const post = async (body, signature) => {
        const message = Soup.Message.new('POST', url);
        message.set_request_body_from_bytes('application/json', new GLib.Bytes(encoder.encode(body)));
        if (signature !== null)
            message.get_request_headers().replace('X-Nexor-Signature', signature);
        await session.send_and_read_async(message, GLib.PRIORITY_DEFAULT, null);
        return message.get_status();
    };

    const body = meetingEvent('e-receiver', 'meeting.no_show');
    assertEqual(await post(body, sign(body)), 200, 'a signed event');
    assertEqual(await post(body, `sha256=${sign(body)}`), 200, 'its retry');
    assertEqual(await post(body, null), 401, 'unsigned');
    assertEqual(await post(body, sign(body, 'another secret')), 401, 'another secret');
    assertEqual(await post('{"event_type":1}', sign('{"event_type":1}')), 400, 'not an event');

    assertEqual(received.length, 1, 'handed over once');
    assertEqual(received[0].event_type, Nexor.WebhookEventType.MEETING_NO_SHOW, 'typed');
    assertEqual(received[0].meeting_data.meeting.title, 'Meeting with Tony Stark', 'its meeting');
    assertEqual(refused.join(','), '401,401,400', 'the refusals');
    receiver.stop();
});

runTests(() => {});
