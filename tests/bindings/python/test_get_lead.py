# PyGObject tests of Nexor.Client.get_lead against nexor-emulator.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import pytest

import gi

gi.require_version("Nexor", "1")
gi.require_version("Json", "1.0")
from gi.repository import Gio, GLib, GObject, Json, Nexor  # noqa: E402

from conftest import DEMO_API_KEY, client_for, over_http_and_https  # noqa: E402

SEED_LEAD_ID = "123e4567-e89b-12d3-a456-426614174000"  # the Get Lead page's example
NULLS_LEAD_ID = "3430cf98-7b04-4d40-8f4d-02428acf28ba"
LEGACY_LEAD_ID = "2f552d00-1a7b-471a-81f0-1d52dc1406b3"
TAKEOVER_LEAD_ID = "499596e2-f464-458a-ac61-601ac9e73455"
UNKNOWN_LEAD_ID = "00000000-0000-4000-8000-000000000000"

# Nothing listens here: a client that tried to connect would get a transport
# error, so INVALID_ARGUMENT from it proves that no request was sent.
UNREACHABLE_URL = "http://127.0.0.1:1/api/public"


# --- helpers -----------------------------------------------------------------

def utc(year, month, day, hour, minute, second=0):
    return GLib.DateTime.new_utc(year, month, day, hour, minute, second).to_unix()


def assert_date(value, expected_unix, expected_text):
    assert isinstance(value, GLib.DateTime)
    assert value.to_unix() == expected_unix
    assert value.get_utc_offset() == 0
    assert value.format_iso8601() == expected_text


def list_items(model):
    return [model.get_item(i) for i in range(model.get_n_items())]


def variables_by_name(lead):
    model = lead.get_variables()
    assert model.get_item_type() == Nexor.Variable.__gtype__
    return {v.get_name(): v for v in list_items(model)}


def assert_nexor_error(error, code):
    assert error.matches(Nexor.error_quark(), code), (
        "expected %s, got %s (%s): %s"
        % (code, GLib.quark_to_string(error.domain), error.code, error.message)
    )


def get_lead_async(client, lead_id, cancellable=None, timeout=30):
    """Runs get_lead_async in a GLib.MainLoop; returns (lead, error, calls)."""
    loop = GLib.MainLoop()
    outcome = {"lead": None, "error": None, "calls": 0, "timed_out": False}
    started = {"returned": False}

    def on_done(source, result):
        outcome["calls"] += 1
        # GIO convention: the callback never runs inside the _async call.
        outcome["sync_callback"] = not started["returned"]
        assert source is client
        try:
            outcome["lead"] = source.get_lead_finish(result)
        except GLib.Error as e:
            outcome["error"] = e
        finally:
            loop.quit()

    def on_timeout():
        outcome["timed_out"] = True
        loop.quit()
        return GLib.SOURCE_REMOVE

    timeout_id = GLib.timeout_add_seconds(timeout, on_timeout)
    client.get_lead_async(lead_id, cancellable, on_done)
    started["returned"] = True
    loop.run()
    if not outcome["timed_out"]:
        GLib.source_remove(timeout_id)

    # Let anything else that is pending run: the callback must come once only.
    context = GLib.MainContext.default()
    while context.iteration(False):
        pass

    assert not outcome["timed_out"], "get_lead_async did not call back"
    assert outcome["calls"] == 1
    assert not outcome["sync_callback"]
    return outcome["lead"], outcome["error"]


