# Workflows and campaigns from Python, with the overrides: lists of readable
# objects, exceptions per error code, and the phone a workflow with call
# steps needs.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import uuid

import pytest

import gi

gi.require_version("Nexor", "1")
from gi.repository import Nexor  # noqa: E402

from conftest import over_http_and_https  # noqa: E402

SALES_WORKFLOW = "4aca1485-3259-4b0d-a4d0-51cff048729e"
PAYMENT_WORKFLOW = "5f0c2e7a-8b1d-4c3e-9a6f-2d4b8e1c7a90"  # no call steps
UNKNOWN_ID = "00000000-0000-4000-8000-000000000000"


@over_http_and_https
def test_list_workflows(client):
    workflows = list(client.list_workflows(None))
    by_id = {w.props.id: w for w in workflows}

    assert len(workflows) == 7
    sales = by_id[SALES_WORKFLOW]
    assert sales.props.name == "Sales Pipeline"
    assert sales.props.goal_type == "appointment"
    assert sales.props.has_call_steps is True
    assert sales.props.paused is False
    keys = [s.props.key for s in sales.props.statuses]
    assert keys == ["new", "contacted", "engaged", "qualified", "meeting_scheduled", "nurture", "won", "lost"]
    assert [s.props.is_initial for s in sales.props.statuses][:2] == [True, False]
    assert sales.props.statuses[7].props.is_terminal is True
    assert by_id[PAYMENT_WORKFLOW].props.has_call_steps is False
    # What the model does not know is in the JSON, as Python values.
    assert sales.dup_json()["steps"][0] == "call"


def test_get_workflow_and_errors(client):
    workflow = client.get_workflow(workflow_id=PAYMENT_WORKFLOW, cancellable=None)
    assert workflow.props.name == "Payment Link Sent"
    assert [s.props.category for s in workflow.get_statuses()] == ["active", "active", "won", "lost"]

    with pytest.raises(Nexor.NotFoundError):
        client.get_workflow(UNKNOWN_ID, None)
    with pytest.raises(Nexor.InvalidArgumentError):
        client.get_workflow("uuid", None)


def test_list_campaigns(client):
    names = [c.props.name for c in client.list_campaigns(None)]
    assert names == ["Q1 Campaign", "Q2 Webinar Leads", "Meta Ads - Santiago"]


def test_statuses_are_what_set_lead_status_takes(client):
    """The keys listed for a workflow are the keys set_lead_status takes."""
    phone = "+5698%07d" % (uuid.uuid4().int % 10**7)
    created = client.create_lead(Nexor.LeadInput(first_name="Keys", phone=phone,
                                                 workflow_id=SALES_WORKFLOW), None)
    lead_id = created.props.lead.props.id
    statuses = client.get_workflow(SALES_WORKFLOW, None).props.statuses
    for status in statuses:
        change = client.set_lead_status(lead_id, status.props.key, None, None, None)
        assert change.props.new_status == status.props.key


def test_a_workflow_that_calls_needs_a_phone(client):
    email = "nophone.%s@example.com" % uuid.uuid4().hex[:12]
    calls = [w for w in client.list_workflows(None) if w.props.has_call_steps]
    quiet = [w for w in client.list_workflows(None) if not w.props.has_call_steps]

    with pytest.raises(Nexor.InvalidArgumentError) as raised:
        client.create_lead(Nexor.LeadInput(first_name="Nora", email=email,
                                           workflow_id=calls[0].props.id), None)
    assert "phone is required if the target workflow has call steps" in raised.value.message

    created = client.create_lead(Nexor.LeadInput(first_name="Nora", email=email,
                                                 workflow_id=quiet[0].props.id), None)
    assert created.props.existed is False
    assert created.props.workflow_run.props.workflow.props.name == quiet[0].props.name

    # In a bulk, the lead without a phone fails alone.
    bulk = client.create_leads([
        Nexor.LeadInput(first_name="B1", email="b1." + email, workflow_id=calls[0].props.id),
        Nexor.LeadInput(first_name="B2", email="b2." + email, workflow_id=quiet[0].props.id),
    ], None)
    results = list(bulk.props.results)
    assert (bulk.props.created, bulk.props.failed) == (1, 1)
    assert results[0].props.success is False
    assert "phone" in results[0].props.error_message
    assert results[1].props.success is True


def test_search_leads_in_pages(client):
    # The experimental search is a paged list: pages of one, then the rest,
    # the same leads as one page of them all (other tests may have added some).
    at_once = client.search_leads("+569", 100, None)
    assert at_once.get_n_items() >= 3 and not at_once.props.has_more
    found = client.search_leads("+569", 1, None)
    assert isinstance(found, Nexor.LeadList)
    assert found.props.search == "+569"
    assert found.get_n_items() == 1 and found.props.has_more
    assert found.props.total == at_once.get_n_items()
    found.load_all(None)
    assert not found.props.has_more
    assert [lead.props.id for lead in found] == [lead.props.id for lead in at_once]
