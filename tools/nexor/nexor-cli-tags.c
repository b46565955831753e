/* nexor-cli-tags.c: `nexor tags …`, `nexor lead tags` and `nexor team`
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <glib/gi18n.h>

#include "nexor-cli.h"
#include "nexor-cli-json.h"
#include "nexor-cli-output.h"
#include "nexor-cli-recent.h"

/* Name, slug, description (with @with_description) and id of each tag. */
static void
print_tag_table (GListModel *tags,
                 gboolean    with_description,
                 const char *when_empty)
{
  g_autoptr(NexorCliTable) table = nexor_cli_table_new (with_description ? 4 : 3);
  g_autoptr(GString) out = g_string_new (NULL);
  guint n = tags != NULL ? g_list_model_get_n_items (tags) : 0;

  if (n == 0)
    {
      nexor_cli_print (when_empty);
      return;
    }

  if (with_description)
    nexor_cli_table_add_header (table, _("NAME"), _("SLUG"), _("DESCRIPTION"), _("ID"));
  else
    nexor_cli_table_add_header (table, _("NAME"), _("SLUG"), _("ID"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NexorTag) tag = g_list_model_get_item (tags, i);

      if (with_description)
        nexor_cli_table_add_row (table, nexor_tag_get_name (tag), nexor_tag_get_slug (tag),
                                 nexor_tag_get_description (tag), nexor_tag_get_id (tag));
      else
        nexor_cli_table_add_row (table, nexor_tag_get_name (tag), nexor_tag_get_slug (tag),
                                 nexor_tag_get_id (tag));
    }

  nexor_cli_table_render (table, "", out);
  nexor_cli_print (out->str);
}

static void
print_tag_card (gboolean  created_now,
                NexorTag *tag)
{
  g_autoptr(NexorCliTable) card = nexor_cli_table_new (2);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *heading = NULL;
  g_autofree char *created = nexor_cli_format_datetime (nexor_tag_get_created_at (tag));
  g_autofree char *updated = nexor_cli_format_datetime (nexor_tag_get_updated_at (tag));
  const char *name = nexor_tag_get_name (tag);

  if (name == NULL || name[0] == '\0')
    name = nexor_cli_placeholder ();
  heading = created_now ? g_strdup_printf (_("Created tag %s"), name)
                        : g_strdup_printf (_("Updated tag %s"), name);
  nexor_cli_append_heading (out, heading);
  nexor_cli_table_add_row (card, _("Slug"), nexor_tag_get_slug (tag));
  nexor_cli_table_add_row (card, _("Description"), nexor_tag_get_description (tag));
  nexor_cli_table_add_row (card, _("Created"), created);
  if (updated != NULL)
    nexor_cli_table_add_row (card, _("Updated"), updated);
  nexor_cli_table_add_row (card, _("ID"), nexor_tag_get_id (tag));
  nexor_cli_table_render (card, "  ", out);
  nexor_cli_print (out->str);
}

static void
print_tag_json (NexorTag *tag)
{
  g_autoptr(JsonObject) object = nexor_tag_dup_json (tag);

  nexor_cli_print_json_object (object);
}

static void
print_tag_fields (NexorTag *tag)
{
  g_autoptr(JsonObject) object = nexor_tag_dup_json (tag);

  nexor_cli_fields_print_object (object);
}

/* nexor tags list [--search TEXT] [--json] */
static int
tags_list (NexorCli               *cli,
           const NexorCliCommand  *command,
           char                 ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tags = NULL;
  g_autofree char *search = NULL;
  gboolean as_json = FALSE;
  NexorClient *client;
  int status;
  const GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search,
      N_("Only tags whose name, slug or description contains TEXT"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json,
      N_("Print a JSON array of the tags, as the server sent them"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, NULL, 0, &status))
    return status;
  if (search != NULL && !nexor_cli_check_text (search, _("search text"), &error))
    return nexor_cli_report_error (cli, error);

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  tags = nexor_client_list_tags (client, search, NULL, &error);
  if (tags == NULL)
    return nexor_cli_report_error (cli, error);
  for (guint i = 0; i < g_list_model_get_n_items (tags); i++)
    {
      g_autoptr(NexorTag) tag = g_list_model_get_item (tags, i);

      nexor_cli_recent_note (NEXOR_CLI_RECENT_TAG, nexor_tag_get_id (tag));
    }

  if (nexor_cli_fields_selected ())
    nexor_cli_fields_print_list (tags, (NexorCliDupJsonFunc) nexor_tag_dup_json, G_MAXUINT);
  else if (as_json)
    nexor_cli_print_json_list (tags, (NexorCliDupJsonFunc) nexor_tag_dup_json, G_MAXUINT);
  else
    print_tag_table (tags, TRUE, search != NULL ? _("No tags match.\n") : _("No tags.\n"));

  return NEXOR_CLI_EXIT_OK;
}

