#!/usr/bin/python3
"""A lead card in PyGObject: GTK 4, libadwaita and nexor-glib, with callbacks.

    NEXOR_API_KEY=nxr_live_... python3 lead_card.py [LEAD_ID]
    scripts/with-emulator.sh /usr/bin/python3 examples/python/lead_card.py

NEXOR_BASE_URL selects another server, such as a local nexor-emulator (the
second line starts one). Every call is asynchronous: it takes a
Gio.Cancellable and a callback that runs in the main loop, so the window
never freezes, and loading another lead cancels what the last one still had
in flight.

SPDX-License-Identifier: LGPL-2.1-or-later
"""

import sys

import gi

gi.require_version("Adw", "1")
gi.require_version("Gtk", "4.0")
gi.require_version("Nexor", "1")
from gi.repository import Adw, Gio, GLib, GObject, Gtk, Nexor  # noqa: E402

SEED_LEAD_ID = "123e4567-e89b-12d3-a456-426614174000"

CSS = """
.status-chip { border-radius: 999px; padding: 2px 10px; font-weight: bold; }
.status-chip.active { color: @accent_color; background: alpha(@accent_bg_color, 0.15); }
.status-chip.won { color: @success_color; background: alpha(@success_bg_color, 0.15); }
.status-chip.lost { color: @error_color; background: alpha(@error_bg_color, 0.15); }
.status-chip.deferred { color: @warning_color; background: alpha(@warning_bg_color, 0.2); }
"""


def advice(error):
    """What the user should do about a failed call."""
    if error.matches(Nexor.error_quark(), Nexor.Error.UNAUTHORIZED):
        return f"{error.message}. Check your API key (NEXOR_API_KEY)."
    if error.matches(Nexor.error_quark(), Nexor.Error.NOT_FOUND):
        return f"{error.message}. Check the lead id."
    return f"{error.message}. Check your connection and try again."


def is_cancelled(error):
    return error.matches(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED)


