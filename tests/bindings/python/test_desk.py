# PyGObject tests of the lead desk against nexor-emulator: create a lead,
# assign it, take it over, hand it back, and read its history.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import uuid

import pytest

import gi

gi.require_version("Nexor", "1")
gi.require_version("Json", "1.0")
from gi.repository import Gio, GLib, Json, Nexor  # noqa: E402

from conftest import DEMO_API_KEY, over_http_and_https  # noqa: E402

SALES_WORKFLOW = "4aca1485-3259-4b0d-a4d0-51cff048729e"
DEMO_WORKFLOW = "c3c0efb2-99dc-4f2f-bb33-ea2894911065"
SEED_LEAD_ID = "123e4567-e89b-12d3-a456-426614174000"
UNKNOWN_LEAD_ID = "00000000-0000-4000-8000-000000000000"
HOT_TAG = "40018446-5928-4f8d-8c39-4abc460f126c"


def unique_email(name):
    # The emulator lives for the whole session and upserts by email.
    return "%s.%s@example.com" % (name, uuid.uuid4().hex[:12])


def unique_phone():
    # A workflow with call steps takes only leads with a phone, and the
    # emulator also upserts by phone.
    return "+5699%07d" % (uuid.uuid4().int % 10**7)


def items(model):
    return [model.get_item(i) for i in range(model.get_n_items())]


def assert_nexor_error(error, code):
    assert error.matches(Nexor.error_quark(), code), (
        "expected %s, got %s (%s): %s"
        % (code, GLib.quark_to_string(error.domain), error.code, error.message)
    )


def run_async(start, finish, timeout=30):
    """Calls start(callback), runs a main loop until the callback fires, and
    returns finish(result) (or raises its GLib.Error)."""
    loop = GLib.MainLoop()
    outcome = {}

    def on_done(source, result):
        outcome["result"] = result
        loop.quit()

    def on_timeout():
        outcome["timed_out"] = True
        loop.quit()
        return GLib.SOURCE_REMOVE

    timeout_id = GLib.timeout_add_seconds(timeout, on_timeout)
    start(on_done)
    loop.run()
    assert not outcome.get("timed_out"), "no callback within %d s" % timeout
    GLib.source_remove(timeout_id)
    return finish(outcome["result"])


def activity_types(history):
    return [
        item.props.activity_type
        for item in items(history)
        if item.props.item_type == Nexor.HistoryItemType.ACTIVITY
    ]


# --- the desk scenario ----------------------------------------------------------

