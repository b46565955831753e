# The PyGObject overrides (bindings/python/gi/overrides/Nexor.py) against
# nexor-emulator: paging through a whole history with one loop, readable
# objects, JSON as Python values, lists as sequences, a plain-list bulk
# create and an exception class per error code.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import gc
import os
import uuid
import weakref

import pytest

import gi

gi.require_version("Nexor", "1")
gi.require_version("Json", "1.0")
from gi import _gi  # noqa: E402
from gi.repository import Gio, GLib, Json, Nexor  # noqa: E402

from conftest import DEMO_API_KEY, client_for  # noqa: E402

SEED_LEAD_ID = "123e4567-e89b-12d3-a456-426614174000"
UNKNOWN_LEAD_ID = "00000000-0000-4000-8000-000000000000"
HISTORY_LENGTH = 128


def unique_email(name):
    return "%s.%s@example.com" % (name, uuid.uuid4().hex[:12])


def run_main_loop(loop, timeout=60):
    timed_out = []

    def on_timeout():
        timed_out.append(True)
        loop.quit()
        return GLib.SOURCE_REMOVE

    timeout_id = GLib.timeout_add_seconds(timeout, on_timeout)
    loop.run()
    assert not timed_out, "the main loop did not finish within %d s" % timeout
    GLib.source_remove(timeout_id)


@pytest.fixture(scope="module")
def long_history(emulator_url):
    """(lead id, the titles of its 128 history entries, oldest first), for a
    lead of its own: created (one entry), then updated 127 times (one each)."""
    client = client_for(emulator_url, DEMO_API_KEY)
    created = client.create_lead(Nexor.LeadInput(first_name="Paula", last_name="Ríos",
                                                 email=unique_email("paula")))
    lead_id = created.get_lead().get_id()
    for i in range(1, HISTORY_LENGTH):
        client.update_lead(lead_id, Nexor.LeadInput(title="Step %d" % i))
    return lead_id


def test_the_overrides_come_from_this_tree():
    import gi.overrides.Nexor as overrides

    assert os.path.samefile(overrides.__file__, os.environ["NEXOR_PYTHON_OVERRIDES"])


# --- paging ----------------------------------------------------------------------

def test_one_for_loop_pages_through_the_whole_history(client, long_history):
    history = client.list_lead_history(long_history)
    assert history.get_n_items() == Nexor.HISTORY_LIST_DEFAULT_PAGE_SIZE
    assert history.get_has_more()

    seen = [item for item in history.auto_paging_iter()]

    assert len(seen) == HISTORY_LENGTH
    assert len({item.get_id() for item in seen}) == HISTORY_LENGTH
    assert seen[0].get_title() == "Lead created"
    assert [item.get_activity_type() for item in seen[1:]] == ["lead_updated"] * (HISTORY_LENGTH - 1)
    assert history.get_n_items() == HISTORY_LENGTH
    assert not history.get_has_more()
    # Again: everything is loaded, nothing is fetched twice.
    assert [i.get_id() for i in history.auto_paging_iter()] == [i.get_id() for i in seen]
    # A plain loop gives what is loaded, which is now all of it.
    assert len(list(history)) == HISTORY_LENGTH


def test_auto_paging_starts_wherever_the_list_is(client, long_history):
    history = Nexor.HistoryList(client=client, lead_id=long_history, page_size=7)
    assert history.get_n_items() == 0
    assert sum(1 for _ in history.auto_paging_iter()) == HISTORY_LENGTH
    assert history.get_n_items() == HISTORY_LENGTH


def test_auto_paging_raises_the_fetch_error(client):
    history = Nexor.HistoryList(client=client, lead_id=UNKNOWN_LEAD_ID)
    with pytest.raises(Nexor.NotFoundError):
        next(history.auto_paging_iter())
    # The error the list keeps is of the same class.
    assert isinstance(history.get_error(), Nexor.NotFoundError)