def assert_seed_lead(lead):
    """Every field of the Get Lead page's example."""
    assert isinstance(lead, Nexor.Lead)
    assert lead.get_id() == SEED_LEAD_ID
    assert lead.get_first_name() == "Carlos"
    assert lead.get_last_name() == "Lopez"
    assert lead.get_email() == "carlos@example.com"
    assert lead.get_phone() == "+56912345678"
    assert lead.get_source() == "api"
    assert lead.get_company() == "Stark Industries"
    assert lead.get_title() is None

    # The overrides hand out JSON as plain Python values.
    assert lead.dup_metadata() == {"estado_lead": "calificado"}
    # The property keeps json-glib's type.
    assert isinstance(lead.props.metadata, Json.Object)
    assert lead.props.metadata.get_string_member("estado_lead") == "calificado"

    tags = lead.get_tags()
    assert isinstance(tags, Gio.ListModel)
    assert tags.get_item_type() == Nexor.Tag.__gtype__
    assert tags.get_n_items() == 0

    campaign = lead.get_campaign()
    assert isinstance(campaign, Nexor.Campaign)
    assert campaign.get_id() == "uuid"
    assert campaign.get_name() == "Q1 Campaign"

    run = lead.get_active_workflow_run()
    assert isinstance(run, Nexor.WorkflowRun)
    assert run.get_id() == "uuid"
    assert run.get_workflow_id() == "uuid"
    assert run.get_is_active() is True
    assert run.get_human_takeover() is False
    assert run.get_cadence_state() == "active"
    assert run.get_run_status() == "running"

    workflow = run.get_workflow()
    assert isinstance(workflow, Nexor.Workflow)
    assert workflow.get_id() == "uuid"
    assert workflow.get_name() == "Sales Pipeline"
    assert workflow.get_goal_type() == "appointment"

    status = run.get_current_status()
    assert isinstance(status, Nexor.WorkflowStatus)
    assert status.get_id() == "uuid"
    assert status.get_key() == "contacted"
    assert status.get_label() == "Contacted"
    assert status.get_category() == "active"
    assert status.get_color() is None

    assert lead.get_assigned_user() is None

    assert_date(lead.get_created_at(), utc(2026, 2, 10, 12, 0), "2026-02-10T12:00:00Z")
    assert_date(lead.get_updated_at(), utc(2026, 2, 10, 12, 0), "2026-02-10T12:00:00Z")

    variables = variables_by_name(lead)
    assert sorted(variables) == ["broker_asociado", "edad"]

    edad = variables["edad"]
    value = edad.dup_value()
    assert value == 35 and type(value) is int
    assert edad.props.value.get_value_type() == GObject.TYPE_INT64
    assert edad.get_value_text() == "35"
    assert edad.get_confidence() == 0.95
    assert_date(edad.get_updated_at(), utc(2026, 2, 10, 13, 0), "2026-02-10T13:00:00Z")

    broker = variables["broker_asociado"]
    assert broker.dup_value() == "Juan Perez"
    assert broker.get_value_text() == "Juan Perez"
    assert broker.get_confidence() == 0.9
    assert_date(broker.get_updated_at(), utc(2026, 2, 10, 13, 5), "2026-02-10T13:05:00Z")

    assert lead.get_variable("edad").get_value_text() == "35"
    assert lead.get_variable("broker_asociado").dup_value() == "Juan Perez"
    assert lead.get_variable("edad").dup_value() == 35
    assert lead.get_variable("no_such_variable") is None

    raw = lead.dup_json()
    assert isinstance(raw, dict)
    assert raw["id"] == SEED_LEAD_ID
    assert raw["company"] == "Stark Industries"


# --- success -----------------------------------------------------------------

@over_http_and_https
def test_get_lead_sync(client):
    assert_seed_lead(client.get_lead(SEED_LEAD_ID, None))


def test_get_lead_uppercase_id(client):
    lead = client.get_lead(SEED_LEAD_ID.upper(), None)
    assert lead.get_first_name() == "Carlos"


@over_http_and_https
def test_get_lead_async(client):
    lead, error = get_lead_async(client, SEED_LEAD_ID)
    assert error is None
    assert_seed_lead(lead)