@over_http_and_https
def test_desk_scenario(client):
    # Create.
    lead_input = Nexor.LeadInput(first_name="Ana", last_name="Soto", email=unique_email("ana"))
    created = client.create_lead(lead_input, None)
    assert isinstance(created, Nexor.CreateLeadResult)
    assert created.props.existed is False
    assert created.get_workflow_run() is None
    lead_id = created.get_lead().get_id()
    assert uuid.UUID(lead_id)
    assert created.get_lead().get_first_name() == "Ana"

    # Assign.
    assigned = client.assign_lead_workflow(lead_id, SALES_WORKFLOW, "Inbound demo request", "user-abc-123", None)
    assert assigned.get_movement_type() == Nexor.MovementType.ENROLLMENT
    assert assigned.props.movement_type == Nexor.MovementType.ENROLLMENT
    assert assigned.props.movement_type_string == "enrollment"
    assert assigned.get_workflow_id() == SALES_WORKFLOW
    assert assigned.get_workflow_name() == "Sales Pipeline"
    assert assigned.get_paused() is False
    run_id = assigned.get_workflow_run_id()

    assert client.is_lead_paused(lead_id, None, None).props.paused is False

    # Take over.
    stopped = client.stop_lead_automation(lead_id, SALES_WORKFLOW, None)
    assert stopped.get_workflow_run_id() == run_id
    assert stopped.get_cadence_paused() is True
    assert stopped.get_already_stopped() is False
    assert stopped.get_tasks_cancelled() >= 0

    assert client.is_lead_paused(lead_id, None, None).props.paused is True
    assert client.is_lead_paused(lead_id, SALES_WORKFLOW, None).props.paused is True
    lead = client.get_lead(lead_id, None)
    run = lead.get_active_workflow_run()
    assert run.get_id() == run_id
    assert run.get_human_takeover() is True

    again = client.stop_lead_automation(lead_id, SALES_WORKFLOW, None)
    assert again.get_already_stopped() is True

    # Hand back.
    resumed = client.resume_lead_automation(lead_id, SALES_WORKFLOW, True, None)
    assert resumed.get_cadence_resumed() is True
    assert resumed.get_already_running() is False
    assert client.is_lead_paused(lead_id, None, None).props.paused is False
    assert client.get_lead(lead_id, None).get_active_workflow_run().get_human_takeover() is False

    # The history shows all of it, in order.
    history = client.list_lead_history(lead_id, None, None)
    assert isinstance(history, Nexor.HistoryList)
    assert isinstance(history, Gio.ListModel)
    assert history.get_item_type() == Nexor.HistoryItem.__gtype__
    assert history.props.has_more is False
    assert history.props.loading is False
    assert history.props.n_items == history.get_n_items() > 0
    assert history.get_lead().get_id() == lead_id
    kinds = activity_types(history)
    assert "workflow_assigned" in kinds
    assert "automation_stopped" in kinds
    assert "automation_resumed" in kinds
    assert kinds.index("workflow_assigned") < kinds.index("automation_stopped") < kinds.index("automation_resumed")
    for item in items(history):
        assert isinstance(item.get_timestamp(), GLib.DateTime)
        assert item.get_type_string()


@over_http_and_https
def test_desk_scenario_async(client):
    lead_input = Nexor.LeadInput(first_name="Bruno", email=unique_email("bruno"),
                                 phone=unique_phone(), workflow_id=DEMO_WORKFLOW)

    created = run_async(lambda cb: client.create_lead_async(lead_input, None, cb),
                        client.create_lead_finish)
    lead_id = created.get_lead().get_id()
    run = created.get_workflow_run()
    assert run is not None
    assert run.get_workflow().get_name() == "Demo Booking"
    cadence = run.get_cadence()
    assert cadence.props.step_index == 0
    assert cadence.props.attempt_number == 1
    assert cadence.props.total_steps > 0

    stopped = run_async(lambda cb: client.stop_lead_automation_async(lead_id, DEMO_WORKFLOW, None, cb),
                        client.stop_lead_automation_finish)
    assert stopped.get_cadence_paused() is True

    # The answer comes back as a state whose paused is a bool, an error as an exception.
    state = run_async(lambda cb: client.is_lead_paused_async(lead_id, None, None, cb), client.is_lead_paused_finish)
    assert isinstance(state, Nexor.PauseState)
    assert state.props.paused is True
    with pytest.raises(GLib.Error) as excinfo:
        run_async(lambda cb: client.is_lead_paused_async(UNKNOWN_LEAD_ID, None, None, cb), client.is_lead_paused_finish)
    assert_nexor_error(excinfo.value, Nexor.Error.NOT_FOUND)

    resumed = run_async(lambda cb: client.resume_lead_automation_async(lead_id, DEMO_WORKFLOW, False, None, cb),
                        client.resume_lead_automation_finish)
    assert resumed.get_cadence_resumed() is False

    history = run_async(lambda cb: client.list_lead_history_async(lead_id, ["system"], None, cb),
                        client.list_lead_history_finish)
    assert history.get_channels() == ["system"]
    assert all(item.get_channel() == "system" for item in items(history))
    assert activity_types(history)[-2:] == ["automation_stopped", "automation_resumed"]


# --- paging ---------------------------------------------------------------------