def test_auto_paging_async(client, long_history):
    loop = GLib.MainLoop()
    seen, outcome = [], []

    def on_history(client, result):
        history = client.list_lead_history_finish(result)
        history.auto_paging_async(seen.append, lambda error: (outcome.append(error), loop.quit()))

    client.list_lead_history_async(long_history, None, None, on_history)
    run_main_loop(loop)

    assert outcome == [None]
    assert len(seen) == HISTORY_LENGTH
    assert len({item.get_id() for item in seen}) == HISTORY_LENGTH
    assert seen[0].get_title() == "Lead created"


def test_auto_paging_async_reports_a_cancel(client, long_history):
    history = client.list_lead_history(long_history)
    cancellable = Gio.Cancellable()
    cancellable.cancel()
    loop = GLib.MainLoop()
    seen, outcome = [], []
    history.auto_paging_async(seen.append, lambda error: (outcome.append(error), loop.quit()),
                              cancellable)
    assert seen == []  # never from inside the call
    run_main_loop(loop)

    # The loaded page, then the cancelled fetch of the next one.
    assert len(seen) == Nexor.HISTORY_LIST_DEFAULT_PAGE_SIZE
    assert len(outcome) == 1
    assert outcome[0].matches(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED)


def test_auto_paging_async_reports_a_server_error(client):
    history = Nexor.HistoryList(client=client, lead_id=UNKNOWN_LEAD_ID)
    loop = GLib.MainLoop()
    outcome = []
    history.auto_paging_async(lambda item: None, lambda error: (outcome.append(error), loop.quit()))
    run_main_loop(loop)
    assert len(outcome) == 1 and isinstance(outcome[0], Nexor.NotFoundError)


# --- repr --------------------------------------------------------------------------

def test_objects_print_readably(client):
    lead = client.get_lead(SEED_LEAD_ID)
    text = repr(lead)
    assert text.startswith("<Nexor.Lead id='%s' first_name='Carlos' last_name='Lopez' " % SEED_LEAD_ID)
    assert "company='Stark Industries'" in text and text.endswith(">")
    assert "title" not in text  # unset fields are left out
    # A resource inside another shows its name, so a route result says where
    # a lead landed: rule=<Rule 'Spanish'> workflow=<Workflow '…'>.
    assert "campaign=<Campaign 'Q1 Campaign'>" in text
    assert "workflow=<Workflow 'Sales Pipeline'>" in repr(lead.get_active_workflow_run())
    assert str(lead) == text

    run = lead.get_active_workflow_run()
    assert "human_takeover=False" in repr(run)
    assert repr(run.get_current_status()).startswith("<Nexor.WorkflowStatus ")
    assert "label='Contacted'" in repr(run.get_current_status())
    assert repr(lead.get_variables()[0]) == \
        "<Nexor.Variable name='edad' value_text='35' confidence=0.95>"

    history = client.list_lead_history(SEED_LEAD_ID)
    assert "has_more=True" in repr(history) and "n_items=50" in repr(history)
    message = next(item for item in history if item.get_item_type() == Nexor.HistoryItemType.MESSAGE)
    assert "item_type=message" in repr(message)
    assert len(message.get_content()) > 60 and "…'" in repr(message)  # long text cut short

    # The API key is write-only: it never shows.
    assert DEMO_API_KEY not in repr(client)
    assert "base_url=" in repr(client)


def test_inputs_show_what_is_set():
    lead_input = Nexor.LeadInput(first_name="Ana", metadata={"plan": "gold"})
    lead_input.props.title = None
    assert repr(lead_input) == "<Nexor.LeadInput first_name='Ana' title=None metadata={'plan': 'gold'}>"
    assert repr(Nexor.TagInput(name="VIP")) == "<Nexor.TagInput name='VIP'>"


# --- JSON ---------------------------------------------------------------------------

def test_metadata_and_json_are_python_values(client):
    lead = client.get_lead(SEED_LEAD_ID)
    assert lead.dup_metadata() == {"estado_lead": "calificado"}
    raw = lead.dup_json()
    assert raw["first_name"] == "Carlos"
    assert raw["title"] is None
    assert raw["active_workflow_run"]["human_takeover"] is False
    assert raw["metadata"] == {"estado_lead": "calificado"}
    assert [variable.dup_value() for variable in lead.get_variables()] == [35, "Juan Perez"]
    # The json-glib object is still there, through the property.
    assert isinstance(lead.props.metadata, Json.Object)


