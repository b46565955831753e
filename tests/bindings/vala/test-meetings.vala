/* Vala tests of the meeting calls, compiled against nexor-glib-1.vapi:
 * create_meeting (by the lead's email, in a time zone) and its replay from the
 * calendar, cancel, no-show and complete, each repeated, and meeting notes
 * with action items, all with yield; a provider-owned meeting that is skipped
 * and a reserved note provider refused without a request. Runs against the
 * server in NEXOR_BASE_URL (or the first argument); scripts/with-emulator.sh
 * provides it. Prints TAP.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

const string MATIAS = "f8c01161-d4cc-4a7f-9ea8-7ef3ff489315";
const string MATIAS_EMAIL = "matias.gonzalez@example.com";
const string CHEN_DEMO = "5cdf916d-8a7e-4fb2-a1d3-6e7f8091a2b3";

string base_url;
string api_key;

Nexor.Client make_client () {
    try {
        return new Nexor.Client.for_url (base_url, api_key);
    } catch (Error e) {
        error ("cannot build a client of %s: %s", base_url, e.message);
    }
}

DateTime santiago (int day, int hour) {
    TimeZone zone;
    try {
        zone = new TimeZone.identifier ("America/Santiago");
    } catch (Error e) {
        error ("no tzdata for America/Santiago: %s", e.message);
    }
    return new DateTime (zone, 2026, 11, day, hour, 0, 0);
}

/* A meeting of its own for each outcome: the event ids are unique, so a
 * second run against the same emulator books new ones. */
Nexor.MeetingInput booking (int day, int hour) {
    var input = new Nexor.MeetingInput ();
    input.lead_email = MATIAS_EMAIL;
    input.title = "Demo";
    input.starts_at = santiago (day, hour);
    input.duration_minutes = 30;
    try {
        input.set_time_zone (new TimeZone.identifier ("America/Santiago"));
    } catch (Error e) {
        error ("no tzdata for America/Santiago: %s", e.message);
    }
    input.external_calendar_provider = "google";
    input.external_event_id = "evt-" + Uuid.string_random ();
    return input;
}

async void book_and_replay (Nexor.Client client) throws Error {
    var input = booking (10, 10);
    Nexor.Meeting meeting = yield client.create_meeting_async (input, null);
    assert_cmpstr (meeting.get_lead_id (), CompareOperator.EQ, MATIAS);
    assert_cmpstr (meeting.get_starts_at ().format_iso8601 (), CompareOperator.EQ, "2026-11-10T13:00:00Z");
    assert_cmpstr (meeting.dup_time_zone ().get_identifier (), CompareOperator.EQ, "America/Santiago");
    assert_cmpstr (meeting.external_event_id, CompareOperator.EQ, input.external_event_id);
    assert_false (meeting.idempotent);

    /* The calendar moved it: the same meeting, an hour later. */
    input.starts_at = santiago (10, 11);
    Nexor.Meeting moved = yield client.create_meeting_async (input, null);
    assert_cmpstr (moved.get_id (), CompareOperator.EQ, meeting.get_id ());
    assert_cmpstr (moved.get_starts_at ().format_iso8601 (), CompareOperator.EQ, "2026-11-10T14:00:00Z");
    assert_cmpint (moved.get_duration_minutes (), CompareOperator.EQ, 30);

    string[] scheduled = { "scheduled" };
    ListModel listed = yield client.list_lead_meetings_async (MATIAS, scheduled, null);
    bool found = false;
    for (uint i = 0; i < listed.get_n_items (); i++)
        found |= ((Nexor.Meeting) listed.get_item (i)).get_id () == meeting.get_id ();
    assert_true (found);
}

