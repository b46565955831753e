/* nexor-cli-fields.c: --ids and --fields, the output for scripts
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <glib/gi18n.h>
#include <nexor-glib.h>

#include "nexor-json-writer.h"
#include "nexor-cli.h"
#include "nexor-cli-fields.h"
#include "nexor-cli-output.h"

/* The documented members of each resource (docs/cli.md lists them too): a
 * field must start with one of them, so that a typo is an error rather than
 * a column of empty lines. */
static const char * const lead_fields[] = {
  "id", "first_name", "last_name", "email", "phone", "source", "company", "title",
  "metadata", "tags", "campaign", "campaign_id", "active_workflow_run", "external_id",
  "created_at", "updated_at", NULL
};
static const char * const lead_card_fields[] = {
  "id", "first_name", "last_name", "email", "phone", "source", "company", "title",
  "metadata", "tags", "campaign", "campaign_id", "active_workflow_run", "external_id",
  "created_at", "updated_at", "variables", NULL
};
static const char * const history_fields[] = {
  "type", "id", "channel", "timestamp", "direction", "content", "message_type", "status",
  "activity_type", "title", "description", "actor_type", "media_url", "attachments",
  "provider_message_id", "sent_at", "delivered_at", "read_at", "reaction", "buttons",
  "call_status", "call_successful", "disconnection_reason", "provider_call_id",
  "duration_seconds", "summary", "recording_url", "transcript", NULL
};
static const char * const meeting_fields[] = {
  "id", "title", "starts_at", "ends_at", "duration_minutes", "timezone", "status",
  "meeting_url", "location_type", "location_details", "host_name", "meeting_type",
  "attendee_name", "attendee_email", "confirmed_by_lead", "cancelled_at",
  "cancellation_reason", "no_show_reason", "outcome_notes", "created_at", NULL
};
static const char * const tag_fields[] = {
  "id", "name", "slug", "description", "created_at", "updated_at", NULL
};
static const char * const team_member_fields[] = {
  "id", "name", "email", "external_id", NULL
};
static const char * const conversion_fields[] = {
  "id", "conversion_type_id", "lead_id", "workflow_id", "master_workflow_id", "workflow_run_id",
  "amount", "currency", "metadata", "notes", "converted_at", "created_at", "conversion_types", NULL
};
static const char * const conversion_type_fields[] = {
  "id", "name", "description", "category", "currency", "fields", "workflow_id",
  "master_workflow_id", "created_at", NULL
};
static const char * const message_result_fields[] = {
  "success", "channel", "type", "message_id", "provider_message_id", "activity_id", "call_id", "call_status", NULL
};
static const char * const template_fields[] = {
  "id", "name", "language", "category", "status", "components", "variables", NULL
};
static const char * const workflow_fields[] = {
  "id", "name", "goal_type", "paused", "has_call_steps", "steps", "max_attempts", "statuses", NULL
};
static const char * const campaign_fields[] = {
  "id", "name", NULL
};
/* Processors and rules (§3.19–§3.26); the route answer is the emulator's
 * documented choice (docs/emulator.md). */
static const char * const processor_fields[] = {
  "id", "name", "description", "default_workflow_id", "default_workflow", "is_active", "rules",
  "created_at", "updated_at", NULL
};
static const char * const rule_fields[] = {
  "id", "processor_id", "name", "workflow_id", "workflow", "conditions", "position", "is_active",
  "created_at", "updated_at", NULL
};
static const char * const route_result_fields[] = {
  "index", "success", "error", "processor_id", "lead", "existed", "workflow_run", "rule",
  "workflow", NULL
};

