#!/usr/bin/python3
# test-cli-messages.py: `nexor message whatsapp|email|call` and
# `nexor templates` against nexor-emulator: the confirmation, --yes, the
# template by name with --param, and never twice
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Usage: test-cli-messages.py NEXOR NEXOR_EMULATOR. Prints TAP.

import importlib.util
import json
import os
import subprocess
import sys
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("test_cli", os.path.join(HERE, "test-cli.py"))
base = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(base)

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_NOT_FOUND, EXIT_OUTCOME_UNKNOWN = 0, 1, 2, 4, 9

MARIANA = "2f552d00-1a7b-471a-81f0-1d52dc1406b3"   # wrote on WhatsApp 2 hours before start
EMILY = "ed798fc4-92d4-4f19-9c90-19426829d6df"     # wrote in February: window closed
SALES = "4aca1485-3259-4b0d-a4d0-51cff048729e"
REENGAGE = "8d2b6c1e-5f3a-4e7b-9c0d-1a2b3c4d5e6f"
UNKNOWN = "00000000-0000-4000-8000-00000000dead"


def parse_json(result):
    try:
        return json.loads(result.stdout)
    except ValueError:
        return None


def hint_of(result):
    lines = [line for line in result.stderr.splitlines() if line.startswith("hint: ")]
    return lines[0][len("hint: "):] if len(lines) == 1 else None


def history(t, lead):
    r = t.run("lead", "history", lead, "--json")
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