def test_metadata_round_trip_keeps_types(client):
    metadata = {"seats": 12, "price": 12.5, "ratio": 0.1, "big": 2**62, "paid": True,
                "notes": None, "contacts": [{"name": "Ñuñoa", "n": [1, 2.5]}], "empty": {}}
    # In memory the types are kept exactly; on the wire 12.0 is the JSON
    # number 12 (json-glib 1.6 writes it so), which reads back as an int.
    local = Nexor.LeadInput(metadata={"whole": 12.0, "n": 12})
    assert [type(v) for v in local.dup_metadata().values()] == [float, int]
    created = client.create_lead(Nexor.LeadInput(first_name="Tomás", email=unique_email("tomas"),
                                                 metadata=metadata))
    stored = created.get_lead().dup_metadata()
    assert stored == metadata
    assert [type(stored[k]) for k in ("seats", "price", "big")] == [int, float, int]
    assert list(stored) == list(metadata)  # the members keep their order

    change = Nexor.LeadInput()
    change.set_metadata({"seats": 13})
    assert change.dup_metadata() == {"seats": 13}
    updated = client.update_lead(created.get_lead().get_id(), change)
    assert updated.dup_metadata()["seats"] == 13


def test_json_input_must_be_an_object():
    with pytest.raises(TypeError):
        Nexor.LeadInput(metadata=[1, 2])
    with pytest.raises(TypeError):
        Nexor.LeadInput().set_metadata("plan")
    with pytest.raises(ValueError):
        Nexor.LeadInput(metadata={"x": float("nan")})


# --- lists ---------------------------------------------------------------------------

def assert_sequence(model):
    n = model.get_n_items()
    assert n > 0
    assert len(model) == n
    items = [model.get_item(i) for i in range(n)]
    assert list(model) == items
    assert model[0] == items[0]
    assert model[-1] == items[-1]
    assert model[-n] == items[0]
    assert model[1:] == items[1:]
    assert model[::-1] == items[::-1]
    with pytest.raises(IndexError):
        model[n]
    with pytest.raises(IndexError):
        model[-n - 1]
    assert items[0] in model


def test_every_list_is_a_sequence(client):
    lead = client.get_lead(SEED_LEAD_ID)
    assert_sequence(lead.get_variables())
    assert_sequence(client.list_lead_history(SEED_LEAD_ID))
    assert_sequence(client.list_tags(None))
    assert_sequence(client.list_team_members())
    assert_sequence(client.list_lead_meetings(SEED_LEAD_ID, None))
    created = client.create_lead(Nexor.LeadInput(first_name="Luz", email=unique_email("luz")))
    lead_id = created.get_lead().get_id()
    synced = client.sync_lead_tags(lead_id=lead_id, email=None, tags=["Hot lead", "VIP"])
    assert_sequence(synced.get_tags())
    assert_sequence(client.list_lead_tags(lead_id))
    assert_sequence(client.get_lead(lead_id).get_tags())


# --- bulk create -------------------------------------------------------------------

def test_create_leads_from_a_plain_list(client):
    leads = [Nexor.LeadInput(first_name="Lead %d" % i, email=unique_email("bulk%d" % i))
             for i in range(10)]
    result = client.create_leads(leads)
    assert (result.get_created(), result.get_failed()) == (10, 0)
    assert [r.get_lead().get_first_name() for r in result.get_results()] == \
        ["Lead %d" % i for i in range(10)]

    # A tuple, a generator, and still a Gio.ListModel.
    assert client.create_leads(tuple(leads[:2])).get_results()[0].get_existed()
    assert len(client.create_leads(lead for lead in leads[:3]).get_results()) == 3
    store = Gio.ListStore.new(Nexor.LeadInput)
    store.append(Nexor.LeadInput(first_name="Eva", email=unique_email("eva")))
    assert client.create_leads(store).get_created() == 1
    # By keyword, and asynchronously.
    assert client.create_leads(leads=leads[:1], cancellable=None).get_failed() == 0
    loop = GLib.MainLoop()
    outcome = []

    def on_done(client, result):
        outcome.append(client.create_leads_finish(result))
        loop.quit()

    client.create_leads_async([Nexor.LeadInput(first_name="Ivo", email=unique_email("ivo"))],
                              None, on_done)
    run_main_loop(loop)
    assert outcome[0].get_created() == 1