async void outcomes (Nexor.Client client) throws Error {
    Nexor.Meeting completed = yield client.create_meeting_async (booking (11, 10), null);
    Nexor.MeetingOutcome outcome = yield client.complete_meeting_async (completed.get_id (), "Went well", null);
    assert_cmpstr (outcome.get_meeting ().get_status (), CompareOperator.EQ, "completed");
    assert_cmpstr (outcome.meeting.outcome_notes, CompareOperator.EQ, "Went well");
    assert_nonnull (outcome.get_meeting ().get_outcome_at ());
    assert_false (outcome.get_idempotent ());
    assert_false (outcome.skipped);
    outcome = yield client.complete_meeting_async (completed.get_id (), null, null);
    assert_true (outcome.get_idempotent ());
    assert_cmpstr (outcome.get_meeting ().get_status (), CompareOperator.EQ, "completed");

    Nexor.Meeting absent = yield client.create_meeting_async (booking (12, 10), null);
    outcome = yield client.mark_meeting_no_show_async (absent.get_id (), "No answer", "Called twice", null);
    assert_cmpstr (outcome.get_meeting ().get_status (), CompareOperator.EQ, "no_show");
    assert_cmpstr (outcome.get_meeting ().get_no_show_reason (), CompareOperator.EQ, "No answer");
    assert_false (outcome.get_idempotent ());
    outcome = yield client.mark_meeting_no_show_async (absent.get_id (), null, null, null);
    assert_true (outcome.get_idempotent ());

    Nexor.Meeting cancelled = yield client.create_meeting_async (booking (13, 10), null);
    outcome = yield client.cancel_meeting_async (cancelled.get_id (), "Lead asked", null);
    assert_cmpstr (outcome.get_meeting ().get_status (), CompareOperator.EQ, "cancelled");
    assert_cmpstr (outcome.get_meeting ().get_cancellation_reason (), CompareOperator.EQ, "Lead asked");
    assert_nonnull (outcome.get_meeting ().get_cancelled_at ());
    outcome = yield client.cancel_meeting_async (cancelled.get_id (), null, null);
    assert_true (outcome.get_idempotent ());

    /* Owned by its provider: nothing changes, and there is no meeting. */
    outcome = yield client.cancel_meeting_async (CHEN_DEMO, null, null);
    assert_true (outcome.skipped);
    assert_null (outcome.get_meeting ());
    assert_false (outcome.get_idempotent ());
    assert_nonnull (outcome.get_reason ());
}

async void notes (Nexor.Client client) throws Error {
    Nexor.Meeting meeting = yield client.create_meeting_async (booking (14, 10), null);

    var items = new Json.Node (Json.NodeType.ARRAY);
    var array = new Json.Array ();
    array.add_string_element ("Send the offer");
    items.take_array ((owned) array);

    var input = new Nexor.MeetingNoteInput ();
    input.calendar_event_id = meeting.get_id ();
    input.summary = "Wants the premium plan";
    input.transcript_text = "Hola…";
    input.action_items = items;
    Nexor.MeetingNoteResult note = yield client.create_meeting_note_async (input, null);
    assert_cmpstr (note.get_meeting_id (), CompareOperator.EQ, meeting.get_id ());
    assert_cmpstr (note.lead_id, CompareOperator.EQ, MATIAS);
    assert_true (note.get_created ());
    assert_cmpstr (note.get_summary (), CompareOperator.EQ, "Wants the premium plan");
    Json.Node? back = note.dup_action_items ();
    assert_nonnull (back);
    assert_cmpstr (back.get_array ().get_string_element (0), CompareOperator.EQ, "Send the offer");

    /* By the lead's email: the same meeting, the latest one of that lead. */
    var by_email = new Nexor.MeetingNoteInput ();
    by_email.lead_email = MATIAS_EMAIL;
    by_email.notes = "Follow-up in a week";
    note = yield client.create_meeting_note_async (by_email, null);
    assert_cmpstr (note.lead_id, CompareOperator.EQ, MATIAS);
    assert_nonnull (note.get_meeting_id ());
}

void test_book_and_replay () {
    var client = make_client ();
    var loop = new MainLoop ();
    Error? failure = null;

    book_and_replay.begin (client, (obj, res) => {
        try {
            book_and_replay.end (res);
        } catch (Error e) {
            failure = e;
        }
        loop.quit ();
    });
    loop.run ();
    if (failure != null)
        error ("book and replay: %s", failure.message);
}

void test_outcomes () {
    var client = make_client ();
    var loop = new MainLoop ();
    Error? failure = null;

    outcomes.begin (client, (obj, res) => {
        try {
            outcomes.end (res);
        } catch (Error e) {
            failure = e;
        }
        loop.quit ();
    });
    loop.run ();
    if (failure != null)
        error ("outcomes: %s", failure.message);
}

void test_notes () {
    var client = make_client ();
    var loop = new MainLoop ();
    Error? failure = null;

    notes.begin (client, (obj, res) => {
        try {
            notes.end (res);
        } catch (Error e) {
            failure = e;
        }
        loop.quit ();
    });
    loop.run ();
    if (failure != null)
        error ("notes: %s", failure.message);
}

void test_reserved_provider () {
    var input = new Nexor.MeetingNoteInput ();
    input.calendar_event_id = CHEN_DEMO;
    input.notes = "n";
    input.provider = "retell";

    try {
        make_client ().create_meeting_note (input, null);
        assert_not_reached ();
    } catch (Nexor.Error.INVALID_ARGUMENT e) {
        assert_true ("retell" in e.message);
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

    Test.add_func ("/vala/meetings/book-and-replay", test_book_and_replay);
    Test.add_func ("/vala/meetings/outcomes", test_outcomes);
    Test.add_func ("/vala/meetings/notes", test_notes);
    Test.add_func ("/vala/meetings/reserved-provider", test_reserved_provider);

    return Test.run ();
}