@over_http_and_https
def test_get_lead_async_concurrent(client):
    ids = [SEED_LEAD_ID, NULLS_LEAD_ID, LEGACY_LEAD_ID, TAKEOVER_LEAD_ID, UNKNOWN_LEAD_ID]
    loop = GLib.MainLoop()
    results = {}

    def on_done(source, result, lead_id):
        try:
            results[lead_id] = source.get_lead_finish(result).get_id()
        except GLib.Error as e:
            results[lead_id] = e
        if len(results) == len(ids):
            loop.quit()

    def on_timeout():
        loop.quit()
        return GLib.SOURCE_REMOVE

    timeout_id = GLib.timeout_add_seconds(30, on_timeout)
    for lead_id in ids:
        client.get_lead_async(lead_id, None, on_done, lead_id)
    loop.run()
    assert len(results) == len(ids), "not every get_lead_async called back"
    GLib.source_remove(timeout_id)

    for lead_id in ids[:-1]:
        assert results[lead_id] == lead_id
    assert_nexor_error(results[UNKNOWN_LEAD_ID], Nexor.Error.NOT_FOUND)


def test_properties(client):
    lead = client.get_lead(SEED_LEAD_ID, None)
    assert lead.props.id == SEED_LEAD_ID
    assert lead.props.first_name == "Carlos"
    assert lead.props.company == "Stark Industries"
    assert lead.props.title is None
    run = lead.props.active_workflow_run
    assert run.props.workflow.props.name == "Sales Pipeline"
    assert run.props.current_status.props.label == "Contacted"
    assert lead.props.campaign.props.name == "Q1 Campaign"


def test_client_from_environment(emulator_url, monkeypatch):
    monkeypatch.setenv("NEXOR_BASE_URL", emulator_url)
    monkeypatch.setenv("NEXOR_API_KEY", DEMO_API_KEY)
    client = Nexor.Client.new_from_environment()
    assert client.get_base_url() == emulator_url
    assert client.get_lead(SEED_LEAD_ID, None).get_last_name() == "Lopez"


def test_client_from_environment_with_ca_file(tls_emulator, monkeypatch):
    url, ca_file = tls_emulator
    monkeypatch.setenv("NEXOR_BASE_URL", url)
    monkeypatch.setenv("NEXOR_API_KEY", DEMO_API_KEY)
    monkeypatch.setenv("NEXOR_CA_FILE", ca_file)
    client = Nexor.Client.new_from_environment()
    assert isinstance(client.props.tls_database, Gio.TlsFileDatabase)
    assert client.get_lead(SEED_LEAD_ID, None).get_last_name() == "Lopez"

    monkeypatch.setenv("NEXOR_CA_FILE", ca_file + ".missing")
    with pytest.raises(GLib.Error) as info:
        Nexor.Client.new_from_environment()
    assert_nexor_error(info.value, Nexor.Error.INVALID_ARGUMENT)
    assert "NEXOR_CA_FILE" in info.value.message


def test_untrusted_certificate_is_refused(tls_emulator):
    # The system's trust store does not know the emulator's certificate.
    client = Nexor.Client.new_for_url(tls_emulator[0], DEMO_API_KEY)
    assert client.props.tls_database is None
    with pytest.raises(GLib.Error) as info:
        client.get_lead(SEED_LEAD_ID, None)
    assert info.value.matches(Gio.tls_error_quark(), Gio.TlsError.BAD_CERTIFICATE), info.value
    assert "not signed by a certificate authority" in info.value.message
    assert "nothing was sent" in info.value.message
    lead, error = get_lead_async(client, SEED_LEAD_ID)
    assert lead is None
    assert error.matches(Gio.tls_error_quark(), Gio.TlsError.BAD_CERTIFICATE), error


def test_client_from_environment_without_key(monkeypatch):
    monkeypatch.delenv("NEXOR_API_KEY", raising=False)
    with pytest.raises(GLib.Error):
        Nexor.Client.new_from_environment()


# --- the other shapes of the emulator's seed ---------------------------------