@over_http_and_https
def test_history_pages_on_demand(client):
    history = Nexor.HistoryList(client=client, lead_id=SEED_LEAD_ID, page_size=40)
    changes = []
    history.connect("items-changed", lambda model, pos, removed, added: changes.append((pos, removed, added)))

    assert history.props.has_more is True
    assert run_async(lambda cb: history.load_more_async(None, cb), history.load_more_finish) is True
    assert history.get_n_items() == 40
    assert changes == [(0, 0, 40)]

    # Asking for the last item fetches the next page in the background.
    loop = GLib.MainLoop()
    history.connect("notify::loading", lambda obj, pspec: None if obj.props.loading else loop.quit())
    assert history.get_item(39) is not None
    assert history.props.loading is False  # get_item never fetches by itself
    timeout_id = GLib.timeout_add_seconds(30, loop.quit)
    loop.run()
    GLib.source_remove(timeout_id)
    assert history.get_n_items() == 80
    assert changes[1] == (40, 0, 40)

    while history.props.has_more:
        assert history.load_more(None) is True
    assert history.get_item(history.get_n_items()) is None
    whole = client.list_lead_history(SEED_LEAD_ID, None, None)
    while whole.props.has_more:
        whole.load_more(None)
    def key(item):
        return (item.get_id(), item.get_type_string(), item.get_timestamp().to_unix())

    assert [key(i) for i in items(history)] == [key(i) for i in items(whole)]


# --- inputs ---------------------------------------------------------------------

def test_lead_input_null_and_unset(client):
    created = client.create_lead(
        Nexor.LeadInput(first_name="Carla", email=unique_email("carla"), title="CEO", company="Acme"), None)
    lead_id = created.get_lead().get_id()
    assert created.get_lead().get_title() == "CEO"

    change = Nexor.LeadInput(last_name="Vega")
    change.props.title = None          # explicit null: clears it
    change.set_company("Globex")
    change.unset("company")            # unset again: not sent, kept
    assert change.is_set("title") and change.is_null("title")
    assert not change.is_set("company")
    assert not change.is_set("email")

    updated = client.update_lead(lead_id, change, None)
    assert updated.get_last_name() == "Vega"
    assert updated.get_title() is None
    assert updated.get_company() == "Acme"

    # Metadata is a dict (or a Json.Object), merged on update.
    metadata = Json.Object()
    metadata.set_string_member("plan", "gold")
    updated = client.update_lead(lead_id, Nexor.LeadInput(metadata=metadata), None)
    assert updated.dup_metadata() == {"plan": "gold"}
    updated = client.update_lead(lead_id, Nexor.LeadInput(metadata={"seats": 3}), None)
    assert updated.dup_metadata() == {"plan": "gold", "seats": 3}

    # Create-only members are refused on update, before any request.
    with pytest.raises(GLib.Error) as excinfo:
        client.update_lead(lead_id, Nexor.LeadInput(workflow_id=SALES_WORKFLOW), None)
    assert_nexor_error(excinfo.value, Nexor.Error.INVALID_ARGUMENT)


def test_create_leads_in_bulk(client):
    store = Gio.ListStore.new(Nexor.LeadInput)
    email = unique_email("dario")
    store.append(Nexor.LeadInput(first_name="Dario", email=email))
    store.append(Nexor.LeadInput(first_name="Eva", email="not-an-email"))
    store.append(Nexor.LeadInput(first_name="Darío", email=email))

    result = client.create_leads(store, None)
    assert (result.get_created(), result.get_failed()) == (2, 1)
    outcomes = items(result.get_results())
    assert [o.get_index() for o in outcomes] == [0, 1, 2]
    assert [o.get_success() for o in outcomes] == [True, False, True]
    assert outcomes[1].get_lead() is None and "not-an-email" in outcomes[1].get_error_message()
    assert outcomes[2].get_existed() is True
    assert outcomes[2].get_lead().get_id() == outcomes[0].get_lead().get_id()

    too_many = Gio.ListStore.new(Nexor.LeadInput)
    for _ in range(1001):
        too_many.append(Nexor.LeadInput(first_name="X"))
    with pytest.raises(GLib.Error) as excinfo:
        client.create_leads(too_many, None)
    assert_nexor_error(excinfo.value, Nexor.Error.INVALID_ARGUMENT)
    assert "1000" in excinfo.value.message


