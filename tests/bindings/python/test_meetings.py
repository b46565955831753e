# PyGObject tests of meetings against nexor-emulator: book one for a lead
# found by email, replay it from its calendar, record how it went, attach
# notes, and see each step in the lead's history.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import uuid

import pytest

import gi

gi.require_version("Nexor", "1")
gi.require_version("Json", "1.0")
from gi.repository import GLib, Json, Nexor  # noqa: E402


def unique(prefix):
    # The emulator lives for the whole session.
    return "%s-%s" % (prefix, uuid.uuid4().hex[:12])


def santiago(day, hour):
    return GLib.DateTime.new(GLib.TimeZone.new_identifier("America/Santiago"), 2026, 11, day, hour, 0, 0)


def test_book_replay_outcome_notes(client):
    email = unique("ana") + "@example.com"
    lead_id = client.create_lead(Nexor.LeadInput(first_name="Ana", email=email), None).get_lead().get_id()
    event_id = unique("evt")

    meeting = client.create_meeting(Nexor.MeetingInput(
        lead_email=email, title="Demo", starts_at=santiago(10, 10), duration_minutes=30,
        timezone="America/Santiago", external_calendar_provider="google", external_event_id=event_id), None)
    assert meeting.get_lead_id() == lead_id
    assert meeting.get_starts_at().format_iso8601() == "2026-11-10T13:00:00Z"
    assert meeting.dup_time_zone().get_identifier() == "America/Santiago"
    assert meeting.props.external_event_id == event_id

    # The calendar moved it: the same meeting, an hour later.
    moved = client.create_meeting(Nexor.MeetingInput(
        lead_id=lead_id, title="Demo", starts_at=santiago(10, 11), duration_minutes=30,
        external_calendar_provider="google", external_event_id=event_id), None)
    assert moved.get_id() == meeting.get_id()
    assert [m.get_id() for m in client.list_lead_meetings(lead_id, None, None)] == [meeting.get_id()]

    outcome = client.complete_meeting(meeting.get_id(), "Went well", None)
    assert outcome.get_meeting().get_status() == "completed"
    assert not outcome.get_idempotent()
    assert client.complete_meeting(meeting.get_id(), None, None).get_idempotent()

    note = client.create_meeting_note(Nexor.MeetingNoteInput(
        lead_email=email, summary="Wants the premium plan",
        action_items=Json.from_string('["Send the offer"]')), None)
    assert note.get_meeting_id() == meeting.get_id()
    assert note.get_created()
    assert note.dup_action_items() == ["Send the offer"]  # the overrides give Python values

    history = client.list_all_lead_history(lead_id, None, None)
    kinds = [history.get_item(i).props.activity_type for i in range(history.get_n_items())]
    for kind in ("meeting_scheduled", "meeting_updated", "meeting_completed", "note_added"):
        assert kind in kinds


def test_refused_before_sending(client):
    with pytest.raises(GLib.Error) as raised:
        client.create_meeting_note(Nexor.MeetingNoteInput(
            calendar_event_id="123e4567-e89b-12d3-a456-426614174000", notes="n", provider="fireflies"), None)
    assert raised.value.matches(Nexor.error_quark(), Nexor.Error.INVALID_ARGUMENT)
    with pytest.raises(GLib.Error) as raised:
        client.create_meeting(Nexor.MeetingInput(lead_id="123e4567-e89b-12d3-a456-426614174000",
                                                 title="T", starts_at=santiago(10, 10)), None)
    assert raised.value.matches(Nexor.error_quark(), Nexor.Error.INVALID_ARGUMENT)
