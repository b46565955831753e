# Messages from Python: a new lead gets an approved WhatsApp template filled
# from its variables (free-form text is refused: the lead never wrote), an
# HTML email and an AI call with a greeting; each shows once in its history.
# Under a reset after the server sent it, the call fails with
# OutcomeUnknownError and the history still has it once.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import json
import urllib.request
import uuid

import pytest

import gi

gi.require_version("Nexor", "1")
from gi.repository import Nexor  # noqa: E402

from conftest import DEMO_API_KEY, client_for  # noqa: E402

SALES = "4aca1485-3259-4b0d-a4d0-51cff048729e"


def new_lead(client):
    email = "msg.%s@example.com" % uuid.uuid4().hex[:12]
    phone = "+5699%07d" % (uuid.uuid4().int % 10000000)
    created = client.create_lead(Nexor.LeadInput(first_name="Rosa", email=email, phone=phone), None)
    return created.get_lead().get_id()


def sent_messages(client, lead_id):
    history = client.list_lead_history(lead_id, None, None)
    history.load_all(None)
    return [item for item in history if item.props.type_string in ("message", "call")]


def test_template_email_and_call(client):
    lead_id = new_lead(client)

    templates = client.list_templates("APPROVED", "MARKETING", None)
    assert [t.get_name() for t in templates] == ["follow_up_reengage"]
    template = templates[0]
    names = [v.get_name() for v in template.get_variables()]
    assert names == ["nombre", "producto"]

    # The lead never wrote: free-form WhatsApp is refused, a template is not.
    with pytest.raises(Nexor.InvalidArgumentError, match="24-hour"):
        client.send_message(Nexor.MessageInput(channel=Nexor.MessageChannel.WHATSAPP, lead_id=lead_id,
                                               workflow_id=SALES, content="Hola"), None)
    message = Nexor.MessageInput(channel=Nexor.MessageChannel.WHATSAPP, lead_id=lead_id, workflow_id=SALES,
                                 template_id=template.get_id())
    message.set_template_parameters(["Rosa", "el plan Premium"])
    result = client.send_message(message, None)
    assert result.props.channel == Nexor.MessageChannel.WHATSAPP
    assert result.get_message_type() == "template"
    assert result.get_provider_message_id().startswith("wamid.")

    email = Nexor.MessageInput(channel=Nexor.MessageChannel.EMAIL, lead_id=lead_id, workflow_id=SALES,
                               html="<p>Hola Rosa</p>", subject="Tu plan")
    assert not email.is_set("content")
    result = client.send_message(email, None)
    assert result.get_channel() == Nexor.MessageChannel.EMAIL
    assert result.get_activity_id()

    call = client.send_message(Nexor.MessageInput(channel=Nexor.MessageChannel.CALL, lead_id=lead_id,
                                                  workflow_id=SALES, begin_message="Hola Rosa"), None)
    assert call.get_call_status() == "registered"

    sent = sent_messages(client, lead_id)
    assert [item.get_channel() for item in sent] == ["whatsapp", "email", "call"]
    assert sent[0].get_content() == "Hola Rosa, ¿sigues interesado en el plan Premium? " \
                                    "Responde a este mensaje y te ayudamos."


def test_refused_before_sending(client):
    with pytest.raises(Nexor.InvalidArgumentError):
        client.send_message(Nexor.MessageInput(channel=Nexor.MessageChannel.EMAIL, workflow_id=SALES,
                                               content="x"), None)
    with pytest.raises(Nexor.InvalidArgumentError):
        client.list_templates("approved", None, None)


def test_never_twice(faults_emulator_url):
    client = client_for(faults_emulator_url, DEMO_API_KEY)
    lead_id = new_lead(client)
    root = faults_emulator_url[: -len("/api/public")]
    request = urllib.request.Request(root + "/_emulator/faults", data=json.dumps({"faults": ["reset"]}).encode(),
                                     method="POST")
    with urllib.request.urlopen(request, timeout=30) as reply:
        assert reply.status == 200

    with pytest.raises(Nexor.OutcomeUnknownError):
        client.send_message(Nexor.MessageInput(channel=Nexor.MessageChannel.EMAIL, lead_id=lead_id,
                                               workflow_id=SALES, content="once"), None)
    assert [item.get_content() for item in sent_messages(client, lead_id)] == ["once"]
