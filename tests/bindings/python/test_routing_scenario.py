# The routing scenario of the issue, as a Python script would write it with
# the overrides: build a language router (a processor with two rules), route
# a batch of leads, check where each landed by §3.23's evaluation, record a
# conversion for one of them and list it back.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import uuid

import pytest

import gi

gi.require_version("Nexor", "1")
from gi.repository import Nexor  # noqa: E402

from conftest import over_http_and_https  # noqa: E402


def unique_phone():
    # The emulator upserts by phone: a fresh one is a new lead.
    return "+5697%07d" % (uuid.uuid4().int % 10**7)


def workflow_named(client, name):
    return next(w for w in client.list_workflows(None) if w.props.name == name)


def language_rule(name, workflow, languages):
    """A rule that sends leads whose metadata.language is one of @languages
    to @workflow."""
    condition = Nexor.ConditionInput.new("metadata.language", Nexor.ConditionOperator.IN)
    condition.set_string_list_value(languages)
    rule = Nexor.RuleInput(name=name, workflow_id=workflow.props.id)
    rule.add_condition(condition)
    return rule


@over_http_and_https
def test_language_router(client):
    spanish = workflow_named(client, "Enlace de Pago Enviado")   # calls: needs a phone
    english = workflow_named(client, "Payment Link Sent")        # no call steps
    fallback = workflow_named(client, "Demo Booking")
    assert spanish.props.has_call_steps and not english.props.has_call_steps

    # A processor, and its two rules in order.
    processor = client.create_processor(Nexor.ProcessorInput(
        name="Language Router %s" % uuid.uuid4().hex[:6],
        description="Routes leads to ES or EN workflows based on metadata.language",
        default_workflow_id=fallback.props.id), None)
    es_rule = client.create_processor_rule(processor.props.id,
                                           language_rule("Spanish leads", spanish, ["ES", "es"]), None)
    en_rule = client.create_processor_rule(processor.props.id,
                                           language_rule("English leads", english, ["EN", "en"]), None)
    rules = list(client.get_processor(processor.props.id, None).props.rules)
    assert [r.props.name for r in rules] == ["Spanish leads", "English leads"]
    assert rules[0].props.position < rules[1].props.position

    # Three leads: one per rule and one that no rule matches.
    run = uuid.uuid4().hex[:8]
    leads = [
        Nexor.LeadInput(first_name="Lucía", phone=unique_phone(), metadata={"language": "es"}),
        Nexor.LeadInput(first_name="Grace", email=f"grace+{run}@example.com", metadata={"language": "EN"}),
        Nexor.LeadInput(first_name="João", phone=unique_phone(), metadata={"language": "pt"}),
    ]
    results = list(client.route_leads(processor.props.id, leads, None))

    assert [r.props.success for r in results] == [True, True, True]
    assert [r.props.index for r in results] == [0, 1, 2]
    # First matching rule wins; no match goes to the default workflow.
    assert results[0].props.rule.props.id == es_rule.props.id
    assert results[0].props.workflow.props.id == spanish.props.id
    assert results[1].props.rule.props.id == en_rule.props.id
    assert results[1].props.workflow.props.id == english.props.id
    assert results[2].props.rule is None
    assert results[2].props.workflow.props.id == fallback.props.id

    # Each lead is enrolled where it landed, as Get Lead shows.
    for result in results:
        lead = client.get_lead(result.props.lead.props.id, None)
        assert lead.props.active_workflow_run.props.workflow_id == result.props.workflow.props.id

    # A Spanish lead without a phone cannot go where calls are made: it
    # fails alone, the others are still routed.
    mixed = list(client.route_leads(processor.props.id, [
        Nexor.LeadInput(first_name="Sin Teléfono", email=f"sin.telefono+{run}@example.com",
                        metadata={"language": "es"}),
        Nexor.LeadInput(first_name="Ada", email=f"ada+{run}@example.com", metadata={"language": "en"}),
    ], None))
    assert mixed[0].props.success is False
    assert "phone is required" in mixed[0].props.error_message
    assert mixed[1].props.success is True

    # Revenue: a conversion for the English lead, listed back by lead.
    grace = results[1].props.lead.props.id
    conversion_type = list(client.list_conversion_types(None))[0]
    recorded = client.create_conversion(Nexor.ConversionInput(
        conversion_type_id=conversion_type.props.id, lead_id=grace, amount=1200.5,
        currency="USD", notes="Paid through the link"), None)
    assert recorded.get_lead_id() == grace
    assert recorded.get_amount() == 1200.5

    listed = client.list_conversions(Nexor.ConversionQuery(lead_id=grace), None)
    assert listed.get_total() == 1
    assert [c.get_id() for c in listed.auto_paging_iter()] == [recorded.get_id()]


def test_route_to_an_unknown_or_deactivated_processor(client):
    fallback = workflow_named(client, "Payment Link Sent")
    processor = client.create_processor(Nexor.ProcessorInput(
        name="Short-lived", default_workflow_id=fallback.props.id), None)
    lead = Nexor.LeadInput(first_name="Ana", email="ana+%s@example.com" % uuid.uuid4().hex[:8])

    assert client.delete_processor(processor.props.id, None) is True
    with pytest.raises(Nexor.NotFoundError):
        client.route_lead(processor.props.id, lead, None)