# --- tags, meetings, team ---------------------------------------------------------

def test_tags_and_team(client):
    created = client.create_lead(Nexor.LeadInput(first_name="Fede", email=unique_email("fede")), None)
    lead_id = created.get_lead().get_id()

    synced = client.sync_lead_tags(lead_id, None, ["Hot lead", "Webinar"], None)
    assert synced.get_lead_id() == lead_id
    assert sorted(t.get_name() for t in items(synced.get_tags())) == ["Hot lead", "Webinar"]
    assert HOT_TAG in synced.get_added()
    assert synced.get_removed() == []

    assigned = client.assign_lead_tags(lead_id, [HOT_TAG], None)
    assert [t.get_id() for t in items(assigned)] == [HOT_TAG]
    assert len(items(client.list_lead_tags(lead_id, None))) == 2

    slug = "py-" + uuid.uuid4().hex[:8]
    tag = client.create_tag(Nexor.TagInput(name="Py " + slug, slug=slug, description="from Python"), None)
    assert tag.get_slug() == slug and tag.get_description() == "from Python"
    assert isinstance(tag.get_created_at(), GLib.DateTime)
    change = Nexor.TagInput()
    change.props.description = None
    # Keyword arguments read the same in every call: tag_id, lead_id.
    assert client.update_tag(tag_id=tag.get_id(), input=change, cancellable=None).get_description() is None
    assert any(t.get_id() == tag.get_id() for t in items(client.list_tags(slug, None)))
    assert client.delete_tag(tag.get_id(), None) is True
    with pytest.raises(GLib.Error) as excinfo:
        client.delete_tag(tag.get_id(), None)
    assert_nexor_error(excinfo.value, Nexor.Error.NOT_FOUND)

    meetings = items(client.list_lead_meetings(SEED_LEAD_ID, ["completed"], None))
    assert meetings and all(m.get_status() == "completed" for m in meetings)
    assert all(isinstance(m.get_starts_at(), GLib.DateTime) for m in meetings)

    team = items(client.list_team_members(None))
    assert team and all(isinstance(m, Nexor.TeamMember) and uuid.UUID(m.get_id()) for m in team)


# --- resources and inputs hand out nothing that changes them -----------------------

def assert_read_only(model):
    """The list a resource hands out implements only Gio.ListModel: no
    append, splice or remove, from Python or through Gio.ListStore."""
    n = model.get_n_items()
    assert n > 0
    first = model.get_item(0)
    assert not isinstance(model, Gio.ListStore)
    for name in ("append", "insert", "remove", "splice", "remove_all"):
        assert not hasattr(model, name), name
    with pytest.raises(TypeError):
        Gio.ListStore.append(model, first)
    with pytest.raises(TypeError):
        Gio.ListStore.remove_all(model)
    assert model.get_n_items() == n and model.get_item(0) == first


def test_resources_cannot_be_changed(client):
    seed = client.get_lead(lead_id=SEED_LEAD_ID, cancellable=None)
    assert_read_only(seed.get_variables())

    # JSON it hands out is a copy each time: json-glib lets anyone change an
    # object, sealed or not, so a shared one would change the lead.
    # (The dup_ methods give Python values in Python; the properties still
    # hand out json-glib objects.)
    seed.props.metadata.set_string_member("estado_lead", "changed")
    seed.dup_metadata().pop("estado_lead")
    assert seed.props.metadata.get_string_member("estado_lead") == "calificado"
    assert seed.dup_metadata()["estado_lead"] == "calificado"
    seed.get_variable("edad").props.value.set_int(1)
    assert seed.get_variable("edad").dup_value() == 35
    seed.dup_json().pop("id")
    assert seed.dup_json()["id"] == SEED_LEAD_ID

    created = client.create_lead(Nexor.LeadInput(first_name="Inés", email=unique_email("ines")), None)
    lead_id = created.get_lead().get_id()
    synced = client.sync_lead_tags(lead_id=lead_id, email=None, tags=["Hot lead"], cancellable=None)
    assert_read_only(synced.get_tags())
    assert_read_only(client.list_lead_tags(lead_id=lead_id, cancellable=None))
    lead = client.get_lead(lead_id=lead_id, cancellable=None)
    assert_read_only(lead.get_tags())
    assert_read_only(lead.props.tags)

    bulk = Gio.ListStore.new(Nexor.LeadInput)
    bulk.append(Nexor.LeadInput(first_name="Juan", email=unique_email("juan")))
    assert_read_only(client.create_leads(bulk, None).get_results())


