/* nexor-emulator-routes-catalog.c: workflows and campaigns
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The docs name GET /workflows, GET /workflows/{id} and GET /campaigns but
 * show no page for them: the shapes here are the emulator's choice (see
 * README.md), built from the members the documented lead answers embed.
 */

#include "nexor-emulator-routes-private.h"

#include <libsoup/soup.h>

/* GET /workflows */

JsonNode *
nexor_emulator_route_list_workflows (NexorEmulatorRequest *request)
{
  JsonArray *workflows = json_array_new ();
  JsonObject *body = json_object_new ();

  for (guint i = 0; i < request->store->workflows->len; i++)
    json_array_add_object_element (workflows,
                                   nexor_emulator_render_workflow (g_ptr_array_index (request->store->workflows, i)));

  json_object_set_boolean_member (body, "success", TRUE);
  json_object_set_array_member (body, "workflows", workflows);

  return nexor_emulator_reply (request, SOUP_STATUS_OK, body);
}

/* GET /workflows/{id} */

JsonNode *
nexor_emulator_route_get_workflow (NexorEmulatorRequest *request)
{
  JsonObject *workflow = nexor_emulator_store_find_workflow (request->store, request->params[0]);
  JsonObject *body;

  if (workflow == NULL)
    return nexor_emulator_reply_workflow_not_found (request);

  body = json_object_new ();
  json_object_set_boolean_member (body, "success", TRUE);
  json_object_set_object_member (body, "workflow", nexor_emulator_render_workflow (workflow));

  return nexor_emulator_reply (request, SOUP_STATUS_OK, body);
}

/* GET /campaigns */

JsonNode *
nexor_emulator_route_list_campaigns (NexorEmulatorRequest *request)
{
  JsonArray *campaigns = json_array_new ();
  JsonObject *body = json_object_new ();

  for (guint i = 0; i < request->store->campaigns->len; i++)
    json_array_add_object_element (campaigns,
                                   nexor_emulator_render_campaign (g_ptr_array_index (request->store->campaigns, i)));

  json_object_set_boolean_member (body, "success", TRUE);
  json_object_set_array_member (body, "campaigns", campaigns);

  return nexor_emulator_reply (request, SOUP_STATUS_OK, body);
}