def test_create_leads_checks_the_items(client):
    # The library checks the items, as for any list model.
    with pytest.raises(Nexor.InvalidArgumentError, match="Lead 1: expected a NexorLeadInput, not NexorTagInput"):
        client.create_leads([Nexor.LeadInput(first_name="Ana"), Nexor.TagInput(name="x")])
    with pytest.raises(Nexor.InvalidArgumentError):
        client.create_leads([])
    with pytest.raises(TypeError):
        client.create_leads([{"first_name": "Ana"}])


# --- errors ------------------------------------------------------------------------

def test_not_found_is_its_own_class(client):
    with pytest.raises(Nexor.NotFoundError) as raised:
        client.get_lead(UNKNOWN_LEAD_ID)
    error = raised.value
    assert isinstance(error, Nexor.NexorError)
    assert isinstance(error, GLib.Error)
    assert error.matches(Nexor.error_quark(), Nexor.Error.NOT_FOUND)
    assert error.domain == "nexor-error-quark"
    assert error.code == Nexor.Error.NOT_FOUND
    assert error.message.startswith("HTTP 404")
    assert error.retry_after == 0

    try:
        client.get_lead(UNKNOWN_LEAD_ID)
    except Nexor.UnauthorizedError:
        pytest.fail("caught as the wrong class")
    except Nexor.NotFoundError as e:
        assert "Lead not found" in e.message


def test_errors_from_finish(client):
    loop = GLib.MainLoop()
    outcome = []

    def on_done(client, result):
        try:
            client.get_lead_finish(result)
        except Nexor.NotFoundError as e:
            outcome.append(e)
        loop.quit()

    client.get_lead_async(UNKNOWN_LEAD_ID, None, on_done)
    run_main_loop(loop)
    assert len(outcome) == 1


def test_errors_of_other_calls(client, emulator_url):
    with pytest.raises(Nexor.InvalidArgumentError):
        client.get_lead("..")
    with pytest.raises(Nexor.UnauthorizedError):
        client_for(emulator_url, "nxr_live_wrong").list_tags(None)
    # Errors of other domains are left as they are.
    with pytest.raises(GLib.Error) as raised:
        Nexor.parse_json("[1,]", -1)
    assert not isinstance(raised.value, Nexor.NexorError)
    assert raised.value.matches(Gio.io_error_quark(), Gio.IOErrorEnum.INVALID_DATA)
    cancellable = Gio.Cancellable()
    cancellable.cancel()
    with pytest.raises(GLib.Error) as raised:
        client.get_lead(SEED_LEAD_ID, cancellable)
    assert type(raised.value) is GLib.Error


def test_a_wrong_base_url_is_not_a_missing_lead(emulator_url):
    # ENDPOINT_NOT_FOUND has its class, and it is not a NotFoundError: a
    # script that catches "no such lead" does not swallow a setup error.
    wrong = client_for(emulator_url.replace("/api/public", "/api"), DEMO_API_KEY)
    with pytest.raises(Nexor.EndpointNotFoundError) as raised:
        wrong.get_lead(SEED_LEAD_ID)
    assert not isinstance(raised.value, Nexor.NotFoundError)
    assert raised.value.code == Nexor.Error.ENDPOINT_NOT_FOUND
    assert "base URL" in raised.value.message


def test_errors_of_constructors(monkeypatch):
    monkeypatch.setenv("NEXOR_API_KEY", DEMO_API_KEY)
    monkeypatch.setenv("NEXOR_CA_FILE", "/nonexistent/ca.pem")
    with pytest.raises(Nexor.InvalidArgumentError):
        Nexor.Client.new_from_environment()
    monkeypatch.setenv("NEXOR_CA_FILE", "")
    client = Nexor.Client.new_from_environment()
    assert type(client) is Nexor.Client


