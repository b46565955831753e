/* nexor-emulator-events.c: the webhook events the routes raise
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A route that changes a workflow run or a meeting raises an event with the
 * data of §6, built from the state after the change. The events wait in the
 * store until the server takes them after the request (nexor-emulator.c),
 * which hands them to the webhook deliveries (nexor-emulator-webhooks.c):
 * routes never see HTTP, and a store nobody takes events from keeps none.
 */

#include "nexor-emulator-events.h"

#include <string.h>

#include "nexor-emulator-json.h"
#include "nexor-emulator-routes-private.h"

const char * const nexor_emulator_event_types[] = {
  "workflow_run.status_changed",
  "meeting.scheduled",
  "meeting.confirmed",
  "meeting.cancelled",
  "meeting.completed",
  "meeting.no_show",
  NULL
};

gboolean
nexor_emulator_event_type_is_known (const char *event_type)
{
  return event_type != NULL && g_strv_contains (nexor_emulator_event_types, event_type);
}

static char *
format_millis (GDateTime *when)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (when);
  g_autofree char *seconds = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (utc) / 1000);
}

/* Webhook times carry milliseconds, unlike the REST answers (§6). */
char *
nexor_emulator_now_millis (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return format_millis (now);
}

/* A stored time in the webhook form; one that does not parse is passed on
 * as it is rather than lost. */
static void
set_time_millis (JsonObject *to,
                 const char *member,
                 const char *value)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = NULL;

  if (value == NULL)
    {
      json_object_set_null_member (to, member);
      return;
    }

  when = g_date_time_new_from_iso8601 (value, utc);
  if (when == NULL)
    {
      json_object_set_string_member (to, member, value);
      return;
    }

  {
    g_autofree char *text = format_millis (when);

    json_object_set_string_member (to, member, text);
  }
}

NexorEmulatorEvent *
nexor_emulator_event_new (const char *event_type,
                          JsonObject *data)
{
  NexorEmulatorEvent *event = g_new0 (NexorEmulatorEvent, 1);

  event->event_type = g_strdup (event_type);
  event->event_id = nexor_emulator_new_id ();
  event->timestamp = nexor_emulator_now_millis ();
  event->data = data;

  return event;
}

void
nexor_emulator_event_free (NexorEmulatorEvent *event)
{
  g_free (event->event_type);
  g_free (event->event_id);
  g_free (event->timestamp);
  g_clear_pointer (&event->data, json_object_unref);
  g_free (event);
}

/**
 * nexor_emulator_store_collect_events:
 * @store: the state
 * @collect: whether routes keep the events they raise
 *
 * Until this is called with %TRUE the routes raise no events, so a store
 * driven without a server never accumulates any.
 */
void
nexor_emulator_store_collect_events (NexorEmulatorStore *store,
                                     gboolean            collect)
{
  g_return_if_fail (NEXOR_EMULATOR_IS_STORE (store));

  if (collect && store->events == NULL)
    store->events = g_ptr_array_new_with_free_func ((GDestroyNotify) nexor_emulator_event_free);
  else if (!collect)
    g_clear_pointer (&store->events, g_ptr_array_unref);
}

/**
 * nexor_emulator_store_take_events:
 * @store: the state
 *
 * Returns: (transfer container) (element-type NexorEmulatorEvent): the
 *   events raised since the last call, oldest first; never %NULL
 */
GPtrArray *
nexor_emulator_store_take_events (NexorEmulatorStore *store)
{
  GPtrArray *taken;

  g_return_val_if_fail (NEXOR_EMULATOR_IS_STORE (store), NULL);

  if (store->events == NULL || store->events->len == 0)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) nexor_emulator_event_free);

  taken = g_steal_pointer (&store->events);
  store->events = g_ptr_array_new_with_free_func ((GDestroyNotify) nexor_emulator_event_free);

  return taken;
}

static void
raise_event (NexorEmulatorStore *store,
             const char         *event_type,
             JsonObject         *data)
{
  if (store->events == NULL)
    {
      json_object_unref (data);
      return;
    }

  g_ptr_array_add (store->events, nexor_emulator_event_new (event_type, data));
}

/* Data */

static void
set_string_or_null (JsonObject *object,
                    const char *member,
                    const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
  else
    json_object_set_null_member (object, member);
}

/* A deep copy: json_node_copy() would share an object or array member with
 * the store, which later requests change. */
static void
copy_member (JsonObject *to,
             JsonObject *from,
             const char *member)
{
  JsonNode *node = json_object_get_member (from, member);

  json_object_set_member (to, member, node != NULL ? nexor_emulator_json_node_deep_copy (node)
                                                   : json_node_new (JSON_NODE_NULL));
}

static JsonNode *
take_object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