const NexorCliKind nexor_cli_kind_lead = { lead_fields };
const NexorCliKind nexor_cli_kind_lead_card = { lead_card_fields };
const NexorCliKind nexor_cli_kind_history_item = { history_fields };
const NexorCliKind nexor_cli_kind_meeting = { meeting_fields };
const NexorCliKind nexor_cli_kind_tag = { tag_fields };
const NexorCliKind nexor_cli_kind_team_member = { team_member_fields };
const NexorCliKind nexor_cli_kind_conversion = { conversion_fields };
const NexorCliKind nexor_cli_kind_conversion_type = { conversion_type_fields };
const NexorCliKind nexor_cli_kind_message_result = { message_result_fields };
const NexorCliKind nexor_cli_kind_template = { template_fields };
const NexorCliKind nexor_cli_kind_workflow = { workflow_fields };
const NexorCliKind nexor_cli_kind_campaign = { campaign_fields };
const NexorCliKind nexor_cli_kind_processor = { processor_fields };
const NexorCliKind nexor_cli_kind_rule = { rule_fields };
const NexorCliKind nexor_cli_kind_route_result = { route_result_fields };

/* One invocation per process: the options land here. */
static gboolean want_ids;
static char *fields_arg;
static GStrv field_paths;

void
nexor_cli_fields_add_entries (GOptionGroup       *group,
                              const NexorCliKind *kind,
                              GPtrArray          *option_names)
{
  const GOptionEntry entries[] = {
    { "ids", 0, 0, G_OPTION_ARG_NONE, &want_ids,
      N_("Print only the ID of each item, one per line"), NULL },
    { "fields", 0, 0, G_OPTION_ARG_STRING, &fields_arg,
      N_("Print only these fields of each item, tab-separated, one line each "
         "(e.g. id,email; nested: campaign.name)"), N_("LIST") },
    G_OPTION_ENTRY_NULL
  };

  if (kind == NULL)
    return;

  g_option_group_add_entries (group, entries);

  if (option_names != NULL)
    {
      g_ptr_array_add (option_names, (gpointer) "ids");
      g_ptr_array_add (option_names, (gpointer) "fields");
    }
}

static gboolean
is_known_field (const NexorCliKind *kind,
                const char         *name,
                gsize               len)
{
  for (guint i = 0; kind->fields[i] != NULL; i++)
    {
      if (strlen (kind->fields[i]) == len && strncmp (kind->fields[i], name, len) == 0)
        return TRUE;
    }

  return FALSE;
}

gboolean
nexor_cli_fields_check (const NexorCliKind  *kind,
                        gboolean             as_json,
                        GError             **error)
{
  g_auto(GStrv) paths = NULL;

  g_clear_pointer (&field_paths, g_strfreev);
  if (kind == NULL || (!want_ids && fields_arg == NULL))
    return TRUE;

  if (want_ids && fields_arg != NULL)
    {
      g_set_error_literal (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                           _("--ids and --fields cannot be used together (--fields id is --ids)"));
      return FALSE;
    }
  if (as_json)
    {
      g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                   _("--json cannot be used together with %s"), want_ids ? "--ids" : "--fields");
      return FALSE;
    }

  if (want_ids)
    {
      field_paths = g_new0 (char *, 2);
      field_paths[0] = g_strdup ("id");
      return TRUE;
    }

  {
    const char *values[] = { fields_arg, NULL };

    if (!g_utf8_validate (fields_arg, -1, NULL))
      {
        g_set_error_literal (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                             _("--fields: the list is not valid UTF-8"));
        return FALSE;
      }
    paths = nexor_cli_split_list (values);
  }

  if (paths[0] == NULL)
    {
      g_set_error_literal (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                           _("--fields: no field given (e.g. --fields id,email)"));
      return FALSE;
    }

  for (guint i = 0; paths[i] != NULL; i++)
    {
      const char *dot = strchr (paths[i], '.');
      gsize len = dot != NULL ? (gsize) (dot - paths[i]) : strlen (paths[i]);
      gboolean empty_segment = strstr (paths[i], "..") != NULL ||
                               g_str_has_suffix (paths[i], ".");

      if (empty_segment || !is_known_field (kind, paths[i], len))
        {
          g_autofree char *shown = nexor_cli_ellipsize (paths[i], 40);
          g_autofree char *clean = nexor_cli_sanitize (shown);
          g_autofree char *valid = g_strjoinv (", ", (char **) kind->fields);

          g_set_error (error, NEXOR_CLI_ERROR, NEXOR_CLI_EXIT_USAGE,
                       _("--fields: unknown field “%s”; valid fields: %s "
                         "(and FIELD.MEMBER for what they hold)"),
                       clean, valid);
          return FALSE;
        }
    }

  field_paths = g_steal_pointer (&paths);
  return TRUE;
}

