#!/usr/bin/python3
"""Fetch one lead with nexor-glib from Python (PyGObject), blocking and asynchronously.

    NEXOR_API_KEY=nxr_live_... python3 get_lead.py [LEAD_ID]
    python3 get_lead.py --url http://127.0.0.1:8765/api/public \\
        --api-key nxr_live_emulator_demo_key 123e4567-e89b-12d3-a456-426614174000

URL and key default to NEXOR_BASE_URL (else the production API) and NEXOR_API_KEY.

SPDX-License-Identifier: LGPL-2.1-or-later
"""

import argparse
import json
import os
import sys

import gi

gi.require_version("Nexor", "1")
from gi.repository import GLib, Nexor  # noqa: E402

EXAMPLE_LEAD_ID = "123e4567-e89b-12d3-a456-426614174000"


def print_lead(lead):
    name = " ".join(filter(None, [lead.get_first_name(), lead.get_last_name()]))
    print(f"{name} <{lead.get_email() or 'no email'}>")
    print(f"  company:  {lead.get_company() or '-'}")
    if lead.get_campaign():
        print(f"  campaign: {lead.get_campaign().get_name()}")
    run = lead.get_active_workflow_run()
    if run and run.get_workflow():
        print(f"  workflow: {run.get_workflow().get_name()}")
    if run and run.get_current_status():
        print(f"  status:   {run.get_current_status().get_label()}")
    if lead.get_created_at():
        print(f"  created:  {lead.get_created_at().format_iso8601()}")
    # A dict, with the overrides nexor-glib installs for PyGObject.
    for name, value in (lead.dup_metadata() or {}).items():
        print(f"  metadata.{name} = {json.dumps(value, ensure_ascii=False)}")
    variables = lead.get_variables()
    for i in range(variables.get_n_items()):
        variable = variables.get_item(i)
        print(f"  {variable.get_name()} = {variable.get_value_text()}"
              f" (confidence {variable.get_confidence():.2f})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lead_id", nargs="?", default=EXAMPLE_LEAD_ID)
    parser.add_argument("--url", default=os.environ.get("NEXOR_BASE_URL"),
                        help="API base URL (default: $NEXOR_BASE_URL, else production)")
    parser.add_argument("--api-key", default=os.environ.get("NEXOR_API_KEY"),
                        help="API key (default: $NEXOR_API_KEY)")
    args = parser.parse_args()
    if not args.api_key:
        parser.error("no API key: set NEXOR_API_KEY or pass --api-key")

    # An unusable URL or key raises here, before anything is sent.
    try:
        if args.url:
            client = Nexor.Client.new_for_url(args.url, args.api_key)
        else:
            client = Nexor.Client.new(args.api_key)
    except GLib.Error as e:
        parser.error(e.message)

    # Blocking.
    try:
        lead = client.get_lead(args.lead_id, None)
    except Nexor.NotFoundError:
        print(f"No lead {args.lead_id}", file=sys.stderr)
        return 1
    except GLib.Error as e:  # any other failure, of the API or the network
        print(f"get_lead: {e.message}", file=sys.stderr)
        return 1
    print_lead(lead)

    # Asynchronous, with a callback and a main loop (what a GTK app does).
    loop = GLib.MainLoop()
    status = 0

    def on_lead_ready(client, result):
        nonlocal status
        try:
            lead = client.get_lead_finish(result)
            print("\nThe same lead, fetched asynchronously:")
            print_lead(lead)
        except GLib.Error as e:
            print(f"get_lead_async: {e.message}", file=sys.stderr)
            status = 1
        loop.quit()

    client.get_lead_async(args.lead_id, None, on_lead_ready)
    loop.run()
    return status


if __name__ == "__main__":
    sys.exit(main())