def test_lead_input_keeps_its_own_metadata(client):
    metadata = Json.Object()
    metadata.set_string_member("plan", "gold")
    change = Nexor.LeadInput(metadata=metadata)
    metadata.set_string_member("plan", "silver")   # the input took a copy

    # Neither the getter nor the property hands out the input's own object.
    change.props.metadata.set_string_member("plan", "bronze")
    assert change.props.metadata.get_string_member("plan") == "gold"
    copy = change.dup_metadata()
    copy["plan"] = "platinum"
    assert change.dup_metadata() == {"plan": "gold"}
    assert change.props.metadata.get_string_member("plan") == "gold"
    assert change.dup_metadata() is not change.dup_metadata()

    message = Json.Object()
    message.set_string_member("channel", "whatsapp")
    first = Nexor.LeadInput(force_first_message=message)
    first.props.force_first_message.set_string_member("channel", "email")
    assert first.dup_force_first_message() == {"channel": "whatsapp"}

    # What is sent is what was set.
    created = client.create_lead(Nexor.LeadInput(first_name="Olga", email=unique_email("olga")), None)
    updated = client.update_lead(lead_id=created.get_lead().get_id(), input=change, cancellable=None)
    assert updated.dup_metadata() == {"plan": "gold"}


def test_bad_ids_send_nothing(client):
    for bad in ["..", "a/b", ""]:
        with pytest.raises(GLib.Error) as excinfo:
            client.stop_lead_automation(bad, SALES_WORKFLOW, None)
        assert_nexor_error(excinfo.value, Nexor.Error.INVALID_ARGUMENT)
        with pytest.raises(GLib.Error) as excinfo:
            client.is_lead_paused(bad, None, None)
        assert_nexor_error(excinfo.value, Nexor.Error.INVALID_ARGUMENT)
        with pytest.raises(GLib.Error) as excinfo:
            client.list_lead_history(bad, None, None)
        assert_nexor_error(excinfo.value, Nexor.Error.INVALID_ARGUMENT)


# --- takeover without naming the workflow -----------------------------------------

NO_RUN_LEAD_ID = "3430cf98-7b04-4d40-8f4d-02428acf28ba"


def test_takeover_without_workflow(client):
    """None for the workflow: the library finds the lead's active run."""
    lead_id = client.create_lead(
        Nexor.LeadInput(first_name="Takeover", email=unique_email("takeover"), phone=unique_phone(),
                        workflow_id=SALES_WORKFLOW), None).props.lead.props.id

    stopped = client.stop_lead_automation(lead_id, None, None)
    assert stopped.props.workflow_id == SALES_WORKFLOW
    assert stopped.props.cadence_paused is True
    assert client.is_lead_paused(lead_id, SALES_WORKFLOW, None).props.paused is True

    resumed = run_async(lambda cb: client.resume_lead_automation_async(lead_id, None, True, None, cb),
                        client.resume_lead_automation_finish)
    assert resumed.props.workflow_id == SALES_WORKFLOW
    assert resumed.props.cadence_resumed is True
    assert client.is_lead_paused(lead_id, None, None).props.paused is False

    # A lead in no workflow: the API's not-found, as an exception.
    with pytest.raises(GLib.Error) as caught:
        client.stop_lead_automation(NO_RUN_LEAD_ID, None, None)
    assert_nexor_error(caught.value, Nexor.Error.NOT_FOUND)
    assert "No active workflow run found" in caught.value.message
    with pytest.raises(GLib.Error) as caught:
        run_async(lambda cb: client.stop_lead_automation_async(UNKNOWN_LEAD_ID, None, None, cb),
                  client.stop_lead_automation_finish)
    assert_nexor_error(caught.value, Nexor.Error.NOT_FOUND)