/* The status the run is in, or NULL. */
JsonObject *
nexor_emulator_run_status (NexorEmulatorStore *store,
                           JsonObject         *run)
{
  JsonObject *workflow = nexor_emulator_store_find_workflow (store, nexor_emulator_json_string (run, "workflow_id"));
  const char *status_id = nexor_emulator_json_string (run, "status_id");

  if (workflow == NULL || status_id == NULL)
    return NULL;

  return nexor_emulator_workflow_find_status (workflow, status_id, TRUE);
}

static JsonNode *
render_status (JsonObject *status)
{
  JsonObject *out;

  if (status == NULL)
    return json_node_new (JSON_NODE_NULL);

  out = json_object_new ();
  copy_member (out, status, "id");
  copy_member (out, status, "key");
  copy_member (out, status, "label");
  copy_member (out, status, "category");

  return take_object_node (out);
}

static JsonNode *
render_workflow_brief (JsonObject *workflow)
{
  JsonObject *out;

  if (workflow == NULL)
    return json_node_new (JSON_NODE_NULL);

  out = json_object_new ();
  copy_member (out, workflow, "id");
  copy_member (out, workflow, "name");

  return take_object_node (out);
}

static JsonObject *
render_run (JsonObject *run)
{
  static const char * const members[] = {
    "id", "workflow_id", "is_active", "human_takeover", "cadence_state", "run_status", NULL
  };
  JsonObject *out = json_object_new ();

  for (guint i = 0; members[i] != NULL; i++)
    copy_member (out, run, members[i]);

  return out;
}

static JsonObject *
status_changed_data (NexorEmulatorStore *store,
                     NexorEmulatorLead  *lead,
                     JsonObject         *run,
                     JsonObject         *from_status,
                     const char         *trigger_type,
                     const char         *actor_type,
                     const char         *actor_id,
                     const char         *reason)
{
  JsonObject *workflow = nexor_emulator_store_find_workflow (store, nexor_emulator_json_string (run, "workflow_id"));
  JsonObject *data = json_object_new ();

  json_object_set_member (data, "from_status", render_status (from_status));
  json_object_set_member (data, "to_status", render_status (nexor_emulator_run_status (store, run)));
  json_object_set_string_member (data, "trigger_type", trigger_type);
  json_object_set_string_member (data, "actor_type", actor_type);
  set_string_or_null (data, "actor_id", actor_id);
  set_string_or_null (data, "reason", reason);
  /* The whole lead, metadata included (§6), as it is now: a copy, since
   * the event may be delivered again after the lead changed. */
  json_object_set_object_member (data, "lead", nexor_emulator_json_object_deep_copy (nexor_emulator_lead_core (lead)));
  json_object_set_member (data, "workflow", render_workflow_brief (workflow));
  json_object_set_object_member (data, "workflow_run", render_run (run));

  return data;
}

/**
 * nexor_emulator_raise_run_changed:
 * @store: the state
 * @lead: the lead whose run changed
 * @run: the run, as it is now
 * @from_status: (nullable): its status before, %NULL for a new run
 * @trigger_type: what changed it
 * @actor_type: who changed it
 * @actor_id: (nullable): the caller's own id for the actor
 * @reason: (nullable): the reason given
 *
 * Raises `workflow_run.status_changed`.
 */
void
nexor_emulator_raise_run_changed (NexorEmulatorStore *store,
                                  NexorEmulatorLead  *lead,
                                  JsonObject         *run,
                                  JsonObject         *from_status,
                                  const char         *trigger_type,
                                  const char         *actor_type,
                                  const char         *actor_id,
                                  const char         *reason)
{
  if (store->events == NULL)
    return;

  raise_event (store, "workflow_run.status_changed",
               status_changed_data (store, lead, run, from_status, trigger_type, actor_type, actor_id, reason));
}

static JsonNode *
render_host (NexorEmulatorStore *store,
             JsonObject         *meeting)
{
  const char *email = nexor_emulator_json_string (meeting, "host_email");
  g_autofree char *key = email != NULL ? nexor_emulator_email_key (email) : NULL;

  if (key == NULL)
    return json_node_new (JSON_NODE_NULL);

  for (guint i = 0; i < store->team->len; i++)
    {
      JsonObject *member = g_ptr_array_index (store->team, i);
      const char *member_email = nexor_emulator_json_string (member, "email");
      g_autofree char *member_key = member_email != NULL ? nexor_emulator_email_key (member_email) : NULL;
      const char *name = nexor_emulator_json_string (member, "name");
      g_auto(GStrv) names = NULL;
      JsonObject *host;

      if (g_strcmp0 (member_key, key) != 0)
        continue;

      /* The webhook's host has the name in two parts (§4 User): the first
       * word, and the rest. */
      names = name != NULL ? g_strsplit (name, " ", 2) : NULL;
      host = json_object_new ();
      copy_member (host, member, "id");
      set_string_or_null (host, "first_name", names != NULL ? names[0] : NULL);
      set_string_or_null (host, "last_name", names != NULL ? names[1] : NULL);
      copy_member (host, member, "email");
      return take_object_node (host);
    }

  return json_node_new (JSON_NODE_NULL);
}