def test_nulls_lead(client):
    lead = client.get_lead(NULLS_LEAD_ID, None)
    assert lead.get_id() == NULLS_LEAD_ID
    assert lead.get_first_name() == "Valentina"
    assert lead.get_last_name() is None
    assert lead.get_email() is None
    assert lead.get_phone() is None
    assert lead.get_source() == "website"
    assert lead.get_company() is None
    assert lead.get_title() is None
    assert lead.dup_metadata() in (None, {})
    assert lead.get_tags().get_n_items() == 0
    assert lead.get_campaign() is None
    assert lead.get_active_workflow_run() is None
    assert lead.get_assigned_user() is None
    assert_date(lead.get_created_at(), utc(2026, 3, 2, 9, 14), "2026-03-02T09:14:00Z")
    assert_date(lead.get_updated_at(), utc(2026, 3, 2, 9, 14), "2026-03-02T09:14:00Z")
    assert lead.get_variables().get_n_items() == 0
    assert lead.get_variable("edad") is None


def test_legacy_shaped_lead(client):
    # The legacy bare object: camelCase activeWorkflowRun with four fields,
    # workflow and currentStatus hoisted to the lead, assigned_user, no
    # envelope, tags, variables or updated_at.
    lead = client.get_lead(LEGACY_LEAD_ID, None)
    assert lead.get_id() == LEGACY_LEAD_ID
    assert lead.get_first_name() == "Mariana"
    assert lead.get_last_name() == "Rojas"
    assert lead.get_email() == "mariana.rojas@example.com"
    assert lead.get_phone() == "+56955512345"
    assert lead.get_source() == "api"
    assert lead.get_company() == "Cyberdyne Systems"
    assert lead.get_title() == "Procurement Manager"

    metadata = lead.dup_metadata()
    assert metadata["estado_lead"] == "interesado"
    assert metadata["presupuesto"] == 4500 and isinstance(metadata["presupuesto"], int)

    campaign = lead.get_campaign()
    assert campaign.get_id() == "ad9fb3a6-0828-4286-b920-fda7592b21a9"
    assert campaign.get_name() == "Q2 Webinar Leads"

    run = lead.get_active_workflow_run()
    assert run.get_id() == "b87f6ead-b76e-4547-98d8-15e810415cec"
    assert run.get_workflow_id() == "c3c0efb2-99dc-4f2f-bb33-ea2894911065"
    assert run.get_is_active() is True
    assert run.get_human_takeover() is False
    assert run.get_cadence_state() is None
    assert run.get_run_status() == "running"

    workflow = run.get_workflow()
    assert workflow.get_id() == "c3c0efb2-99dc-4f2f-bb33-ea2894911065"
    assert workflow.get_name() == "Demo Booking"
    assert workflow.get_goal_type() == "appointment"

    status = run.get_current_status()
    assert status.get_id() == "65956f41-470c-42c4-ac20-b909f476d9d4"
    assert status.get_key() == "engaged"
    assert status.get_label() == "Engaged"
    assert status.get_category() == "active"
    assert status.get_color() == "#f59e0b"

    user = lead.get_assigned_user()
    assert isinstance(user, Nexor.User)
    assert user.get_id() == "e9b2a101-e747-4de7-8333-2844f1e479e0"
    assert user.get_name() == "Ana Torres"
    assert user.get_email() == "ana.torres@example.com"
    assert user.get_avatar_url() is None

    assert_date(lead.get_created_at(), utc(2026, 1, 20, 15, 30), "2026-01-20T15:30:00Z")
    assert lead.get_updated_at() is None
    assert lead.get_tags().get_n_items() == 0
    assert lead.get_variables().get_n_items() == 0

    raw = lead.dup_json()
    assert "activeWorkflowRun" in raw


