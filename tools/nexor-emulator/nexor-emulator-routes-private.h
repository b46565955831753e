/* nexor-emulator-routes-private.h: what the route files share
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-emulator-routes.h"
#include "nexor-emulator-store-private.h"

G_BEGIN_DECLS

typedef struct {
  NexorEmulatorStore *store;
  const char * const *params;   /* the path's {} segments, decoded */
  GHashTable         *query;    /* name → value, decoded; never NULL */
  JsonNode           *body;     /* the parsed body; an empty object when there was none */
  guint               status;   /* set by the handler's reply */
} NexorEmulatorRequest;

/* A handler answers with a body and sets request->status. It must check the
 * whole request before it changes anything, so an error changes nothing. */
typedef JsonNode *(*NexorEmulatorRouteFunc) (NexorEmulatorRequest *request);

JsonNode   *nexor_emulator_reply                 (NexorEmulatorRequest *request,
                                                  guint                 status,
                                                  JsonObject           *body);
JsonNode   *nexor_emulator_reply_error           (NexorEmulatorRequest *request,
                                                  guint                 status,
                                                  const char           *error,
                                                  const char           *message);
JsonNode   *nexor_emulator_reply_invalid         (NexorEmulatorRequest *request,
                                                  const char           *format,
                                                  ...) G_GNUC_PRINTF (2, 3);
JsonNode   *nexor_emulator_reply_lead_not_found  (NexorEmulatorRequest *request);
JsonNode   *nexor_emulator_reply_workflow_not_found (NexorEmulatorRequest *request);
JsonObject *nexor_emulator_request_body_object   (NexorEmulatorRequest *request);

/* Member checks over a request body: NULL when absent; an error message
 * (to free) when present with the wrong type. */
char       *nexor_emulator_check_string          (JsonObject           *body,
                                                  const char           *name,
                                                  gboolean              nullable,
                                                  gboolean             *out_present,
                                                  const char          **out_value);
char       *nexor_emulator_check_boolean         (JsonObject           *body,
                                                  const char           *name,
                                                  gboolean             *out_present,
                                                  gboolean             *out_value);

/* A tags member: an array of names, deduplicated by slug, each slug
 * non-empty. Returns an error message (to free) or NULL. */
char       *nexor_emulator_parse_tag_names       (JsonNode             *node,
                                                  GPtrArray           **out_names,
                                                  GPtrArray           **out_slugs);

/* Leads (nexor-emulator-routes-leads.c) */

/* Picks the workflow of a lead a processor routes, from the lead as sent
 * (@item) and its metadata after the automatic mapping. */
typedef JsonObject *(*NexorEmulatorWorkflowChooser) (JsonObject *item,
                                                     JsonObject *metadata,
                                                     gpointer    user_data);

#define NEXOR_EMULATOR_MAX_BULK_LEADS 1000

char     *nexor_emulator_create_routed_lead      (NexorEmulatorStore           *store,
                                                  JsonObject                   *item,
                                                  NexorEmulatorWorkflowChooser  choose,
                                                  gpointer                      choose_data,
                                                  const char                   *now,
                                                  JsonObject                   *body);

JsonNode *nexor_emulator_route_create_leads      (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_get_lead          (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_search_leads      (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_update_lead       (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_assign_lead_workflow   (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_set_status        (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_stop_lead_automation   (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_resume_lead_automation (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_is_lead_paused         (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_history           (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_meetings          (NexorEmulatorRequest *request);

/* Tags and team (nexor-emulator-routes-tags.c) */
JsonNode *nexor_emulator_route_sync_lead_tags    (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_list_lead_tags    (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_assign_lead_tags  (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_list_tags         (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_create_tag        (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_update_tag        (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_delete_tag        (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_list_team_members         (NexorEmulatorRequest *request);

/* Conversions (nexor-emulator-routes-conversions.c) */
JsonNode *nexor_emulator_route_create_conversion       (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_list_conversions        (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_list_conversion_types   (NexorEmulatorRequest *request);

/* Meetings and notes (nexor-emulator-routes-meetings.c) */
JsonObject *nexor_emulator_render_meeting_listed     (JsonObject           *meeting);
JsonNode *nexor_emulator_route_create_meeting        (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_cancel_meeting        (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_mark_meeting_no_show  (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_complete_meeting      (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_create_meeting_note   (NexorEmulatorRequest *request);
/* Messages and templates (nexor-emulator-routes-messages.c) */
JsonNode *nexor_emulator_route_send_message      (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_list_templates    (NexorEmulatorRequest *request);
/* Moves each of the lead's AI calls one status on, after a history read. */
void      nexor_emulator_advance_calls           (NexorEmulatorStore   *store,
                                                  NexorEmulatorLead    *lead);

/* A query number: @fallback when absent, FALSE when not within [min, max]. */
gboolean  nexor_emulator_parse_count   (const char *value,
                                        guint64     min,
                                        guint64     max,
                                        guint64     fallback,
                                        guint64    *out);
/* Workflows and campaigns (nexor-emulator-routes-catalog.c) */
JsonNode *nexor_emulator_route_list_workflows    (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_get_workflow      (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_list_campaigns    (NexorEmulatorRequest *request);

/* Processors, rules and routing (nexor-emulator-routes-processors.c) */
JsonNode *nexor_emulator_route_create_processor  (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_get_processor     (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_update_processor  (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_delete_processor  (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_create_processor_rule   (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_update_processor_rule   (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_delete_processor_rule   (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_reorder_processor_rules (NexorEmulatorRequest *request);
JsonNode *nexor_emulator_route_route_leads       (NexorEmulatorRequest *request);

/* Webhook events (nexor-emulator-events.c). Raised after the change, so
 * the data shows the state it led to. */
void      nexor_emulator_raise_run_changed       (NexorEmulatorStore   *store,
                                                  NexorEmulatorLead    *lead,
                                                  JsonObject           *run,
                                                  JsonObject           *from_status,
                                                  const char           *trigger_type,
                                                  const char           *actor_type,
                                                  const char           *actor_id,
                                                  const char           *reason);
void      nexor_emulator_raise_meeting_event     (NexorEmulatorStore   *store,
                                                  NexorEmulatorLead    *lead,
                                                  JsonObject           *meeting,
                                                  const char           *event_type);
JsonObject *nexor_emulator_run_status            (NexorEmulatorStore   *store,
                                                  JsonObject           *run);

G_END_DECLS
