# A desktop notification server for the GUI tests: owns
# org.freedesktop.Notifications on the session bus it is given and prints
# every notification it is sent as one JSON line, after "ready" once the
# name is its own. What GLib's GNotification sends through the
# freedesktop backend is what a notification daemon would show.
#
# SPDX-License-Identifier: LGPL-2.1-or-later

import json
import sys

from gi.repository import Gio, GLib

INTERFACE = """
<node>
  <interface name="org.freedesktop.Notifications">
    <method name="Notify">
      <arg type="s" direction="in"/> <arg type="u" direction="in"/>
      <arg type="s" direction="in"/> <arg type="s" direction="in"/>
      <arg type="s" direction="in"/> <arg type="as" direction="in"/>
      <arg type="a{sv}" direction="in"/> <arg type="i" direction="in"/>
      <arg type="u" direction="out"/>
    </method>
    <method name="CloseNotification"><arg type="u" direction="in"/></method>
    <method name="GetCapabilities"><arg type="as" direction="out"/></method>
    <method name="GetServerInformation">
      <arg type="s" direction="out"/> <arg type="s" direction="out"/>
      <arg type="s" direction="out"/> <arg type="s" direction="out"/>
    </method>
    <signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
    <signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>
  </interface>
</node>
"""

next_id = 0


def on_call(connection, sender, path, interface, method, parameters, invocation):
    global next_id
    if method == "Notify":
        app_name, replaces_id, icon, summary, body, actions, hints, timeout = parameters.unpack()
        next_id += 1
        print(json.dumps({"app_name": app_name, "summary": summary, "body": body,
                          "actions": actions}), flush=True)
        invocation.return_value(GLib.Variant("(u)", (next_id,)))
    elif method == "GetCapabilities":
        invocation.return_value(GLib.Variant("(as)", (["body", "actions"],)))
    elif method == "GetServerInformation":
        invocation.return_value(GLib.Variant("(ssss)", ("nexor-test", "nexor-glib", "1", "1.2")))
    else:
        invocation.return_value(None)


def main():
    bus = Gio.bus_get_sync(Gio.BusType.SESSION, None)
    info = Gio.DBusNodeInfo.new_for_xml(INTERFACE).interfaces[0]
    bus.register_object("/org/freedesktop/Notifications", info, on_call, None, None)
    loop = GLib.MainLoop()

    def acquired(*args):
        print("ready", flush=True)

    def lost(*args):
        print("name lost", flush=True)
        loop.quit()

    Gio.bus_own_name_on_connection(bus, "org.freedesktop.Notifications",
                                   Gio.BusNameOwnerFlags.NONE, acquired, lost)
    loop.run()
    return 1


if __name__ == "__main__":
    sys.exit(main())