/* nexor tags create NAME SLUG [--description TEXT] [--json] */
static int
tags_create (NexorCli               *cli,
             const NexorCliCommand  *command,
             char                 ***argv)
{
  static const char * const names[] = { N_("tag name"), N_("tag slug") };
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorTagInput) input = nexor_tag_input_new ();
  g_autoptr(NexorTag) tag = NULL;
  g_autofree char *description = NULL;
  gboolean as_json = FALSE;
  NexorClient *client;
  int status;
  const GOptionEntry entries[] = {
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, N_("What the tag means"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the new tag as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, names, G_N_ELEMENTS (names), &status))
    return status;

  if (!nexor_cli_check_text ((*argv)[1], _("tag name"), &error) ||
      !nexor_cli_check_text ((*argv)[2], _("tag slug"), &error) ||
      (description != NULL && !nexor_cli_check_text (description, _("description"), &error)))
    return nexor_cli_report_error (cli, error);

  nexor_tag_input_set_name (input, (*argv)[1]);
  nexor_tag_input_set_slug (input, (*argv)[2]);
  if (description != NULL)
    nexor_tag_input_set_description (input, description);

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  nexor_cli_set_check_command (cli, "tags", "list", "--search", (*argv)[2], NULL);
  tag = nexor_client_create_tag (client, input, NULL, &error);
  if (tag == NULL)
    return nexor_cli_report_error (cli, error);
  nexor_cli_recent_note (NEXOR_CLI_RECENT_TAG, nexor_tag_get_id (tag));

  if (nexor_cli_fields_selected ())
    print_tag_fields (tag);
  else if (as_json)
    print_tag_json (tag);
  else
    print_tag_card (TRUE, tag);

  return NEXOR_CLI_EXIT_OK;
}

/* nexor tags update ID [--name TEXT] [--slug TEXT] [--description TEXT]
 *                      [--clear description] [--json] */
static int
tags_update (NexorCli               *cli,
             const NexorCliCommand  *command,
             char                 ***argv)
{
  static const char * const names[] = { N_("tag ID") };
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorTagInput) input = nexor_tag_input_new ();
  g_autoptr(NexorTag) tag = NULL;
  g_autofree char *name = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *description = NULL;
  g_auto(GStrv) clear_values = NULL;
  g_auto(GStrv) clear = NULL;
  gboolean as_json = FALSE;
  NexorClient *client;
  const char *id;
  int status;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("New name"), N_("TEXT") },
    { "slug", 0, 0, G_OPTION_ARG_STRING, &slug, N_("New slug; unique in the account"), N_("TEXT") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &description, N_("New description"), N_("TEXT") },
    { "clear", 0, 0, G_OPTION_ARG_STRING_ARRAY, &clear_values,
      N_("Clear a field (send null); only “description” can be cleared"), N_("FIELD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the updated tag as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, names, G_N_ELEMENTS (names), &status))
    return status;

  id = (*argv)[1];
  if (!nexor_cli_check_uuid (id, _("tag ID"), &error) ||
      (name != NULL && !nexor_cli_check_text (name, _("value of --name"), &error)) ||
      (slug != NULL && !nexor_cli_check_text (slug, _("value of --slug"), &error)))
    return nexor_cli_report_error (cli, error);

  clear = nexor_cli_split_list ((const char * const *) clear_values);
  for (guint i = 0; clear[i] != NULL; i++)
    {
      g_autofree char *shown = nexor_cli_ellipsize (clear[i], 40);

      if (!g_str_equal (clear[i], "description"))
        return nexor_cli_usage_error (cli, _("--clear “%s”: only description can be cleared"),
                                      shown != NULL ? shown : "");
      if (description != NULL)
        return nexor_cli_usage_error (cli, _("--description and --clear description cannot be "
                                      "used together"));
      nexor_tag_input_set_description (input, NULL);
    }

  if (description != NULL)
    {
      if (!g_utf8_validate (description, -1, NULL))
        return nexor_cli_usage_error (cli, _("the value of --description is not valid UTF-8"));
      if (description[0] == '\0')
        return nexor_cli_usage_error (cli, _("the value of --description is empty; to clear it, "
                                      "use --clear description"));
      nexor_tag_input_set_description (input, description);
    }
  if (name != NULL)
    nexor_tag_input_set_name (input, name);
  if (slug != NULL)
    nexor_tag_input_set_slug (input, slug);

  if (name == NULL && slug == NULL && description == NULL && clear[0] == NULL)
    return nexor_cli_usage_error (cli, _("nothing to change: give --name, --slug, --description "
                                  "or --clear description"));

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  tag = nexor_client_update_tag (client, id, input, NULL, &error);
  if (tag == NULL)
    return nexor_cli_report_error (cli, error);

  if (nexor_cli_fields_selected ())
    print_tag_fields (tag);
  else if (as_json)
    print_tag_json (tag);
  else
    print_tag_card (FALSE, tag);

  return NEXOR_CLI_EXIT_OK;
}

/* nexor tags delete ID [--json] */
static int
tags_delete (NexorCli               *cli,
             const NexorCliCommand  *command,
             char                 ***argv)
{
  static const char * const names[] = { N_("tag ID") };
  g_autoptr(GError) error = NULL;
  gboolean as_json = FALSE;
  NexorClient *client;
  const char *id;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print {\"id\": ID, \"deleted\": true}"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, names, G_N_ELEMENTS (names), &status))
    return status;

  id = (*argv)[1];
  if (!nexor_cli_check_uuid (id, _("tag ID"), &error))
    return nexor_cli_report_error (cli, error);

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  if (!nexor_client_delete_tag (client, id, NULL, &error))
    return nexor_cli_report_error (cli, error);
  nexor_cli_recent_forget (NEXOR_CLI_RECENT_TAG, id);

  if (as_json)
    {
      g_autoptr(JsonObject) object = json_object_new ();

      json_object_set_string_member (object, "id", id);
      json_object_set_boolean_member (object, "deleted", TRUE);
      nexor_cli_print_json_object (object);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("Deleted tag %s; it is off every lead now\n"), id);

      nexor_cli_print (message);
    }

  return NEXOR_CLI_EXIT_OK;
}

