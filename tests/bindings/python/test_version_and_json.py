# The version API and the strict JSON reader as a Python program sees them
# through the typelib: versions agree with the GIR, nexor_parse_json() maps
# to Nexor.parse_json() and raises GLib.Error.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import gi

gi.require_version("Nexor", "1")
gi.require_version("Json", "1.0")
from gi.repository import Gio, GLib, Json, Nexor  # noqa: E402

import pytest  # noqa: E402


def test_versions_agree():
    runtime = (Nexor.get_major_version(), Nexor.get_minor_version(), Nexor.get_micro_version())
    assert runtime == (Nexor.MAJOR_VERSION, Nexor.MINOR_VERSION, Nexor.MICRO_VERSION)
    assert "%d.%d.%d" % runtime == Nexor.VERSION_S


def test_check_version():
    major, minor, micro = (Nexor.get_major_version(), Nexor.get_minor_version(),
                           Nexor.get_micro_version())
    assert Nexor.check_version(major, minor, micro) is None
    assert Nexor.check_version(major, minor + 1, 0) == "nexor-glib version too old (minor mismatch)"
    assert Nexor.check_version(major + 1, 0, 0) == "nexor-glib version too old (major mismatch)"


def test_parse_json():
    # Python values (the overrides convert the Json.Node); integers exact.
    value = Nexor.parse_json('{"id": 9007199254740993, "tags": ["a"], "x": 1.0, "n": null}', -1)
    assert value == {"id": 9007199254740993, "tags": ["a"], "x": 1.0, "n": None}
    assert type(value["id"]) is int and type(value["x"]) is float
    assert list(value) == ["id", "tags", "x", "n"]


@pytest.mark.parametrize("text,where", [
    ("", "empty"),
    ('{"a": 1} {}', "line 1, column 10: "),
    ("[1,]", "line 1, column 4: "),
])
def test_parse_json_refuses(text, where):
    with pytest.raises(GLib.Error) as raised:
        Nexor.parse_json(text, -1)
    assert raised.value.matches(Gio.io_error_quark(), Gio.IOErrorEnum.INVALID_DATA)
    assert raised.value.message.startswith(where)
