# The library's messages in Spanish from Python: a PyGObject program that
# sets its locale from the environment (as GTK apps do; Python itself sets
# only LC_CTYPE) gets nexor-glib's errors in its user's language, with the
# same domain and code. Each case runs in a child interpreter, so that the
# locale of this process (and the other tests' English messages) is not
# touched.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import os
import subprocess
import sys

import pytest

CHILD = r'''
import json, locale, sys
locale.setlocale(locale.LC_ALL, "")
import gi
gi.require_version("Nexor", "1")
from gi.repository import GLib, Nexor

out = {}
client = Nexor.Client.new_for_url(sys.argv[1], "nxr_test_i18n")
try:
    client.get_lead("../leads", None)
except GLib.Error as e:
    out["invalid_id"] = [e.domain, e.code, e.message]
try:
    client.get_lead("00000000-0000-4000-8000-000000000000", None)
except GLib.Error as e:
    out["not_found"] = [e.domain, e.code, e.message]
try:
    Nexor.parse_json('{"a": }', -1)
except GLib.Error as e:
    out["json"] = [e.domain, e.code, e.message]
print(json.dumps(out))
'''


def run_child(base_url, **env):
    child_env = dict(os.environ, LANGUAGE="", **env)
    proc = subprocess.run([sys.executable, "-c", CHILD, base_url], env=child_env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == "", proc.stderr
    import json
    return json.loads(proc.stdout)


@pytest.fixture
def messages(emulator_url):
    return {
        "es": run_child(emulator_url, LC_ALL="es_CL.UTF-8", LANG="es_CL.UTF-8"),
        "C": run_child(emulator_url, LC_ALL="C.UTF-8", LANG="C.UTF-8"),
    }


def test_library_errors_are_spanish_under_es_cl(messages):
    es = messages["es"]
    assert es["invalid_id"][2] == ("Id de lead no válido “../leads”: se esperaba un UUID "
                                   "como 123e4567-e89b-12d3-a456-426614174000")
    assert es["json"][2] == "línea 1, columna 7: «}» inesperado donde se esperaba un valor"


def test_the_language_changes_only_the_words(messages):
    es, c = messages["es"], messages["C"]
    assert c["invalid_id"][2].startswith("Invalid lead id")
    for case in ("invalid_id", "not_found", "json"):
        # Same error domain and code: programs match on those, never on text.
        assert es[case][:2] == c[case][:2], case
    # The server's own words and the HTTP status pass through untranslated.
    assert es["not_found"] == c["not_found"]