class LeadCard(Gtk.Box):
    """Name, company, status, takeover switch, variables, tags and history of one lead."""

    busy = GObject.Property(type=bool, default=False)

    def __init__(self, client):
        super().__init__(orientation=Gtk.Orientation.HORIZONTAL, spacing=24)
        self.client = client
        self.lead = None
        self.cancellable = Gio.Cancellable()
        self.pending = 0

        details = Gtk.Box(orientation=Gtk.Orientation.VERTICAL, spacing=12, hexpand=True,
                          margin_top=24, margin_bottom=24, margin_start=24)
        self.error_label = Gtk.Label(wrap=True, xalign=0, visible=False, css_classes=["error"])
        self.name_label = Gtk.Label(xalign=0, css_classes=["title-1"])
        self.company_label = Gtk.Label(xalign=0, css_classes=["dim-label"])
        self.status_label = Gtk.Label(halign=Gtk.Align.START, css_classes=["status-chip"])
        self.takeover_switch = Gtk.Switch(valign=Gtk.Align.CENTER)
        self.state_set_id = self.takeover_switch.connect("state-set", self.on_takeover_state_set)
        self.takeover_row = Adw.ActionRow(title="Human takeover", use_markup=False,
                                          activatable_widget=self.takeover_switch)
        self.takeover_row.add_suffix(self.takeover_switch)
        self.variables = Gtk.ListBox(selection_mode=Gtk.SelectionMode.NONE,
                                     css_classes=["boxed-list"])
        self.tags_label = Gtk.Label(xalign=0, wrap=True)
        for widget in (self.error_label, self.name_label, self.company_label, self.status_label,
                       self.boxed(self.takeover_row), Gtk.Label(label="Collected variables",
                       xalign=0, css_classes=["heading"]), self.variables, self.tags_label):
            details.append(widget)

        # The timeline: a GtkListView straight on the library's paged list,
        # which fetches the next page when the view asks for its last rows.
        factory = Gtk.SignalListItemFactory()
        factory.connect("setup", lambda f, item: item.set_child(
            Gtk.Label(xalign=0, wrap=True, margin_top=6, margin_bottom=6, margin_start=6)))
        factory.connect("bind", lambda f, item: item.get_child().set_text(
            self.describe(item.get_item())))
        self.history_view = Gtk.ListView(factory=factory, show_separators=True)
        history = Gtk.Box(orientation=Gtk.Orientation.VERTICAL, spacing=6, margin_top=24,
                          margin_end=24, width_request=340)
        history.append(Gtk.Label(label="History", xalign=0, css_classes=["heading"]))
        history.append(Gtk.ScrolledWindow(child=self.history_view, vexpand=True,
                                          hscrollbar_policy=Gtk.PolicyType.NEVER))
        self.append(Gtk.ScrolledWindow(child=details, hexpand=True,
                                       hscrollbar_policy=Gtk.PolicyType.NEVER))
        self.append(history)

    @staticmethod
    def boxed(row):
        box = Gtk.ListBox(selection_mode=Gtk.SelectionMode.NONE, css_classes=["boxed-list"])
        box.append(row)
        return box

    @staticmethod
    def describe(item):
        when = item.get_timestamp().to_local().format("%d %b %H:%M") if item.get_timestamp() else ""
        what = item.get_title() or item.get_content() or item.get_summary() or item.get_type_string()
        return f"{when}  {item.get_type_string()}: {what}"

    def begin(self):
        self.pending += 1
        self.busy = True

    def end(self):
        self.pending -= 1
        self.busy = self.pending > 0

    def show_error(self, what, error):
        self.error_label.set_text(f"{what}: {advice(error)}")
        self.error_label.set_visible(True)

    def load(self, lead_id):
        """Shows another lead; what the previous one still loads is cancelled."""
        self.cancellable.cancel()
        self.cancellable = Gio.Cancellable()
        self.pending = 0  # the cancelled calls' callbacks do not count down
        self.error_label.set_visible(False)
        self.begin()
        self.client.get_lead_async(lead_id, self.cancellable, self.on_lead, self.cancellable)

    def on_lead(self, client, result, cancellable):
        try:
            lead = client.get_lead_finish(result)
        except GLib.Error as e:
            if not is_cancelled(e):
                self.show_error("Could not load the lead", e)
            return
        finally:
            if not cancellable.is_cancelled():
                self.end()
        self.show_lead(lead)
        self.begin()
        client.list_lead_history_async(lead.get_id(), None, cancellable,
                                       self.on_history, cancellable)

    def show_lead(self, lead):
        self.lead = lead
        self.name_label.set_text(" ".join(filter(None, [lead.get_first_name(), lead.get_last_name()])))
        self.company_label.set_text(lead.get_company() or "")
        run = lead.get_active_workflow_run()
        status = run.get_current_status() if run else None
        self.status_label.set_text(status.get_label() if status else "Not in a workflow")
        category = status.get_category() if status else None
        self.status_label.set_css_classes(
            ["status-chip", category if category in ("active", "won", "lost", "deferred") else "other"])
        self.set_switch(bool(run and run.get_human_takeover()))
        self.takeover_switch.set_sensitive(bool(run and run.get_workflow_id()))
        self.variables.bind_model(lead.get_variables(), lambda variable: Adw.ActionRow(
            title=variable.get_name(), use_markup=False,
            subtitle=f"{variable.get_value_text()}  ({variable.get_confidence():.0%} confident)"))
        tags = [lead.get_tags().get_item(i).get_name() for i in range(lead.get_tags().get_n_items())]
        self.tags_label.set_text("Tags: " + (", ".join(tags) if tags else "none"))

    def on_history(self, client, result, cancellable):
        try:
            history = client.list_lead_history_finish(result)
            self.history_view.set_model(Gtk.NoSelection.new(history))
        except GLib.Error as e:
            if not is_cancelled(e):
                self.show_error("Could not load the history", e)
        finally:
            if not cancellable.is_cancelled():
                self.end()

    def set_switch(self, state):
        with self.takeover_switch.handler_block(self.state_set_id):
            self.takeover_switch.set_active(state)
            self.takeover_switch.set_state(state)

    def on_takeover_state_set(self, switch, state):
        # Returning True keeps the switch's state until the server answers.
        run = self.lead.get_active_workflow_run()
        self.begin()
        switch.set_sensitive(False)
        if state:
            self.client.stop_lead_automation_async(self.lead.get_id(), run.get_workflow_id(),
                                                   self.cancellable, self.on_takeover, state)
        else:
            self.client.resume_lead_automation_async(self.lead.get_id(), run.get_workflow_id(), True,
                                                     self.cancellable, self.on_takeover, state)
        return True

    def on_takeover(self, client, result, state):
        try:
            if state:
                answer = client.stop_lead_automation_finish(result)
                text = ("Already taken over" if answer.get_already_stopped() else
                        f"Taken over: {answer.get_tasks_cancelled()} pending tasks cancelled")
            else:
                answer = client.resume_lead_automation_finish(result)
                text = ("The AI was already working" if answer.get_already_running() else
                        "Handed back to the AI")
            self.takeover_switch.set_state(state)
            self.takeover_row.set_subtitle(text)
        except GLib.Error as e:
            if is_cancelled(e):
                return
            self.set_switch(not state)
            self.show_error("Could not change the takeover", e)
        self.takeover_switch.set_sensitive(True)
        self.end()


class LeadWindow(Adw.ApplicationWindow):
    def __init__(self, client, **kwargs):
        super().__init__(title="Lead card", default_width=1000, default_height=640, **kwargs)
        self.card = LeadCard(client)
        spinner = Gtk.Spinner()
        self.card.bind_property("busy", spinner, "spinning", GObject.BindingFlags.SYNC_CREATE)
        header = Adw.HeaderBar()
        header.pack_start(spinner)
        content = Gtk.Box(orientation=Gtk.Orientation.VERTICAL)
        content.append(header)
        content.append(self.card)
        self.set_content(content)
        provider = Gtk.CssProvider()
        provider.load_from_data(CSS.encode())
        Gtk.StyleContext.add_provider_for_display(self.get_display(), provider,
                                                  Gtk.STYLE_PROVIDER_PRIORITY_APPLICATION)


def main(argv):
    lead_id = argv[1] if len(argv) > 1 else SEED_LEAD_ID
    try:
        client = Nexor.Client.new_from_environment()  # NEXOR_API_KEY, NEXOR_BASE_URL
    except GLib.Error as e:
        print(e.message, file=sys.stderr)
        return 1

    app = Adw.Application(application_id="ai.getnexor.LeadCard",
                          flags=Gio.ApplicationFlags.NON_UNIQUE)

    def on_activate(app):
        window = LeadWindow(client, application=app)
        window.present()
        window.card.load(lead_id)

    app.connect("activate", on_activate)
    return app.run(argv[:1])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