const NexorCliCommand nexor_cli_tags_commands[] = {
  { "list", NULL, N_("List the account's tags"), tags_list, NULL, &nexor_cli_kind_tag },
  { "create", N_("NAME SLUG"), N_("Create a tag"), tags_create, NULL, &nexor_cli_kind_tag, "" },
  { "update", N_("ID"), N_("Rename a tag, change its slug or description"), tags_update, NULL, &nexor_cli_kind_tag },
  { "delete", N_("ID"), N_("Delete a tag; it is taken off every lead"), tags_delete, NULL },
  { NULL, NULL, NULL, NULL, NULL },
};

/* nexor lead tags ID [--set NAMES | --add TAG_IDS] [--json] */
int
nexor_cli_lead_tags (NexorCli               *cli,
                     const NexorCliCommand  *command,
                     char                 ***argv)
{
  static const char * const names[] = { N_("lead ID") };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) set_values = NULL;
  g_auto(GStrv) add_values = NULL;
  gboolean as_json = FALSE;
  NexorClient *client;
  const char *id;
  int status;
  const GOptionEntry entries[] = {
    { "set", 0, 0, G_OPTION_ARG_STRING_ARRAY, &set_values,
      N_("Replace the lead's tags with these, by name; new names become new tags; "
      "--set '' removes them all"), N_("NAMES") },
    { "add", 0, 0, G_OPTION_ARG_STRING_ARRAY, &add_values,
      N_("Add these tags, by ID, keeping the others (comma-separated or repeated)"), N_("TAG_IDS") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the server's answer as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, names, G_N_ELEMENTS (names), &status))
    return status;

  id = (*argv)[1];
  if (!nexor_cli_check_uuid (id, _("lead ID"), &error))
    return nexor_cli_report_error (cli, error);
  if (set_values != NULL && add_values != NULL)
    return nexor_cli_usage_error (cli, _("--set and --add cannot be used together"));

  if (set_values != NULL)
    {
      g_auto(GStrv) tag_names = nexor_cli_split_list ((const char * const *) set_values);
      g_autoptr(NexorTagSyncResult) result = NULL;

      for (guint i = 0; tag_names[i] != NULL; i++)
        if (!nexor_cli_check_text (tag_names[i], _("tag name"), &error))
          return nexor_cli_report_error (cli, error);

      client = nexor_cli_get_client (cli, &error);
      if (client == NULL)
        return nexor_cli_report_error (cli, error);

      result = nexor_client_sync_lead_tags (client, id, NULL, (const char * const *) tag_names,
                                            NULL, &error);
      if (result == NULL)
        return nexor_cli_report_error (cli, error);

      if (nexor_cli_fields_selected ())
        {
          nexor_cli_fields_print_list (nexor_tag_sync_result_get_tags (result),
                                       (NexorCliDupJsonFunc) nexor_tag_dup_json, G_MAXUINT);
        }
      else if (as_json)
        {
          g_autoptr(JsonObject) raw = nexor_tag_sync_result_dup_json (result);
          g_autoptr(JsonObject) object = nexor_cli_json_unwrap (raw);

          nexor_cli_print_json_object (object);
        }
      else
        {
          const char * const *added = nexor_tag_sync_result_get_added (result);
          const char * const *removed = nexor_tag_sync_result_get_removed (result);
          g_autofree char *counts =
            g_strdup_printf (_("%'u added, %'u removed\n"),
                             added != NULL ? g_strv_length ((char **) added) : 0,
                             removed != NULL ? g_strv_length ((char **) removed) : 0);

          print_tag_table (nexor_tag_sync_result_get_tags (result), FALSE,
                           _("The lead has no tags now.\n"));
          nexor_cli_print (counts);
        }
    }
  else if (add_values != NULL)
    {
      g_auto(GStrv) tag_ids = nexor_cli_split_list ((const char * const *) add_values);
      g_autoptr(GListModel) tags = NULL;

      if (tag_ids[0] == NULL)
        return nexor_cli_usage_error (cli, _("--add: no tag IDs given"));
      for (guint i = 0; tag_ids[i] != NULL; i++)
        if (!nexor_cli_check_uuid (tag_ids[i], _("tag ID"), &error))
          return nexor_cli_report_error (cli, error);

      client = nexor_cli_get_client (cli, &error);
      if (client == NULL)
        return nexor_cli_report_error (cli, error);

      nexor_cli_set_check_command (cli, "lead", "tags", id, NULL);
      tags = nexor_client_assign_lead_tags (client, id, (const char * const *) tag_ids, NULL, &error);
      if (tags == NULL)
        return nexor_cli_report_error (cli, error);

      if (nexor_cli_fields_selected ())
        nexor_cli_fields_print_list (tags, (NexorCliDupJsonFunc) nexor_tag_dup_json, G_MAXUINT);
      else if (as_json)
        nexor_cli_print_json_list (tags, (NexorCliDupJsonFunc) nexor_tag_dup_json, G_MAXUINT);
      else
        print_tag_table (tags, FALSE, _("No tags were added.\n"));
    }
  else
    {
      g_autoptr(GListModel) tags = NULL;

      client = nexor_cli_get_client (cli, &error);
      if (client == NULL)
        return nexor_cli_report_error (cli, error);

      tags = nexor_client_list_lead_tags (client, id, NULL, &error);
      if (tags == NULL)
        return nexor_cli_report_error (cli, error);

      if (nexor_cli_fields_selected ())
        nexor_cli_fields_print_list (tags, (NexorCliDupJsonFunc) nexor_tag_dup_json, G_MAXUINT);
      else if (as_json)
        nexor_cli_print_json_list (tags, (NexorCliDupJsonFunc) nexor_tag_dup_json, G_MAXUINT);
      else
        print_tag_table (tags, FALSE, _("The lead has no tags.\n"));
    }

  return NEXOR_CLI_EXIT_OK;
}

/* nexor team [--json] */
int
nexor_cli_team (NexorCli               *cli,
                const NexorCliCommand  *command,
                char                 ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) team = NULL;
  gboolean as_json = FALSE;
  NexorClient *client;
  guint n;
  int status;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json,
      N_("Print a JSON array of the members, as the server sent them"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!nexor_cli_parse_options (cli, command, entries, argv, &status))
    return status;
  if (!nexor_cli_check_positionals (cli, *argv, NULL, 0, &status))
    return status;

  client = nexor_cli_get_client (cli, &error);
  if (client == NULL)
    return nexor_cli_report_error (cli, error);

  team = nexor_client_list_team_members (client, NULL, &error);
  if (team == NULL)
    return nexor_cli_report_error (cli, error);

  n = g_list_model_get_n_items (team);
  if (nexor_cli_fields_selected ())
    {
      nexor_cli_fields_print_list (team, (NexorCliDupJsonFunc) nexor_team_member_dup_json,
                                   G_MAXUINT);
    }
  else if (as_json)
    {
      nexor_cli_print_json_list (team, (NexorCliDupJsonFunc) nexor_team_member_dup_json, G_MAXUINT);
    }
  else if (n == 0)
    {
      nexor_cli_print (_("No active team members.\n"));
    }
  else
    {
      g_autoptr(NexorCliTable) table = nexor_cli_table_new (4);
      g_autoptr(GString) out = g_string_new (NULL);

      nexor_cli_table_add_header (table, _("NAME"), _("EMAIL"), _("EXTERNAL ID"), _("ID"));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(NexorTeamMember) member = g_list_model_get_item (team, i);

          nexor_cli_table_add_row (table, nexor_team_member_get_name (member),
                                   nexor_team_member_get_email (member),
                                   nexor_team_member_get_external_id (member),
                                   nexor_team_member_get_id (member));
        }
      nexor_cli_table_render (table, "", out);
      nexor_cli_print (out->str);
    }

  return NEXOR_CLI_EXIT_OK;
}
