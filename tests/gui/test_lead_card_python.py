# The PyGObject lead card (examples/python/lead_card.py) in a real window,
# driven in-process: load the seed lead, read its widgets, flip the
# takeover switch, and compare with the emulator's own state.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import os
import shutil
import subprocess
import sys
import time

import pytest

from conftest import SEED_LEAD_ID, expected_card, png_size

# conftest started the display; GTK opens it on import.
sys.path.insert(0, os.path.join(os.environ.get("NEXOR_EXAMPLES_DIR", ""), "python"))
import lead_card  # noqa: E402
from lead_card import Adw, GLib, Gtk, Nexor  # noqa: E402

import gi  # noqa: E402
gi.require_version("GdkX11", "4.0")
from gi.repository import GdkX11  # noqa: E402,F401  (get_xid() on the window's surface)


def spin_until(predicate, what, timeout=30):
    """Runs the main loop until predicate() holds."""
    context = GLib.MainContext.default()
    deadline = time.monotonic() + timeout
    wake = GLib.timeout_add(20, lambda: True)  # so iteration() never sleeps for long
    try:
        while not predicate():
            if time.monotonic() > deadline:
                pytest.fail(f"timed out waiting for {what}")
            context.iteration(True)
    finally:
        GLib.source_remove(wake)


def settle(window):
    # A few frames, so that what was set is laid out and drawn.
    for _ in range(3):
        drawn = []
        clock = window.get_frame_clock()
        handler = clock.connect("after-paint", lambda *a: drawn.append(True))
        window.queue_draw()
        spin_until(lambda: drawn, "a frame")
        clock.disconnect(handler)


def screenshot(window, path):
    # PyGObject 3.42 cannot hold a GskRenderNode, so the window cannot render
    # itself to a texture from Python as the C app does: ImageMagick reads it
    # from the X server instead.
    xid = window.get_surface().get_xid()
    subprocess.run([shutil.which("import") or "import", "-window", hex(xid), path],
                   check=True, timeout=30)


def shown_variables(card):
    rows = {}
    row = card.variables.get_first_child()
    while row is not None:
        if isinstance(row, Adw.ActionRow):
            rows[row.get_title()] = row.get_subtitle()
        row = row.get_next_sibling()
    return rows


@pytest.fixture
def window(emulator):
    Adw.init()
    client = Nexor.Client.new_for_url(emulator.url, emulator.api_key)
    window = lead_card.LeadWindow(client)
    window.present()
    yield window
    window.card.cancellable.cancel()
    window.destroy()


def test_lead_card_shows_the_seed_lead_and_takes_it_over(emulator, window, output_dir):
    expected = expected_card(emulator, SEED_LEAD_ID)
    assert not expected["human_takeover"], "the seed lead starts taken over; restart the emulator"
    card = window.card

    card.load(SEED_LEAD_ID)
    assert card.busy, "load() must be asynchronous"
    spin_until(lambda: not card.busy, "the lead and its history")

    assert not card.error_label.get_visible(), card.error_label.get_text()
    assert card.name_label.get_mapped()
    assert card.name_label.get_text() == expected["name"]
    assert card.company_label.get_text() == expected["company"]
    assert card.status_label.get_text() == expected["status"]
    assert card.status_label.has_css_class(expected["category"])
    assert shown_variables(card) == {
        name: f"{text}  ({round(confidence * 100)}% confident)"
        for name, (text, confidence) in expected["variables"].items()}
    assert card.takeover_switch.get_state() is False
    history = card.history_view.get_model()
    assert history is not None and history.get_n_items() > 0

    # Scrolling to the end of the timeline fetches the next page by itself.
    first_page = history.get_n_items()
    if emulator.history_length(SEED_LEAD_ID) > first_page:
        settle(window)
        adjustment = card.history_view.get_vadjustment()
        adjustment.set_value(adjustment.get_upper())
        spin_until(lambda: history.get_n_items() > first_page, "the next history page")

    # Take over, as a click on the switch does.
    card.takeover_switch.set_active(True)
    assert card.busy
    spin_until(lambda: not card.busy, "the takeover")
    assert not card.error_label.get_visible(), card.error_label.get_text()
    assert card.takeover_switch.get_state() is True
    assert card.takeover_row.get_subtitle().startswith(("Taken over", "Already taken over"))
    assert emulator.is_lead_paused(SEED_LEAD_ID) is True

    settle(window)
    path = os.path.join(output_dir, "lead-card-python.png")
    screenshot(window, path)
    width, height = png_size(path)
    assert width >= 800 and height >= 500, (width, height)

    # Hand it back.
    card.takeover_switch.set_active(False)
    spin_until(lambda: not card.busy, "the hand-back")
    assert card.takeover_switch.get_state() is False
    assert card.takeover_row.get_subtitle() == "Handed back to the AI"
    assert emulator.is_lead_paused(SEED_LEAD_ID) is False


def test_lead_card_says_what_to_do_about_a_refused_key(emulator):
    Adw.init()
    client = Nexor.Client.new_for_url(emulator.url, "nxr_live_not_a_valid_key")
    window = lead_card.LeadWindow(client)
    window.present()
    try:
        window.card.load(SEED_LEAD_ID)
        spin_until(lambda: not window.card.busy, "the failed load")
        assert window.card.error_label.get_mapped()
        text = window.card.error_label.get_text()
        assert text.startswith("Could not load the lead:") and "Check your API key" in text, text
    finally:
        window.destroy()


def test_loading_another_lead_cancels_the_first(emulator, window):
    card = window.card
    card.load(SEED_LEAD_ID)
    first = card.cancellable
    card.load("3430cf98-7b04-4d40-8f4d-02428acf28ba")
    assert first.is_cancelled()
    spin_until(lambda: not card.busy, "the second lead")
    assert card.name_label.get_text() == expected_card(
        emulator, "3430cf98-7b04-4d40-8f4d-02428acf28ba")["name"]