# --- errors that must not pass for answers --------------------------------------

def test_not_paused_is_false_and_a_failure_raises(client):
    state = client.is_lead_paused(SEED_LEAD_ID, None, None)
    assert state.props.paused is False
    assert state.get_paused() is False
    with pytest.raises(GLib.Error) as caught:
        client.is_lead_paused(UNKNOWN_LEAD_ID, None, None)
    assert_nexor_error(caught.value, Nexor.Error.NOT_FOUND)
    assert "Lead not found" in caught.value.message


BAD_SETUPS = [
    ("ftp://127.0.0.1/api/public", "nxr_live_k", Nexor.Error.INVALID_ARGUMENT),
    ("http://example.com/api/public", "nxr_live_k", Nexor.Error.INVALID_ARGUMENT),
    ("not a url", "nxr_live_k", Nexor.Error.INVALID_ARGUMENT),
    ("https://api.example.com/api?x=1", "nxr_live_k", Nexor.Error.INVALID_ARGUMENT),
    ("http://127.0.0.1:1/api/public", "", Nexor.Error.UNAUTHORIZED),
    ("http://127.0.0.1:1/api/public", "nxr_live_a b", Nexor.Error.INVALID_ARGUMENT),
    ("http://127.0.0.1:1/api/public", "nxr_live_a\r\nX: y", Nexor.Error.INVALID_ARGUMENT),
]


@pytest.mark.parametrize("url,key,code", BAD_SETUPS)
def test_a_client_that_cannot_work_fails_when_built(url, key, code):
    with pytest.raises(GLib.Error) as caught:
        Nexor.Client.new_for_url(url, key)
    assert_nexor_error(caught.value, code)
    assert "nxr_live_a" not in caught.value.message

    # PyGObject 3.42 does not initialize a GInitable built with the class
    # constructor: init() raises the same error, and a call on the client
    # raises it too, without crashing or sending anything.
    built = Nexor.Client(base_url=url, api_key=key)
    with pytest.raises(GLib.Error) as caught:
        built.init(None)
    assert_nexor_error(caught.value, code)
    with pytest.raises(GLib.Error) as caught:
        built.get_lead(SEED_LEAD_ID, None)
    assert_nexor_error(caught.value, code)


def test_constructors_raise_for_a_bad_key():
    with pytest.raises(GLib.Error) as caught:
        Nexor.Client.new("nxr_live_\t")
    assert_nexor_error(caught.value, Nexor.Error.INVALID_ARGUMENT)
    assert Nexor.Client.new("nxr_live_fine").props.base_url == Nexor.DEFAULT_BASE_URL


def test_constructors_raise_for_no_key():
    with pytest.raises(GLib.Error) as caught:
        Nexor.Client.new(None)
    assert_nexor_error(caught.value, Nexor.Error.UNAUTHORIZED)


def test_a_wrong_base_url_is_not_a_missing_lead(emulator_url):
    root = emulator_url[:-len("/api/public")]
    wrong = Nexor.Client.new_for_url(root + "/", DEMO_API_KEY)
    with pytest.raises(GLib.Error) as caught:
        wrong.get_lead(SEED_LEAD_ID, None)
    assert_nexor_error(caught.value, Nexor.Error.ENDPOINT_NOT_FOUND)
    assert "base URL is probably wrong" in caught.value.message

    right = Nexor.Client.new_for_url(emulator_url, DEMO_API_KEY)
    with pytest.raises(GLib.Error) as caught:
        right.get_lead(UNKNOWN_LEAD_ID, None)
    assert_nexor_error(caught.value, Nexor.Error.NOT_FOUND)