# Runs nexor with standard input and error on a pseudo-terminal, typing
# @answer at it: returns (exit status, stdout, what the terminal showed).
def run_with_terminal(t, args, answer):
    import pty
    master, slave = pty.openpty()
    argv = [t.nexor] + list(args)
    proc = subprocess.Popen(argv, env=t.env(), stdin=slave, stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    received = []

    def read_terminal():
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:
                break
            if not data:
                break
            received.append(data)
            if b"[y/N]" in b"".join(received) and answer is not None:
                os.write(master, answer.encode())
                break

    reader = threading.Thread(target=read_terminal, daemon=True)
    reader.start()
    try:
        stdout, _ = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        stdout, _ = proc.communicate()
    reader.join(timeout=10)
    try:
        while True:
            data = os.read(master, 4096)
            if not data:
                break
            received.append(data)
    except OSError:
        pass
    os.close(master)
    return proc.returncode, stdout.decode("utf-8", "replace"), b"".join(received).decode("utf-8", "replace")


def test_templates(t):
    r = t.run("templates", "--json")
    t.check_exit("templates --json", r, EXIT_OK)
    templates = parse_json(r) or []
    t.check("templates --json: every template as the server sent it, with its variables",
            [x.get("name") for x in templates] ==
            ["meeting_global_with_name", "follow_up_reengage", "login_code", "welcome_plain"] and
            templates[1].get("variables") == [{"name": "nombre", "position": 1, "component": "BODY"},
                                              {"name": "producto", "position": 2, "component": "BODY"}], r)
    r = t.run("templates")
    lines = r.stdout.splitlines()
    t.check("templates: a header and a line per template, with the variables",
            r.returncode == 0 and lines[0].split() == ["NAME", "LANGUAGE", "CATEGORY", "STATUS", "VARIABLES", "ID"] and
            len(lines) == 5 and "nombre, producto" in lines[2] and REENGAGE in lines[2], r)
    r = t.run("templates", "--status", "approved", "--category", "MARKETING", "--ids")
    t.check("templates --status approved --category MARKETING --ids", r.stdout.split() == [REENGAGE], r)
    r = t.run("templates", "--fields", "name,variables.0.name", "--status", "PENDING")
    t.check("templates --fields", r.stdout == "login_code\tcode\n", r)
    r = t.run("templates", "--category", "OTHER")
    t.check_exit("templates --category OTHER", r, EXIT_USAGE)
    r = t.run("templates", "--status", "REJECTED", "--category", "UTILITY")
    t.check("templates: nothing matches", r.returncode == 0 and r.stdout == "No templates match.\n", r)


def test_send(t):
    before = len(history(t, MARIANA))
    r = t.run("message", "whatsapp", MARIANA, "--workflow-id", SALES, "--text", "Hola Mariana", "--yes", "--json")
    t.check_exit("message whatsapp --text --yes --json", r, EXIT_OK)
    got = parse_json(r) or {}
    t.check("message whatsapp --json: the server's answer",
            got.get("channel") == "whatsapp" and got.get("type") == "text" and
            got.get("provider_message_id", "").startswith("wamid."), r)
    items = history(t, MARIANA)
    t.check("message whatsapp: once in the lead's history",
            len(items) == before + 1 and items[-1].get("content") == "Hola Mariana" and
            items[-1].get("id") == got.get("message_id"), items[-1:])

    r = t.run("message", "whatsapp", EMILY, "--workflow-id", SALES, "--template", "follow_up_reengage",
              "--param", "Emily", "--param", "el plan Premium", "--yes")
    t.check_exit("message whatsapp --template NAME --param --param", r, EXIT_OK)
    t.check("message whatsapp --template: a card", "Sent a WhatsApp message" in r.stdout and "template" in r.stdout, r)
    t.check("message whatsapp --template: the history has the filled template",
            history(t, EMILY)[-1].get("content", "").startswith("Hola Emily, ¿sigues interesado en el plan Premium?"))
    r = t.run("message", "whatsapp", EMILY, "--workflow-id", SALES, "--template", REENGAGE,
              "--param", "Emily", "--param", "x", "--yes", "--fields", "type")
    t.check("message whatsapp --template ID --fields type", r.returncode == 0 and r.stdout == "template\n", r)

    r = t.run("message", "email", EMILY, "--workflow-id", SALES, "--html", "<p>Hi</p>", "--subject", "Quote",
              "--yes", "--json")
    got = parse_json(r) or {}
    t.check("message email --html --subject: an activity id",
            r.returncode == 0 and got.get("channel") == "email" and got.get("activity_id"), r)
    t.check("message email: the subject in the history", history(t, EMILY)[-1].get("subject") == "Quote")

    # Without --workflow-id, the lead's own workflow sends it.
    r = t.run("message", "email", MARIANA, "--text", "from her workflow", "--yes")
    items = history(t, MARIANA)
    t.check("message email without --workflow-id: sent by the lead's workflow (Demo Booking)",
            r.returncode == 0 and items[-1].get("content") == "from her workflow" and
            items[-1].get("workflow_id") == "c3c0efb2-99dc-4f2f-bb33-ea2894911065", (r, items[-1:]))

    r = t.run("message", "call", EMILY, "--workflow-id", SALES, "--greeting", "Hi Emily", "-y", "--json")
    got = parse_json(r) or {}
    t.check("message call --greeting: registered",
            r.returncode == 0 and got.get("call_status") == "registered" and got.get("call_id"), r)


def test_refused(t):
    n_emily = len(history(t, EMILY))
    n_mariana = len(history(t, MARIANA))
    for args, what, status in [
            (["whatsapp", MARIANA, "--workflow-id", SALES, "--text", "x"], "--yes", EXIT_USAGE),
            (["call", MARIANA, "--workflow-id", SALES], "--yes", EXIT_USAGE),
            (["email", "a27f4786-b9dd-4177-a4d3-bfe4c2411b9b", "--text", "x", "--yes"],
             "--workflow-id is required: the lead is in no workflow", EXIT_USAGE),
            (["whatsapp", MARIANA, "--workflow-id", SALES, "--yes"], "--text or --template", EXIT_USAGE),
            (["whatsapp", MARIANA, "--workflow-id", SALES, "--text", "x", "--template", "t", "--yes"],
             "--text or --template", EXIT_USAGE),
            (["whatsapp", MARIANA, "--workflow-id", SALES, "--text", "x", "--param", "a", "--yes"],
             "--param goes with --template", EXIT_USAGE),
            (["whatsapp", EMILY, "--workflow-id", SALES, "--template", "follow_up_reengage", "--param", "a", "--yes"],
             "takes 2 --param, 1 given", EXIT_USAGE),
            (["whatsapp", EMILY, "--workflow-id", SALES, "--template", "login_code", "--param", "1", "--yes"],
             "No approved template", EXIT_NOT_FOUND),
            (["whatsapp", EMILY, "--workflow-id", SALES, "--text", "Hi", "--yes"], "24-hour", EXIT_USAGE),
            (["email", EMILY, "--workflow-id", SALES, "--subject", "s", "--yes"], "--text or --html", EXIT_USAGE),
            (["email", "x", "--workflow-id", SALES, "--text", "s", "--yes"], "lead ID", EXIT_USAGE),
            (["email", UNKNOWN, "--workflow-id", SALES, "--text", "s", "--yes"], "Lead not found", EXIT_NOT_FOUND),
            (["email", EMILY, "--workflow-id", UNKNOWN, "--text", "s", "--yes"], "Workflow not found",
             EXIT_NOT_FOUND),
            (["call", "--workflow-id", SALES, "--yes"], "missing LEAD_ID", EXIT_USAGE)]:
        r = t.run("message", *args)
        t.check("message %s: exit %d, “%s”" % (" ".join(args), status, what),
                r.returncode == status and what in r.stderr and r.stdout == "", r)
    t.check("refused messages: nothing in the histories",
            len(history(t, EMILY)) == n_emily and len(history(t, MARIANA)) == n_mariana)


def test_asks_on_terminal(t):
    n = len(history(t, MARIANA))
    status, stdout, shown = run_with_terminal(
        t, ["message", "email", MARIANA, "--workflow-id", SALES, "--text", "x"], "n\n")
    t.check("on a terminal, answering no: not sent, exit 1",
            status == EXIT_FAILED and "Send this email to lead %s? [y/N]" % MARIANA in shown and
            "Not sent." in shown and stdout == "", (status, stdout, shown))
    t.check("answering no: nothing in the history", len(history(t, MARIANA)) == n)
    status, stdout, shown = run_with_terminal(
        t, ["message", "email", MARIANA, "--workflow-id", SALES, "--text", "asked", "--json"], "y\n")
    t.check("on a terminal, answering y: sent", status == EXIT_OK and '"channel": "email"' in stdout,
            (status, stdout, shown))
    items = history(t, MARIANA)
    t.check("answering y: once in the history", len(items) == n + 1 and items[-1].get("content") == "asked")


def test_never_twice(t):
    for fault in ("reset", "status=503", "status=500"):
        n = len(history(t, MARIANA))
        base.push_faults(t.base_url, fault)
        r = t.run("message", "email", MARIANA, "--workflow-id", SALES, "--text", "once " + fault, "--yes")
        t.check_exit("message email, %s: outcome unknown" % fault, r, EXIT_OUTCOME_UNKNOWN)
        t.check("message email, %s: the hint names the history" % fault,
                hint_of(r) == "it may have been applied; check with: nexor lead history " + MARIANA, r)
        items = history(t, MARIANA)
        sent = [i for i in items if i.get("content") == "once " + fault]
        t.check("message email, %s: at most once in the history (%d)" % (fault, len(sent)),
                len(sent) == (1 if fault == "reset" else 0) and len(items) == n + len(sent))


def main():
    if len(sys.argv) != 3:
        print("usage: %s NEXOR NEXOR_EMULATOR" % sys.argv[0], file=sys.stderr)
        return 2
    proc = None
    t = None
    try:
        proc, url = base.start_emulator(sys.argv[2])
        print("# emulator at %s" % url)
        t = base.Runner(sys.argv[1], url)
        for test in (test_templates, test_send, test_refused, test_asks_on_terminal, test_never_twice,
                     base.test_no_secrets):
            try:
                test(t)
            except Exception as e:
                t.check("%s ran to the end (%s: %s)" % (test.__name__, type(e).__name__, e), False)
    except Exception as e:
        print("not ok 1 - setup: %s" % e)
        print("1..1")
        return 1
    finally:
        base.stop_emulator(proc)
    print("1..%d" % t.count)
    print("# %d passed, %d failed" % (t.passed, t.failed))
    return 0 if t.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