def test_human_takeover_lead(client):
    lead = client.get_lead(TAKEOVER_LEAD_ID, None)
    assert lead.get_first_name() == "Diego"
    assert lead.get_last_name() == "Fernández"
    run = lead.get_active_workflow_run()
    assert run.get_human_takeover() is True
    assert run.get_cadence_state() == "paused"
    assert run.get_current_status().get_key() == "qualified"

    tags = list_items(lead.get_tags())
    assert len(tags) == 1
    assert isinstance(tags[0], Nexor.Tag)
    assert tags[0].get_id() == "40018446-5928-4f8d-8c39-4abc460f126c"
    assert tags[0].get_name() == "Hot lead"
    assert tags[0].get_slug() == "hot-lead"

    variable = lead.get_variable("producto_interes")
    assert variable.dup_value() == "Plan Empresa"
    assert variable.get_confidence() == 0.88


# --- errors ------------------------------------------------------------------

@over_http_and_https
def test_not_found(client):
    with pytest.raises(GLib.Error) as info:
        client.get_lead(UNKNOWN_LEAD_ID, None)
    assert_nexor_error(info.value, Nexor.Error.NOT_FOUND)
    assert "404" in info.value.message


@over_http_and_https
def test_not_found_async(client):
    lead, error = get_lead_async(client, UNKNOWN_LEAD_ID)
    assert lead is None
    assert_nexor_error(error, Nexor.Error.NOT_FOUND)


@over_http_and_https
def test_wrong_api_key(server):
    client = client_for(server[0], "nxr_live_not_a_valid_key", server[1])
    with pytest.raises(GLib.Error) as info:
        client.get_lead(SEED_LEAD_ID, None)
    assert_nexor_error(info.value, Nexor.Error.UNAUTHORIZED)
    assert "401" in info.value.message
    # The key is a secret: it never ends up in an error message.
    assert "nxr_live_not_a_valid_key" not in info.value.message


@over_http_and_https
def test_wrong_api_key_async(server):
    client = client_for(server[0], "nxr_live_not_a_valid_key", server[1])
    lead, error = get_lead_async(client, SEED_LEAD_ID)
    assert lead is None
    assert_nexor_error(error, Nexor.Error.UNAUTHORIZED)


@pytest.mark.parametrize("bad_id", ["..", "a/b", "", "not-a-uuid", SEED_LEAD_ID + "/x"])
def test_invalid_id(bad_id):
    client = Nexor.Client.new_for_url(UNREACHABLE_URL, DEMO_API_KEY)
    with pytest.raises(GLib.Error) as info:
        client.get_lead(bad_id, None)
    assert_nexor_error(info.value, Nexor.Error.INVALID_ARGUMENT)


@pytest.mark.parametrize("bad_id", ["..", "a/b", ""])
def test_invalid_id_async(bad_id):
    client = Nexor.Client.new_for_url(UNREACHABLE_URL, DEMO_API_KEY)
    lead, error = get_lead_async(client, bad_id)
    assert lead is None
    assert_nexor_error(error, Nexor.Error.INVALID_ARGUMENT)


def test_error_enum_is_registered():
    assert Nexor.Error.NOT_FOUND == 4
    assert Nexor.Error.__gtype__.name == "NexorError"
    assert GLib.quark_to_string(Nexor.error_quark()) == "nexor-error-quark"


# --- cancellation ------------------------------------------------------------

def test_cancelled_before_sync_call(client):
    cancellable = Gio.Cancellable()
    cancellable.cancel()
    with pytest.raises(GLib.Error) as info:
        client.get_lead(SEED_LEAD_ID, cancellable)
    assert info.value.matches(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED)


def test_cancelled_before_async_call(client):
    cancellable = Gio.Cancellable()
    cancellable.cancel()
    lead, error = get_lead_async(client, SEED_LEAD_ID, cancellable)
    assert lead is None
    assert error.matches(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED)


def test_uncancelled_cancellable(client):
    lead, error = get_lead_async(client, SEED_LEAD_ID, Gio.Cancellable())
    assert error is None
    assert lead.get_id() == SEED_LEAD_ID
