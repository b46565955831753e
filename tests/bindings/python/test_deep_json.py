# Deeply nested responses read from a Python thread with a 128 KiB stack
# (threading.stack_size(128 * 1024), musl's default thread stack size).
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import base64
import json
import os
import subprocess
import sys
import urllib.request

from conftest import DEMO_API_KEY

SEED_LEAD_ID = "123e4567-e89b-12d3-a456-426614174000"

# The deepest document the library accepts (NEXOR_JSON_MAX_DEPTH; derived from
# measured stack costs in docs/reliability.md, "Deep JSON and small stacks").
MAX_DEPTH = 256

# Runs in a child interpreter, so that a crash fails this test instead of
# taking pytest down with it.
CHILD = r"""
import json, sys, threading
import gi
gi.require_version("Nexor", "1")
from gi.repository import GLib, Nexor

url, key, lead_id = sys.argv[1:4]
result = {}

def run():
    client = Nexor.Client.new_for_url(url, key)
    try:
        lead = client.get_lead(lead_id, None)
    except GLib.Error as e:
        result["invalid_response"] = e.matches(Nexor.error_quark(), Nexor.Error.INVALID_RESPONSE)
        result["message"] = e.message
        return
    raw = lead.dup_json()
    metadata = lead.dup_metadata()
    # Plain Python values, converted by the overrides on this small stack.
    result["deep_in_dup_json"] = "deep" in raw["metadata"]
    result["deep_in_metadata"] = "deep" in metadata
    depth, node = 0, metadata["deep"]
    while node:
        node = node["a"] if isinstance(node, dict) else node[0]
        depth += 1
    result["depth"] = depth
    # Freed here, on the small stack: the lead, its metadata, the copy.
    del raw, metadata, lead

threading.stack_size(128 * 1024)
thread = threading.Thread(target=run)
thread.start()
thread.join()
print(json.dumps(result))
"""


def nested(depth, objects):
    if objects:
        return '{"a":' * (depth - 1) + "{}" + "}" * (depth - 1)
    return "[" * depth + "]" * depth


def lead_body(depth, objects):
    # The envelope, the lead and its metadata are three levels.
    return ('{"success": true, "lead": {"id": "%s", "first_name": "Deep", '
            '"metadata": {"deep": %s}}}' % (SEED_LEAD_ID, nested(depth - 3, objects)))


def queue_body(base_url, body):
    root = base_url[: -len("/api/public")]
    spec = "body=" + base64.b64encode(body.encode()).decode()
    request = urllib.request.Request(root + "/_emulator/faults",
                                     data=json.dumps({"faults": [spec]}).encode(), method="POST")
    with urllib.request.urlopen(request, timeout=30) as reply:
        assert reply.status == 200


def get_lead_on_small_stack(base_url, body):
    queue_body(base_url, body)
    proc = subprocess.run([sys.executable, "-c", CHILD, base_url, DEMO_API_KEY, SEED_LEAD_ID],
                          capture_output=True, text=True, timeout=60, env=os.environ)
    assert proc.returncode == 0, "child died (status %d): %s" % (proc.returncode, proc.stderr)
    return json.loads(proc.stdout)


def test_deepest_accepted_answer_on_a_small_stack(faults_emulator_url):
    for objects in (False, True):
        result = get_lead_on_small_stack(faults_emulator_url, lead_body(MAX_DEPTH, objects))
        assert result == {"deep_in_dup_json": True, "deep_in_metadata": True,
                          "depth": MAX_DEPTH - 4}, result


def test_deeper_is_a_clean_error(faults_emulator_url):
    # The 500 levels that used to crash the thread, and one level deeper.
    for depth in (500, MAX_DEPTH + 1):
        for objects in (False, True):
            result = get_lead_on_small_stack(faults_emulator_url, lead_body(depth, objects))
            assert result.get("invalid_response") is True, result
            assert "line 1, column " in result["message"], result
            assert "more than %d levels deep" % MAX_DEPTH in result["message"], result
