// GJS: a meeting booked with promisifyAll (bindings/gjs), moved by its
// calendar, completed twice and given notes; prints TAP.
//
//   GJS_PATH=bindings/gjs NEXOR_EMULATOR=…/nexor-emulator gjs -m tests/bindings/gjs/test-meetings.js
//
// SPDX-License-Identifier: LGPL-2.1-or-later

import GLib from 'gi://GLib';
import Nexor from 'gi://Nexor?version=1';

import {
    DEMO_API_KEY, assert, assertEqual, assertRejects, clientFor, runTests, test,
} from './helpers.js';

const {promisifyAll} = imports.nexor.promises;
promisifyAll(Nexor);

const MATIAS = 'f8c01161-d4cc-4a7f-9ea8-7ef3ff489315';
const CHEN_DEMO = '5cdf916d-8a7e-4fb2-a1d3-6e7f8091a2b3';

let client;

function santiago(hour) {
    return GLib.DateTime.new(GLib.TimeZone.new_identifier('America/Santiago'), 2026, 11, 10, hour, 0, 0);
}

test('create_meeting, a replay, complete twice, notes', async () => {
    const eventId = `evt-${GLib.uuid_string_random()}`;
    const input = new Nexor.MeetingInput({
        lead_email: 'matias.gonzalez@example.com', title: 'Demo', starts_at: santiago(10),
        duration_minutes: 30, timezone: 'America/Santiago',
        external_calendar_provider: 'google', external_event_id: eventId,
    });
    const meeting = await client.create_meeting_async(input, null);
    assertEqual(meeting.lead_id, MATIAS, 'the lead found by email');
    assertEqual(meeting.starts_at.format_iso8601(), '2026-11-10T13:00:00Z', 'sent in UTC');

    input.starts_at = santiago(11);
    const moved = await client.create_meeting_async(input, null);
    assertEqual(moved.id, meeting.id, 'a replay is the same meeting');
    assertEqual(moved.starts_at.format_iso8601(), '2026-11-10T14:00:00Z', 'moved');

    const done = await client.complete_meeting_async(meeting.id, 'Went well', null);
    assertEqual(done.meeting.status, 'completed', 'completed');
    assertEqual(done.get_idempotent(), false, 'the first time changes it');
    const again = await client.complete_meeting_async(meeting.id, null, null);
    assertEqual(again.get_idempotent(), true, 'a repeat changes nothing');

    const note = await client.create_meeting_note_async(new Nexor.MeetingNoteInput({
        calendar_event_id: meeting.id, summary: 'Wants the premium plan',
    }), null);
    assertEqual(note.meeting_id, meeting.id, 'attached to the meeting');
    assert(note.created, 'a new note');
});

test('a provider-owned meeting is skipped; a reserved provider is refused', async () => {
    const skipped = await client.cancel_meeting_async(CHEN_DEMO, null, null);
    assertEqual(skipped.skipped, true, 'skipped');
    assertEqual(skipped.meeting, null, 'no meeting');
    await assertRejects(client.create_meeting_note_async(new Nexor.MeetingNoteInput({
        calendar_event_id: CHEN_DEMO, notes: 'n', provider: 'retell',
    }), null), Nexor.Error, Nexor.Error.INVALID_ARGUMENT, 'a reserved provider');
});

runTests((url, caFile) => {
    client = clientFor(Nexor, url, DEMO_API_KEY, caFile);
});