def test_one_class_per_error_code():
    # Generated from the enum, so a new code gets its class.
    for value in Nexor.Error.__enum_values__.values():
        name = "".join(w.capitalize() for w in value.value_nick.split("-")) + "Error"
        cls = getattr(Nexor, name)
        assert issubclass(cls, Nexor.NexorError) and issubclass(cls, GLib.Error)
        error = cls("boom", "nexor-error-quark", int(value))
        assert error.matches(Nexor.error_quark(), value)
    assert Nexor.NotFoundError is not Nexor.NexorError
    # A code this typelib does not know stays a NexorError with its number.
    assert Nexor.NexorError("x", "nexor-error-quark", 999).code == 999


def test_every_call_that_can_fail_is_wrapped():
    # From the typelib, as the overrides are: every method of every class
    # (and every function) that throws has the overrides' wrapper.
    import gi.overrides.Nexor as overrides

    checked = 0
    for info in _gi.Repository.get_default().get_infos("Nexor"):
        if isinstance(info, _gi.ObjectInfo):
            cls = getattr(Nexor, info.get_name())
            assert cls.__module__ == overrides.__name__
            for method in info.get_methods():
                if method.can_throw_gerror():
                    assert method.get_name() in vars(cls), (info.get_name(), method.get_name())
                    checked += 1
        elif isinstance(info, _gi.FunctionInfo) and info.can_throw_gerror():
            assert getattr(Nexor, info.get_name()) is getattr(overrides, info.get_name())
            checked += 1
    assert checked > 40


def test_a_caught_error_keeps_nothing_alive(client):
    # The re-raise must not leave a reference cycle (exception, traceback,
    # the wrapper's frame): it would keep every frame of the call, and what
    # they hold (a window, say), alive until the garbage collector runs.
    class Marker:
        pass

    def call(lead_id, cancellable, error_class):
        marker = Marker()
        try:
            client.get_lead(lead_id, cancellable)
        except error_class:
            pass
        return weakref.ref(marker)

    cancelled = Gio.Cancellable()
    cancelled.cancel()
    gc.disable()
    try:
        # Converted to a NexorError subclass, and passed on as it is.
        assert call(UNKNOWN_LEAD_ID, None, Nexor.NotFoundError)() is None
        assert call(SEED_LEAD_ID, cancelled, GLib.Error)() is None
    finally:
        gc.enable()


def test_asyncio_runs_blocking_calls_in_threads(client, long_history):
    # What docs/async.md offers asyncio programs on PyGObject 3.42, which
    # has no await for GIO calls: the blocking calls in worker threads,
    # sharing one client.
    import asyncio

    def whole_history(lead_id):
        return list(client.list_lead_history(lead_id).auto_paging_iter())

    async def main():
        lead, history = await asyncio.gather(
            asyncio.to_thread(client.get_lead, SEED_LEAD_ID),
            asyncio.to_thread(whole_history, long_history))
        with pytest.raises(Nexor.NotFoundError):
            await asyncio.to_thread(client.get_lead, UNKNOWN_LEAD_ID)
        return lead, history

    lead, history = asyncio.run(main())
    assert lead.get_first_name() == "Carlos"
    assert len(history) == HISTORY_LENGTH


def test_a_pause_state_is_true_only_when_paused(client):
    """An object is always true in Python: `if client.is_lead_paused(…)` must
    read the answer, not the object."""
    lead_id = "2f552d00-1a7b-471a-81f0-1d52dc1406b3"  # active in Demo Booking
    state = client.is_lead_paused(lead_id, None, None)
    assert bool(state) is state.props.paused is False
    client.stop_lead_automation(lead_id, None, None)
    try:
        assert client.is_lead_paused(lead_id, None, None)
    finally:
        client.resume_lead_automation(lead_id, None, False, None)
    assert not client.is_lead_paused(lead_id, None, None)
    with pytest.raises(Nexor.NotFoundError):
        client.is_lead_paused("123e4567-e89b-12d3-a456-42661417ffff", None, None)
