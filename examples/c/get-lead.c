/* get-lead.c: fetch one lead with nexor-glib, blocking and asynchronously
 *
 *   cc get-lead.c $(pkg-config --cflags --libs nexor-glib-1) -o get-lead
 *   NEXOR_API_KEY=nxr_live_… ./get-lead [LEAD_ID]
 *
 * NEXOR_BASE_URL selects another server, e.g. a local nexor-emulator:
 *   NEXOR_BASE_URL=http://127.0.0.1:8765/api/public \
 *   NEXOR_API_KEY=nxr_live_emulator_demo_key ./get-lead
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <nexor-glib.h>

#define EXAMPLE_LEAD_ID "123e4567-e89b-12d3-a456-426614174000"

static void
print_lead (NexorLead *lead)
{
  NexorCampaign *campaign = nexor_lead_get_campaign (lead);
  NexorWorkflowRun *run = nexor_lead_get_active_workflow_run (lead);
  GListModel *variables = nexor_lead_get_variables (lead);
  GDateTime *created_at = nexor_lead_get_created_at (lead);

  const char *last_name = nexor_lead_get_last_name (lead);
  const char *email = nexor_lead_get_email (lead);

  g_print ("%s%s%s <%s>\n",
           nexor_lead_get_first_name (lead),
           last_name ? " " : "", last_name ? last_name : "",
           email ? email : "no email");
  g_print ("  company:  %s\n", nexor_lead_get_company (lead) ? nexor_lead_get_company (lead) : "-");
  if (campaign != NULL)
    g_print ("  campaign: %s\n", nexor_campaign_get_name (campaign));
  if (run != NULL && nexor_workflow_run_get_workflow (run) != NULL)
    g_print ("  workflow: %s\n", nexor_workflow_get_name (nexor_workflow_run_get_workflow (run)));
  if (run != NULL && nexor_workflow_run_get_current_status (run) != NULL)
    g_print ("  status:   %s\n",
             nexor_workflow_status_get_label (nexor_workflow_run_get_current_status (run)));
  if (created_at != NULL)
    {
      g_autofree char *text = g_date_time_format_iso8601 (created_at);
      g_print ("  created:  %s\n", text);
    }

  for (guint i = 0; i < g_list_model_get_n_items (variables); i++)
    {
      g_autoptr(NexorVariable) variable = g_list_model_get_item (variables, i);

      g_print ("  %s = %s (confidence %.2f)\n",
               nexor_variable_get_name (variable),
               nexor_variable_get_value_text (variable),
               nexor_variable_get_confidence (variable));
    }
}

typedef struct {
  GMainLoop *loop;
  int exit_status;
} Request;

static void
on_lead_ready (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Request *request = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorLead) lead = NULL;

  lead = nexor_client_get_lead_finish (NEXOR_CLIENT (source), result, &error);
  if (lead == NULL)
    {
      g_printerr ("get_lead_async: %s\n", error->message);
      request->exit_status = 1;
    }
  else
    {
      g_print ("\nThe same lead, fetched asynchronously:\n");
      print_lead (lead);
    }

  g_main_loop_quit (request->loop);
}

int
main (int   argc,
      char *argv[])
{
  const char *lead_id = argc > 1 ? argv[1] : EXAMPLE_LEAD_ID;
  g_autoptr(NexorClient) client = NULL;
  g_autoptr(NexorLead) lead = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  Request request = { NULL, 0 };

  /* NEXOR_API_KEY, and NEXOR_BASE_URL if set. */
  client = nexor_client_new_from_environment (&error);
  if (client == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* Blocking: fine in a command-line tool or a worker thread. */
  lead = nexor_client_get_lead (client, lead_id, NULL, &error);
  if (lead == NULL)
    {
      if (g_error_matches (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND))
        g_printerr ("No lead %s\n", lead_id);
      else
        g_printerr ("get_lead: %s\n", error->message);
      return 1;
    }
  print_lead (lead);

  /* Asynchronous: what a GTK app does. The callback runs in this thread's
   * main context once the response has arrived. */
  loop = g_main_loop_new (NULL, FALSE);
  request.loop = loop;
  nexor_client_get_lead_async (client, lead_id, NULL, on_lead_ready, &request);
  g_main_loop_run (loop);

  return request.exit_status;
}