static JsonObject *
meeting_data (NexorEmulatorStore *store,
              NexorEmulatorLead  *lead,
              JsonObject         *meeting)
{
  static const char * const meeting_members[] = {
    "id", "title", "starts_at", "ends_at", "duration_minutes", "timezone", "location_type",
    "location_details", "meeting_url", "status", "source", "attendee_name", "attendee_email",
    "attendee_phone", "confirmed_by_lead", "cancelled_at", "cancellation_reason", "outcome_notes",
    "outcome_at", "no_show_reason", NULL
  };
  static const char * const time_members[] = {
    "starts_at", "ends_at", "cancelled_at", "outcome_at", NULL
  };
  static const char * const lead_members[] = {
    "id", "first_name", "last_name", "email", "phone", "company", "source", NULL
  };
  JsonObject *core = nexor_emulator_lead_core (lead);
  JsonObject *run = nexor_emulator_lead_active_run (lead);
  const char *type_id = nexor_emulator_json_string (meeting, "meeting_type_id");
  JsonObject *data = json_object_new ();
  JsonObject *shown = json_object_new ();
  JsonObject *shown_lead = json_object_new ();

  for (guint i = 0; meeting_members[i] != NULL; i++)
    copy_member (shown, meeting, meeting_members[i]);
  for (guint i = 0; time_members[i] != NULL; i++)
    set_time_millis (shown, time_members[i], nexor_emulator_json_string (meeting, time_members[i]));
  json_object_set_object_member (data, "meeting", shown);

  for (guint i = 0; lead_members[i] != NULL; i++)
    copy_member (shown_lead, core, lead_members[i]);
  json_object_set_object_member (data, "lead", shown_lead);

  json_object_set_member (data, "host", render_host (store, meeting));

  /* Meeting types are not modelled: the id the booking gave, no name. */
  if (type_id != NULL)
    {
      JsonObject *type = json_object_new ();

      json_object_set_string_member (type, "id", type_id);
      json_object_set_null_member (type, "name");
      json_object_set_object_member (data, "meeting_type", type);
    }
  else
    {
      json_object_set_null_member (data, "meeting_type");
    }

  json_object_set_member (data, "workflow",
                          render_workflow_brief (run != NULL
                                                 ? nexor_emulator_store_find_workflow (store, nexor_emulator_json_string (run, "workflow_id"))
                                                 : NULL));
  return data;
}

/**
 * nexor_emulator_raise_meeting_event:
 * @store: the state
 * @lead: the meeting's lead
 * @meeting: the meeting, as it is now
 * @event_type: one of the `meeting.*` types
 *
 * Raises a meeting event with the meeting events' shared payload (§6).
 */
void
nexor_emulator_raise_meeting_event (NexorEmulatorStore *store,
                                    NexorEmulatorLead  *lead,
                                    JsonObject         *meeting,
                                    const char         *event_type)
{
  if (store->events == NULL)
    return;

  raise_event (store, event_type, meeting_data (store, lead, meeting));
}

/**
 * nexor_emulator_store_sample_event_data:
 * @store: the state
 * @event_type: a known event type
 *
 * The data of a test delivery, as the dashboard's "Test" button sends
 * them: real records of the account in the event's shape, nothing changed.
 * A status change shows the first lead with a workflow run going from its
 * workflow's initial status to the one it is in; a meeting event the first
 * meeting of the first lead that has one.
 *
 * Returns: (transfer full) (nullable): the data, or %NULL if the account
 *   has no record to build it from
 */
JsonObject *
nexor_emulator_store_sample_event_data (NexorEmulatorStore *store,
                                        const char         *event_type)
{
  gboolean status_change;

  g_return_val_if_fail (NEXOR_EMULATOR_IS_STORE (store), NULL);
  g_return_val_if_fail (nexor_emulator_event_type_is_known (event_type), NULL);

  status_change = g_str_equal (event_type, "workflow_run.status_changed");

  for (guint i = 0; i < store->leads->len; i++)
    {
      NexorEmulatorLead *lead = g_ptr_array_index (store->leads, i);

      if (status_change)
        {
          JsonObject *run = nexor_emulator_lead_shown_run (lead);
          JsonObject *workflow;

          if (run == NULL)
            continue;
          workflow = nexor_emulator_store_find_workflow (store, nexor_emulator_json_string (run, "workflow_id"));
          return status_changed_data (store, lead, run,
                                      workflow != NULL ? nexor_emulator_workflow_initial_status (workflow) : NULL,
                                      "test", "system", NULL, NULL);
        }
      else
        {
          JsonArray *meetings = nexor_emulator_lead_meetings (lead);

          if (json_array_get_length (meetings) == 0)
            continue;
          return meeting_data (store, lead, json_array_get_object_element (meetings, 0));
        }
    }

  return NULL;
}