gboolean
nexor_cli_fields_selected (void)
{
  return field_paths != NULL;
}

/* The member at a dotted path; a number after a dot indexes an array
 * ("tags.0.name"). */
static JsonNode *
lookup_path (JsonObject *item,
             const char *path)
{
  g_auto(GStrv) segments = g_strsplit (path, ".", -1);
  JsonNode *node = NULL;

  for (guint i = 0; segments[i] != NULL; i++)
    {
      if (i == 0)
        {
          node = json_object_get_member (item, segments[i]);
        }
      else if (JSON_NODE_HOLDS_OBJECT (node))
        {
          node = json_object_get_member (json_node_get_object (node), segments[i]);
        }
      else if (JSON_NODE_HOLDS_ARRAY (node))
        {
          JsonArray *array = json_node_get_array (node);
          guint64 index;

          if (!g_ascii_string_to_unsigned (segments[i], 10, 0, G_MAXUINT, &index, NULL) ||
              index >= json_array_get_length (array))
            return NULL;
          node = json_array_get_element (array, (guint) index);
        }
      else
        {
          return NULL;
        }

      if (node == NULL)
        return NULL;
    }

  return node;
}

/* Text as is, with the characters that would split a line or a column, and
 * the backslash that marks them, escaped as in C; other controls as \xNN. */
static void
append_escaped (GString    *out,
                const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        default:
          if ((guchar) *p < 0x20 || *p == 0x7f)
            g_string_append_printf (out, "\\x%02x", (guchar) *p);
          else
            g_string_append_c (out, *p);
        }
    }
}

static void
append_value (GString  *out,
              JsonNode *node)
{
  g_autofree char *json = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      append_escaped (out, json_node_get_string (node));
      return;
    }

  /* Numbers, booleans, objects and arrays as compact JSON: never in the
   * locale's notation. */
  json = nexor_json_writer_to_string (node, FALSE, NULL);
  if (json != NULL)
    append_escaped (out, json);
}

void
nexor_cli_fields_print_object (JsonObject *item)
{
  g_autoptr(GString) line = g_string_new (NULL);

  g_return_if_fail (field_paths != NULL);

  if (item == NULL)
    return;

  /* Items without an ID (history activities) have nothing to give --ids. */
  if (g_strv_length (field_paths) == 1 && strcmp (field_paths[0], "id") == 0 && want_ids)
    {
      JsonNode *id = json_object_get_member (item, "id");

      if (id == NULL || JSON_NODE_HOLDS_NULL (id))
        return;
    }

  for (guint i = 0; field_paths[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (line, '\t');
      append_value (line, lookup_path (item, field_paths[i]));
    }
  g_string_append_c (line, '\n');

  nexor_cli_print_utf8 (line->str);
}

void
nexor_cli_fields_print_list (GListModel          *items,
                             NexorCliDupJsonFunc  dup_json,
                             guint                max)
{
  guint n = items != NULL ? g_list_model_get_n_items (items) : 0;

  for (guint i = 0; i < n && i < max; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      g_autoptr(JsonObject) object = dup_json (item);

      nexor_cli_fields_print_object (object);
    }
}

void
nexor_cli_fields_clear (void)
{
  g_clear_pointer (&fields_arg, g_free);
  g_clear_pointer (&field_paths, g_strfreev);
  want_ids = FALSE;
}
