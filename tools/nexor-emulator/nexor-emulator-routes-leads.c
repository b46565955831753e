/* nexor-emulator-routes-leads.c: create, update, enroll, status, takeover,
 * history and meetings of leads
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every handler checks the whole request first and changes the store only
 * once nothing can fail any more: a request that gets an error changes
 * nothing. Each change also appends an activity to the lead's history.
 */

#include "nexor-emulator-routes-private.h"

#include <string.h>

#include <libsoup/soup.h>

#include "nexor-emulator-json.h"

#define NO_RUN_ERROR "No active workflow run found for this lead and workflow"

static const char * const cadence_channels[] = { "call", "whatsapp", "email", "sms", NULL };

/* Lead input, shared by create and update */

/* Top-level members of a Create Lead body that are not moved into metadata:
 * the doc's core columns, plus the fields the other lead pages and the
 * service's own guides treat as lead fields. */
static const char * const create_known_members[] = {
  "first_name", "last_name", "email", "phone", "workflow_id", "campaign_id",
  "force_first_message", "source", "company", "title", "external_id", "tags",
  "skip_first_message", "force_first_channel", "metadata", NULL
};

/* String columns of a lead, in the order they are stored. */
static const char * const lead_string_fields[] = {
  "first_name", "last_name", "email", "phone", "source", "company", "title", "external_id", NULL
};

static gboolean
looks_like_email (const char *email)
{
  const char *at = strchr (email, '@');
  const char *dot;

  if (at == NULL || at == email || strchr (at + 1, '@') != NULL)
    return FALSE;

  for (const char *p = email; *p != '\0'; p++)
    if (g_ascii_isspace (*p))
      return FALSE;

  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

static gboolean
looks_like_phone (const char *phone)
{
  gboolean digit = FALSE;

  for (const char *p = phone; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digit = TRUE;
      else if (strchr (" +-().", *p) == NULL)
        return FALSE;
    }

  return digit;
}

static gboolean
is_blank_string (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

/* Checks email and phone values (non-empty ones) of @body. */
static char *
check_contact_formats (JsonObject *body)
{
  const char *email = nexor_emulator_json_string (body, "email");
  const char *phone = nexor_emulator_json_string (body, "phone");

  if (!is_blank_string (email) && !looks_like_email (email))
    {
      g_autofree char *shown = nexor_emulator_quote (email, -1, NEXOR_EMULATOR_QUOTE_CHARS);

      return g_strdup_printf ("email “%s” is not a valid email address", shown);
    }

  if (!is_blank_string (phone) && !looks_like_phone (phone))
    {
      g_autofree char *shown = nexor_emulator_quote (phone, -1, NEXOR_EMULATOR_QUOTE_CHARS);

      return g_strdup_printf ("phone “%s” is not a valid phone number", shown);
    }

  return NULL;
}

typedef struct {
  JsonObject        *item;            /* the request's lead object */
  NexorEmulatorLead *match;           /* the lead it upserts, or NULL */
  JsonObject        *metadata;        /* mapped extras, then explicit metadata over them */
  JsonObject        *workflow;
  JsonObject        *campaign;
  GPtrArray         *tag_names;
  GPtrArray         *tag_slugs;
  JsonObject        *first_message;   /* force_first_message */
  gboolean           skip_first_message;
  const char        *first_channel;   /* force_first_channel */
} LeadInput;

static void
lead_input_clear (LeadInput *input)
{
  g_clear_pointer (&input->metadata, json_object_unref);
  g_clear_pointer (&input->tag_names, g_ptr_array_unref);
  g_clear_pointer (&input->tag_slugs, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LeadInput, lead_input_clear)

static char *
parse_first_message (LeadInput *input,
                     JsonNode  *node)
{
  JsonObject *message;
  const char *channel;
  const char *content;
  const char *subject;
  const char *sender_id;
  gboolean present;
  char *problem;

  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup ("force_first_message must be an object");

  message = json_node_get_object (node);

  if ((problem = nexor_emulator_check_string (message, "channel", FALSE, &present, &channel)) != NULL ||
      (problem = nexor_emulator_check_string (message, "content", FALSE, &present, &content)) != NULL ||
      (problem = nexor_emulator_check_string (message, "subject", TRUE, &present, &subject)) != NULL ||
      (problem = nexor_emulator_check_string (message, "sender_id", TRUE, &present, &sender_id)) != NULL)
    {
      char *full = g_strconcat ("force_first_message.", problem, NULL);
      g_free (problem);
      return full;
    }

  if (g_strcmp0 (channel, "whatsapp") != 0 && g_strcmp0 (channel, "email") != 0)
    return g_strdup ("force_first_message.channel must be \"whatsapp\" or \"email\"");

  if (is_blank_string (content))
    return g_strdup ("force_first_message.content is required");

  if (g_str_equal (channel, "email") && is_blank_string (subject))
    return g_strdup ("force_first_message.subject is required for the email channel");

  input->first_message = message;
  return NULL;
}

/* The lead's value of @field after this upsert: the incoming one if it is
 * not empty, else what the matched lead has. */
static const char *
merged_string (LeadInput  *input,
               const char *field)
{
  const char *incoming = nexor_emulator_json_string (input->item, field);

  if (!is_blank_string (incoming))
    return incoming;

  if (input->match != NULL)
    return nexor_emulator_json_string (nexor_emulator_lead_core (input->match), field);

  return NULL;
}

/* What the workflow the lead goes into asks of it, once @input knows the
 * workflow and the lead it upserts: a workflow with call steps needs the
 * lead's phone (nexor-api.md §3.1 and §3.27; an upserted lead may already
 * have one). Whatever puts a lead into a workflow checks it here, before
 * lead_input_apply() changes anything. */
static char *
lead_input_check_workflow (LeadInput *input)
{
  if (input->workflow != NULL &&
      nexor_emulator_workflow_has_call_steps (input->workflow) &&
      merged_string (input, "phone") == NULL)
    return g_strdup ("phone is required if the target workflow has call steps");

  return NULL;
}

/* Checks one lead object of a Create Lead body. Returns the error message,
 * or NULL with @input filled in. With @choose, the lead is one a processor
 * routes: it names no workflow, @choose picks it from the lead as sent. */
static char *
lead_input_parse (NexorEmulatorStore           *store,
                  JsonObject                   *item,
                  NexorEmulatorWorkflowChooser  choose,
                  gpointer                      choose_data,
                  LeadInput                    *input)
{
  g_autoptr(GList) names = NULL;
  const char *text;
  gboolean present;
  char *problem;
  JsonNode *node;

  input->item = item;

  for (guint i = 0; lead_string_fields[i] != NULL; i++)
    if ((problem = nexor_emulator_check_string (item, lead_string_fields[i], TRUE, &present, &text)) != NULL)
      return problem;

  if (is_blank_string (nexor_emulator_json_string (item, "first_name")))
    return g_strdup ("first_name is required");

  if ((problem = check_contact_formats (item)) != NULL)
    return problem;

  if ((problem = nexor_emulator_check_string (item, "workflow_id", TRUE, &present, &text)) != NULL)
    return problem;
  if (present && choose != NULL)
    return g_strdup ("workflow_id cannot be sent to a processor: its rules choose the workflow");
  if (text != NULL)
    {
      input->workflow = nexor_emulator_store_find_workflow (store, text);
      if (input->workflow == NULL)
        return g_strdup ("workflow_id not found or does not belong to your account");
    }

  if ((problem = nexor_emulator_check_string (item, "campaign_id", TRUE, &present, &text)) != NULL)
    return problem;
  if (text != NULL)
    {
      input->campaign = nexor_emulator_store_find_campaign (store, text);
      if (input->campaign == NULL)
        return g_strdup ("campaign_id not found or does not belong to your account");
    }

  node = json_object_get_member (item, "metadata");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node) && !JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup ("metadata must be an object");

  input->metadata = json_object_new ();
  /* Everything else at the top level is metadata; explicit metadata wins. */
  names = json_object_get_members (item);
  for (GList *l = names; l != NULL; l = l->next)
    if (!g_strv_contains (create_known_members, l->data))
      json_object_set_member (input->metadata, l->data,
                              nexor_emulator_json_node_deep_copy (json_object_get_member (item, l->data)));

  node = json_object_get_member (item, "metadata");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(GList) explicit_names = json_object_get_members (json_node_get_object (node));

      for (GList *l = explicit_names; l != NULL; l = l->next)
        json_object_set_member (input->metadata, l->data,
                                nexor_emulator_json_node_deep_copy (
                                  json_object_get_member (json_node_get_object (node), l->data)));
    }

  /* Routing reads the lead with its mapped metadata, and what it picks is
   * then checked as a workflow_id sent to Create Lead would be. */
  if (choose != NULL)
    input->workflow = choose (item, input->metadata, choose_data);

  node = json_object_get_member (item, "tags");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if ((problem = nexor_emulator_parse_tag_names (node, &input->tag_names, &input->tag_slugs)) != NULL)
        return problem;
    }

  if ((problem = nexor_emulator_check_boolean (item, "skip_first_message", &present,
                                               &input->skip_first_message)) != NULL)
    return problem;

  if ((problem = nexor_emulator_check_string (item, "force_first_channel", TRUE, &present, &text)) != NULL)
    return problem;
  if (text != NULL)
    {
      if (!g_strv_contains (cadence_channels, text))
        return g_strdup ("force_first_channel must be one of call, whatsapp, email, sms");
      input->first_channel = text;
    }

  node = json_object_get_member (item, "force_first_message");
  if (node != NULL && (problem = parse_first_message (input, node)) != NULL)
    return problem;

  if ((input->first_message != NULL || input->skip_first_message || input->first_channel != NULL) &&
      input->workflow == NULL)
    return g_strdup ("force_first_message, skip_first_message and force_first_channel require workflow_id");

  /* Upsert: the email first, then the phone's digits. */
  input->match = nexor_emulator_store_find_by_email (store, nexor_emulator_json_string (item, "email"));
  if (input->match == NULL)
    input->match = nexor_emulator_store_find_by_phone (store, nexor_emulator_json_string (item, "phone"));

  if (input->first_message != NULL)
    {
      const char *channel = nexor_emulator_json_string (input->first_message, "channel");

      if (g_str_equal (channel, "email") && merged_string (input, "email") == NULL)
        return g_strdup ("force_first_message by email needs the lead's email");
      if (g_str_equal (channel, "whatsapp") && merged_string (input, "phone") == NULL)
        return g_strdup ("force_first_message by WhatsApp needs the lead's phone");
    }

  /* The phone rule holds for a workflow a processor chose too. */
  if ((problem = lead_input_check_workflow (input)) != NULL)
    return problem;

  return NULL;
}

/* Shallow merge: top-level members of @incoming replace those of @metadata.
 * Returns whether anything changed. */
static gboolean
merge_metadata (JsonObject *metadata,
                JsonObject *incoming)
{
  g_autoptr(GList) names = json_object_get_members (incoming);
  gboolean changed = FALSE;

  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (incoming, l->data);
      JsonNode *old = json_object_get_member (metadata, l->data);

      if (old != NULL && json_node_equal (old, value))
        continue;

      json_object_set_member (metadata, l->data, nexor_emulator_json_node_deep_copy (value));
      changed = TRUE;
    }

  return changed;
}

/* Adds the tags named by slug to @lead, creating unknown ones. Returns
 * whether the lead got a tag it did not have. */
static gboolean
add_tags_by_name (NexorEmulatorStore *store,
                  NexorEmulatorLead  *lead,
                  GPtrArray          *names,
                  GPtrArray          *slugs)
{
  JsonArray *tag_ids = nexor_emulator_lead_tag_ids (lead);
  gboolean added = FALSE;

  for (guint i = 0; names != NULL && i < names->len; i++)
    {
      JsonObject *tag = nexor_emulator_store_find_tag_by_slug (store, g_ptr_array_index (slugs, i));
      const char *id;
      gboolean has = FALSE;

      if (tag == NULL)
        tag = nexor_emulator_store_add_tag (store, g_ptr_array_index (names, i),
                                            g_ptr_array_index (slugs, i), NULL);

      id = nexor_emulator_json_string (tag, "id");
      for (guint j = 0; j < json_array_get_length (tag_ids) && !has; j++)
        has = nexor_emulator_id_equal (json_array_get_string_element (tag_ids, j), id);

      if (!has)
        {
          json_array_add_string_element (tag_ids, id);
          added = TRUE;
        }
    }

  return added;
}

static void
add_first_message (NexorEmulatorLead *lead,
                   JsonObject        *message,
                   const char        *now)
{
  g_autofree char *id = nexor_emulator_new_id ();
  const char *channel = nexor_emulator_json_string (message, "channel");
  JsonObject *item = json_object_new ();

  json_object_set_string_member (item, "type", "message");
  json_object_set_string_member (item, "id", id);
  json_object_set_string_member (item, "channel", channel);
  json_object_set_string_member (item, "direction", "outbound");
  if (g_str_equal (channel, "email"))
    json_object_set_string_member (item, "subject", nexor_emulator_json_string (message, "subject"));
  json_object_set_string_member (item, "content", nexor_emulator_json_string (message, "content"));
  json_object_set_string_member (item, "message_type", "text");
  json_object_set_null_member (item, "media_url");
  json_object_set_null_member (item, "attachments");
  json_object_set_string_member (item, "status", "sent");
  if (g_str_equal (channel, "whatsapp"))
    {
      g_autofree char *wamid = g_strdup_printf ("wamid.%.8s", id);
      json_object_set_string_member (item, "provider_message_id", wamid);
    }
  json_object_set_string_member (item, "sent_at", now);
  json_object_set_null_member (item, "delivered_at");
  json_object_set_null_member (item, "read_at");
  json_object_set_null_member (item, "reaction");
  json_object_set_string_member (item, "timestamp", now);

  json_array_add_object_element (nexor_emulator_lead_history (lead), item);
}

/* Enrolls @lead in @workflow, ending a run in another workflow. Returns
 * the run the lead is now in. */
static JsonObject *
enroll (NexorEmulatorStore *store,
        NexorEmulatorLead  *lead,
        LeadInput          *input,
        const char         *now,
        gboolean           *out_started)
{
  JsonObject *active = nexor_emulator_lead_active_run (lead);
  JsonObject *previous_workflow = NULL;
  const char *name = nexor_emulator_json_string (input->workflow, "name");
  g_autofree char *title = NULL;
  guint first_step;
  JsonObject *run;

  /* Already in this workflow: the run goes on as it is. */
  if (active != NULL &&
      nexor_emulator_id_equal (nexor_emulator_json_string (active, "workflow_id"),
                               nexor_emulator_json_string (input->workflow, "id")))
    {
      *out_started = FALSE;
      return active;
    }

  *out_started = TRUE;

  if (active != NULL)
    {
      previous_workflow = nexor_emulator_store_find_workflow (store, nexor_emulator_json_string (active, "workflow_id"));
      nexor_emulator_run_end (active, "transferred", "Enrolled in another workflow by Create Lead", now);
      /* The run that ends keeps its status; what changed is that it ended. */
      nexor_emulator_raise_run_changed (store, lead, active, nexor_emulator_run_status (store, active),
                                        "reassignment", "api", NULL,
                                        "Enrolled in another workflow by Create Lead");
    }

  /* A forced or skipped first message takes the first touchpoint: the
   * cadence goes on from the second. */
  first_step = (input->first_message != NULL || input->skip_first_message) ? 1 : 0;
  run = nexor_emulator_lead_start_run (lead, input->workflow, first_step,
                                       first_step == 0 ? input->first_channel : NULL, now);
  nexor_emulator_raise_run_changed (store, lead, run, NULL,
                                    active != NULL ? "reassignment" : "enrollment", "api", NULL, NULL);

  if (previous_workflow != NULL)
    {
      title = g_strdup_printf ("Moved from %s to %s", nexor_emulator_json_string (previous_workflow, "name"), name);
      nexor_emulator_lead_add_activity (lead, "workflow_reassigned", title, "Lead enrolled via API", "api", now);
    }
  else
    {
      title = g_strdup_printf ("Assigned to %s", name);
      nexor_emulator_lead_add_activity (lead, "workflow_assigned", title, "Lead enrolled via API", "api", now);
    }

  if (input->first_message != NULL)
    add_first_message (lead, input->first_message, now);

  return run;
}

static NexorEmulatorLead *
lead_input_apply (NexorEmulatorStore  *store,
                  LeadInput           *input,
                  const char          *now,
                  gboolean            *out_existed,
                  JsonObject         **out_run)
{
  NexorEmulatorLead *lead = input->match;
  g_autoptr(GString) changed = g_string_new (NULL);
  gboolean wrote;
  gboolean started = FALSE;

  if (lead == NULL)
    {
      g_autofree char *id = nexor_emulator_new_id ();
      JsonObject *core = json_object_new ();

      json_object_set_string_member (core, "id", id);
      for (guint i = 0; lead_string_fields[i] != NULL; i++)
        {
          const char *value = nexor_emulator_json_string (input->item, lead_string_fields[i]);

          nexor_emulator_json_set_string_or_null (core, lead_string_fields[i], is_blank_string (value) ? NULL : value);
        }
      if (nexor_emulator_json_string (core, "source") == NULL)
        json_object_set_string_member (core, "source", "api");
      json_object_set_object_member (core, "metadata", json_object_ref (input->metadata));
      json_object_set_string_member (core, "created_at", now);
      json_object_set_string_member (core, "updated_at", now);

      lead = nexor_emulator_store_add_lead (store, core);
      json_object_unref (core);

      nexor_emulator_lead_add_activity (lead, "lead_created", "Lead created", "Created via API", "api", now);
      *out_existed = FALSE;
    }
  else
    {
      JsonObject *core = nexor_emulator_lead_core (lead);

      /* Non-empty incoming fields overwrite; empty and null ones keep what
       * the lead has. */
      for (guint i = 0; lead_string_fields[i] != NULL; i++)
        {
          const char *value = nexor_emulator_json_string (input->item, lead_string_fields[i]);

          if (is_blank_string (value) ||
              g_strcmp0 (value, nexor_emulator_json_string (core, lead_string_fields[i])) == 0)
            continue;

          json_object_set_string_member (core, lead_string_fields[i], value);
          g_string_append_printf (changed, "%s%s", changed->len > 0 ? ", " : "", lead_string_fields[i]);
        }

      if (merge_metadata (json_object_get_object_member (core, "metadata"), input->metadata))
        g_string_append_printf (changed, "%smetadata", changed->len > 0 ? ", " : "");

      *out_existed = TRUE;
    }

  if (input->campaign != NULL &&
      !nexor_emulator_id_equal (nexor_emulator_json_string (lead->entry, "campaign_id"),
                                nexor_emulator_json_string (input->campaign, "id")))
    {
      json_object_set_string_member (lead->entry, "campaign_id",
                                     nexor_emulator_json_string (input->campaign, "id"));
      if (*out_existed)
        g_string_append_printf (changed, "%scampaign_id", changed->len > 0 ? ", " : "");
    }

  if (*out_existed && changed->len > 0)
    {
      g_autofree char *description = g_strdup_printf ("Updated by Create Lead: %s", changed->str);

      nexor_emulator_store_contacts_changed (store);
      nexor_emulator_lead_add_activity (lead, "lead_updated", "Lead updated", description, "api", now);
    }

  wrote = !*out_existed || changed->len > 0;

  if (add_tags_by_name (store, lead, input->tag_names, input->tag_slugs))
    {
      nexor_emulator_lead_add_activity (lead, "tags_changed", "Tags added", "Tagged by Create Lead", "api", now);
      wrote = TRUE;
    }

  *out_run = input->workflow != NULL ? enroll (store, lead, input, now, &started) : NULL;

  /* An upsert that changes nothing is not a write: no save, no new
   * updated_at. */
  if (wrote || started)
    {
      nexor_emulator_lead_touch (lead, now);
      nexor_emulator_store_mark_changed (store);
    }

  return lead;
}

/* The members a created or upserted lead is answered with. */
static void
render_created (NexorEmulatorStore *store,
                JsonObject         *body,
                NexorEmulatorLead  *lead,
                gboolean            existed,
                JsonObject         *run)
{
  json_object_set_object_member (body, "lead", nexor_emulator_render_lead_created (lead));
  json_object_set_boolean_member (body, "existed", existed);
  if (run != NULL)
    json_object_set_object_member (body, "workflow_run", nexor_emulator_render_run_summary (store, run));
}

/**
 * nexor_emulator_create_routed_lead:
 * @store: the state
 * @item: one lead of a route request, as sent
 * @choose: picks the workflow from the lead; never returns NULL
 * @choose_data: data for @choose
 * @now: the request's time
 * @body: where the answer's `lead`, `existed` and `workflow_run` go
 *
 * Creates or upserts and enrolls one lead exactly as Create Lead does,
 * into the workflow @choose picks instead of a `workflow_id` (which @item
 * may not carry).
 *
 * Returns: (transfer full) (nullable): the 400 message, with nothing
 *   changed, or %NULL on success
 */
char *
nexor_emulator_create_routed_lead (NexorEmulatorStore           *store,
                                   JsonObject                   *item,
                                   NexorEmulatorWorkflowChooser  choose,
                                   gpointer                      choose_data,
                                   const char                   *now,
                                   JsonObject                   *body)
{
  g_auto(LeadInput) input = { NULL, };
  NexorEmulatorLead *lead;
  JsonObject *run;
  gboolean existed;
  char *problem;

  g_return_val_if_fail (choose != NULL, NULL);

  problem = lead_input_parse (store, item, choose, choose_data, &input);
  if (problem != NULL)
    return problem;

  lead = lead_input_apply (store, &input, now, &existed, &run);
  render_created (store, body, lead, existed, run);

  return NULL;
}

/* POST /leads */

JsonNode *
nexor_emulator_route_create_leads (NexorEmulatorRequest *request)
{
  g_autofree char *now = nexor_emulator_now ();
  JsonArray *items;
  JsonArray *results;
  JsonObject *body;
  guint created = 0;
  guint failed = 0;

  if (JSON_NODE_HOLDS_OBJECT (request->body))
    {
      g_auto(LeadInput) input = { NULL, };
      g_autofree char *problem = NULL;
      NexorEmulatorLead *lead;
      JsonObject *run;
      gboolean existed;

      problem = lead_input_parse (request->store, json_node_get_object (request->body), NULL, NULL, &input);
      if (problem != NULL)
        return nexor_emulator_reply_invalid (request, "%s", problem);

      lead = lead_input_apply (request->store, &input, now, &existed, &run);

      body = json_object_new ();
      json_object_set_boolean_member (body, "success", TRUE);
      render_created (request->store, body, lead, existed, run);

      return nexor_emulator_reply (request, SOUP_STATUS_CREATED, body);
    }

  if (!JSON_NODE_HOLDS_ARRAY (request->body))
    return nexor_emulator_reply_invalid (request,
                                         "The request body must be a lead object or an array of lead objects");

  items = json_node_get_array (request->body);
  if (json_array_get_length (items) == 0)
    return nexor_emulator_reply_invalid (request, "The array of leads is empty");
  if (json_array_get_length (items) > NEXOR_EMULATOR_MAX_BULK_LEADS)
    return nexor_emulator_reply_invalid (request, "A bulk request takes at most 1,000 leads; this one has %u",
                                         json_array_get_length (items));

  /* Items are taken in order, each on its own: a bad one fails alone, and a
   * later duplicate finds the lead an earlier one created. */
  results = json_array_new ();
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *item = json_array_get_element (items, i);
      g_auto(LeadInput) input = { NULL, };
      g_autofree char *problem = NULL;
      JsonObject *result = json_object_new ();

      json_object_set_int_member (result, "index", i);

      if (!JSON_NODE_HOLDS_OBJECT (item))
        problem = g_strdup ("Each lead must be a JSON object");
      else
        problem = lead_input_parse (request->store, json_node_get_object (item), NULL, NULL, &input);

      if (problem != NULL)
        {
          json_object_set_boolean_member (result, "success", FALSE);
          json_object_set_string_member (result, "error", problem);
          failed++;
        }
      else
        {
          NexorEmulatorLead *lead;
          JsonObject *run;
          gboolean existed;

          lead = lead_input_apply (request->store, &input, now, &existed, &run);

          json_object_set_boolean_member (result, "success", TRUE);
          render_created (request->store, result, lead, existed, run);
          created++;
        }

      json_array_add_object_element (results, result);
    }

  body = json_object_new ();
  json_object_set_boolean_member (body, "success", TRUE);
  json_object_set_int_member (body, "created", created);
  json_object_set_int_member (body, "failed", failed);
  json_object_set_array_member (body, "results", results);

  return nexor_emulator_reply (request, SOUP_STATUS_CREATED, body);
}

/* PUT and PATCH /leads/{id} */

JsonNode *
nexor_emulator_route_update_lead (NexorEmulatorRequest *request)
{
  static const char * const nullable_fields[] = {
    "last_name", "email", "phone", "company", "title", "external_id", NULL
  };
  static const char * const required_fields[] = { "first_name", "source", NULL };
  g_autoptr(GString) changed = g_string_new (NULL);
  g_autofree char *now = nexor_emulator_now ();
  g_autofree char *problem = NULL;
  NexorEmulatorLead *lead;
  JsonObject *body;
  JsonObject *core;
  JsonObject *campaign = NULL;
  JsonNode *metadata;
  const char *text;
  gboolean present;
  gboolean contacts = FALSE;

  lead = nexor_emulator_store_find_lead (request->store, request->params[0]);
  if (lead == NULL)
    return nexor_emulator_reply_lead_not_found (request);

  body = nexor_emulator_request_body_object (request);
  if (body == NULL)
    return nexor_emulator_reply_invalid (request, "The request body must be a JSON object");

  for (guint i = 0; nullable_fields[i] != NULL; i++)
    if ((problem = nexor_emulator_check_string (body, nullable_fields[i], TRUE, &present, &text)) != NULL)
      return nexor_emulator_reply_invalid (request, "%s", problem);

  for (guint i = 0; required_fields[i] != NULL; i++)
    {
      if ((problem = nexor_emulator_check_string (body, required_fields[i], FALSE, &present, &text)) != NULL)
        return nexor_emulator_reply_invalid (request, "%s", problem);
      if (present && is_blank_string (text))
        return nexor_emulator_reply_invalid (request, "%s cannot be empty", required_fields[i]);
    }

  if ((problem = check_contact_formats (body)) != NULL)
    return nexor_emulator_reply_invalid (request, "%s", problem);

  if ((problem = nexor_emulator_check_string (body, "campaign_id", TRUE, &present, &text)) != NULL)
    return nexor_emulator_reply_invalid (request, "%s", problem);
  if (text != NULL)
    {
      campaign = nexor_emulator_store_find_campaign (request->store, text);
      if (campaign == NULL)
        return nexor_emulator_reply_invalid (request, "campaign_id not found or does not belong to your account");
    }

  metadata = json_object_get_member (body, "metadata");
  if (metadata != NULL && !JSON_NODE_HOLDS_OBJECT (metadata))
    return nexor_emulator_reply_invalid (request, "metadata must be an object");

  /* Checked: now change. Fields are replaced as sent, null included. */
  core = nexor_emulator_lead_core (lead);
  for (guint i = 0; lead_string_fields[i] != NULL; i++)
    {
      const char *name = lead_string_fields[i];
      JsonNode *value = json_object_get_member (body, name);
      JsonNode *old = json_object_get_member (core, name);

      if (value == NULL || (old != NULL && json_node_equal (old, value)))
        continue;

      json_object_set_member (core, name, json_node_copy (value));
      g_string_append_printf (changed, "%s%s", changed->len > 0 ? ", " : "", name);
      contacts |= g_str_equal (name, "email") || g_str_equal (name, "phone");
    }

  if (json_object_has_member (body, "campaign_id"))
    {
      const char *id = campaign != NULL ? nexor_emulator_json_string (campaign, "id") : NULL;

      if (g_strcmp0 (id, nexor_emulator_json_string (lead->entry, "campaign_id")) != 0)
        {
          nexor_emulator_json_set_string_or_null (lead->entry, "campaign_id", id);
          g_string_append_printf (changed, "%scampaign_id", changed->len > 0 ? ", " : "");
        }
    }

  if (metadata != NULL &&
      merge_metadata (json_object_get_object_member (core, "metadata"), json_node_get_object (metadata)))
    g_string_append_printf (changed, "%smetadata", changed->len > 0 ? ", " : "");

  if (changed->len > 0)
    {
      g_autofree char *description = g_strdup_printf ("Changed %s", changed->str);

      if (contacts)
        nexor_emulator_store_contacts_changed (request->store);
      nexor_emulator_lead_add_activity (lead, "lead_updated", "Lead updated", description, "api", now);
      nexor_emulator_lead_touch (lead, now);
      nexor_emulator_store_mark_changed (request->store);
    }

  body = json_object_new ();
  json_object_set_boolean_member (body, "success", TRUE);
  json_object_set_object_member (body, "lead", nexor_emulator_render_lead_updated (lead));

  return nexor_emulator_reply (request, SOUP_STATUS_OK, body);
}

/* POST /leads/{id}/assign-workflow */

JsonNode *
nexor_emulator_route_assign_lead_workflow (NexorEmulatorRequest *request)
{
  g_autofree char *now = nexor_emulator_now ();
  g_autofree char *problem = NULL;
  g_autofree char *title = NULL;
  NexorEmulatorLead *lead;
  JsonObject *body;
  JsonObject *workflow;
  JsonObject *active;
  JsonObject *previous_workflow = NULL;
  JsonObject *run;
  const char *workflow_id;
  const char *reason;
  const char *actor_id;
  gboolean present;

  lead = nexor_emulator_store_find_lead (request->store, request->params[0]);
  if (lead == NULL)
    return nexor_emulator_reply_lead_not_found (request);

  body = nexor_emulator_request_body_object (request);
  if (body == NULL)
    return nexor_emulator_reply_invalid (request, "The request body must be a JSON object");

  if ((problem = nexor_emulator_check_string (body, "workflowId", FALSE, &present, &workflow_id)) != NULL ||
      (problem = nexor_emulator_check_string (body, "reason", TRUE, &present, &reason)) != NULL ||
      (problem = nexor_emulator_check_string (body, "actorId", TRUE, &present, &actor_id)) != NULL)
    return nexor_emulator_reply_invalid (request, "%s", problem);

  if (is_blank_string (workflow_id))
    {
      /* The one lead endpoint that spells it in camelCase: say so. */
      if (json_object_has_member (body, "workflow_id"))
        return nexor_emulator_reply_invalid (request, "workflowId is required (this endpoint takes camelCase "
                                                      "workflowId, not workflow_id)");
      return nexor_emulator_reply_invalid (request, "workflowId is required");
    }

  workflow = nexor_emulator_store_find_workflow (request->store, workflow_id);
  if (workflow == NULL)
    return nexor_emulator_reply_workflow_not_found (request);

  /* A run in progress is ended and replaced, whatever its workflow; the
   * reason is kept on the run that ends. */
  active = nexor_emulator_lead_active_run (lead);
  if (active != NULL)
    {
      previous_workflow = nexor_emulator_store_find_workflow (request->store,
                                                              nexor_emulator_json_string (active, "workflow_id"));
      nexor_emulator_run_end (active, "transferred", reason, now);
      nexor_emulator_json_set_string_or_null (active, "actor_id", actor_id);
      nexor_emulator_raise_run_changed (request->store, lead, active,
                                        nexor_emulator_run_status (request->store, active),
                                        "reassignment", actor_id != NULL ? "user" : "api", actor_id, reason);
    }

  run = nexor_emulator_lead_start_run (lead, workflow, 0, NULL, now);
  nexor_emulator_json_set_string_or_null (run, "actor_id", actor_id);
  nexor_emulator_raise_run_changed (request->store, lead, run, NULL,
                                    active != NULL ? "reassignment" : "enrollment",
                                    actor_id != NULL ? "user" : "api", actor_id, NULL);

  if (previous_workflow != NULL)
    title = g_strdup_printf ("Moved from %s to %s", nexor_emulator_json_string (previous_workflow, "name"),
                             nexor_emulator_json_string (workflow, "name"));
  else
    title = g_strdup_printf ("Assigned to %s", nexor_emulator_json_string (workflow, "name"));

  {
    JsonObject *item = nexor_emulator_lead_add_activity (lead,
                                                         active != NULL ? "workflow_reassigned" : "workflow_assigned",
                                                         title, reason != NULL ? reason : "Assigned via API",
                                                         actor_id != NULL ? "user" : "api", now);
    if (actor_id != NULL)
      json_object_set_string_member (item, "actor_id", actor_id);
  }

  nexor_emulator_lead_touch (lead, now);
  nexor_emulator_store_mark_changed (request->store);

  body = json_object_new ();
  json_object_set_string_member (body, "workflowRunId", nexor_emulator_json_string (run, "id"));
  json_object_set_string_member (body, "workflowId", nexor_emulator_json_string (workflow, "id"));
  json_object_set_string_member (body, "workflowName", nexor_emulator_json_string (workflow, "name"));
  json_object_set_string_member (body, "movementType", active != NULL ? "reassignment" : "enrollment");
  json_object_set_boolean_member (body, "paused", nexor_emulator_json_boolean (workflow, "paused"));

  return nexor_emulator_reply (request, SOUP_STATUS_CREATED, body);
}

/* POST /leads/{id}/status */

static char *
status_keys (JsonObject *workflow)
{
  JsonArray *statuses = json_object_get_array_member (workflow, "statuses");
  GString *keys = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (statuses); i++)
    g_string_append_printf (keys, "%s%s", i > 0 ? ", " : "",
                            nexor_emulator_json_string (json_array_get_object_element (statuses, i), "key"));

  return g_string_free (keys, FALSE);
}

JsonNode *
nexor_emulator_route_set_status (NexorEmulatorRequest *request)
{
  g_autofree char *now = nexor_emulator_now ();
  g_autofree char *problem = NULL;
  NexorEmulatorLead *lead;
  JsonObject *body;
  JsonObject *run;
  JsonObject *workflow;
  JsonObject *status;
  JsonObject *previous = NULL;
  JsonObject *workflow_run;
  const char *key;
  const char *reason;
  const char *workflow_id;
  const char *previous_id;
  gboolean present;
  gboolean terminal;

  lead = nexor_emulator_store_find_lead (request->store, request->params[0]);
  if (lead == NULL)
    return nexor_emulator_reply_lead_not_found (request);

  body = nexor_emulator_request_body_object (request);
  if (body == NULL)
    return nexor_emulator_reply_invalid (request, "The request body must be a JSON object");

  if ((problem = nexor_emulator_check_string (body, "status_key", FALSE, &present, &key)) != NULL ||
      (problem = nexor_emulator_check_string (body, "reason", TRUE, &present, &reason)) != NULL ||
      (problem = nexor_emulator_check_string (body, "workflow_id", TRUE, &present, &workflow_id)) != NULL)
    return nexor_emulator_reply_invalid (request, "%s", problem);

  if (is_blank_string (key))
    return nexor_emulator_reply_invalid (request, "status_key is required");

  /* The active run; with no such run, the last one if a terminal status
   * ended it, since a forced status may take a lead back out of one. */
  run = nexor_emulator_lead_active_run (lead);
  if (run == NULL)
    {
      run = nexor_emulator_lead_shown_run (lead);
      if (run != NULL && g_strcmp0 (nexor_emulator_json_string (run, "run_status"), "completed") != 0)
        run = NULL;
    }

  if (run == NULL ||
      (workflow_id != NULL && !nexor_emulator_id_equal (workflow_id, nexor_emulator_json_string (run, "workflow_id"))))
    return nexor_emulator_reply_error (request, SOUP_STATUS_NOT_FOUND, NO_RUN_ERROR, NULL);

  workflow = nexor_emulator_store_find_workflow (request->store, nexor_emulator_json_string (run, "workflow_id"));
  status = nexor_emulator_workflow_find_status (workflow, key, FALSE);
  if (status == NULL)
    {
      g_autofree char *keys = status_keys (workflow);
      g_autofree char *shown = nexor_emulator_quote (key, -1, NEXOR_EMULATOR_QUOTE_CHARS);

      return nexor_emulator_reply_invalid (request, "status_key “%s” is not a status of the workflow “%s”; "
                                                    "its keys are: %s",
                                           shown, nexor_emulator_json_string (workflow, "name"), keys);
    }

  previous_id = nexor_emulator_json_string (run, "status_id");
  if (previous_id != NULL)
    previous = nexor_emulator_workflow_find_status (workflow, previous_id, TRUE);

  workflow_run = json_object_new ();
  json_object_set_string_member (workflow_run, "id", nexor_emulator_json_string (run, "id"));
  json_object_set_string_member (workflow_run, "workflow_id", nexor_emulator_json_string (run, "workflow_id"));

  body = json_object_new ();
  json_object_set_boolean_member (body, "success", TRUE);

  if (previous == status)
    {
      json_object_set_boolean_member (body, "changed", FALSE);
      json_object_set_string_member (body, "previous_status", key);
      json_object_set_string_member (body, "new_status", key);
      json_object_set_object_member (body, "workflow_run", workflow_run);
      return nexor_emulator_reply (request, SOUP_STATUS_OK, body);
    }

  json_object_set_string_member (run, "status_id", nexor_emulator_json_string (status, "id"));
  if (reason != NULL)
    json_object_set_string_member (run, "reason", reason);

  /* A terminal status ends the run and cancels what was pending; leaving
   * one opens it again. */
  terminal = nexor_emulator_json_boolean (status, "is_terminal");
  if (terminal && nexor_emulator_json_boolean (run, "is_active"))
    {
      nexor_emulator_run_end (run, "completed", NULL, now);
    }
  else if (!terminal && !nexor_emulator_json_boolean (run, "is_active"))
    {
      gboolean takeover = nexor_emulator_json_boolean (run, "human_takeover");

      json_object_set_boolean_member (run, "is_active", TRUE);
      json_object_set_string_member (run, "run_status", "running");
      json_object_set_string_member (run, "cadence_state", takeover ? "paused" : "active");
      json_object_set_int_member (run, "pending_tasks",
                                  takeover ? 0 : nexor_emulator_run_remaining_steps (run, workflow));
      json_object_set_null_member (run, "ended_at");
    }

  {
    g_autofree char *title = NULL;
    JsonObject *item;

    if (previous != NULL)
      title = g_strdup_printf ("Status changed from %s to %s", nexor_emulator_json_string (previous, "label"),
                               nexor_emulator_json_string (status, "label"));
    else
      title = g_strdup_printf ("Status set to %s", nexor_emulator_json_string (status, "label"));

    item = nexor_emulator_lead_add_activity (lead, "status_changed", title,
                                             reason != NULL ? reason : "Status set via API", "api", now);
    nexor_emulator_json_set_string_or_null (item, "from_status", previous != NULL ? nexor_emulator_json_string (previous, "key") : NULL);
    json_object_set_string_member (item, "to_status", key);
  }

  nexor_emulator_lead_touch (lead, now);
  nexor_emulator_store_mark_changed (request->store);
  nexor_emulator_raise_run_changed (request->store, lead, run, previous, "status_set", "api", NULL, reason);

  json_object_set_boolean_member (body, "changed", TRUE);
  nexor_emulator_json_set_string_or_null (body, "previous_status", previous != NULL ? nexor_emulator_json_string (previous, "key") : NULL);
  json_object_set_string_member (body, "new_status", key);
  json_object_set_object_member (body, "workflow_run", workflow_run);

  return nexor_emulator_reply (request, SOUP_STATUS_OK, body);
}

/* POST /leads/{id}/automation/stop and /resume */

/* The run stop and resume act on, or NULL after answering. */
static JsonObject *
automation_run (NexorEmulatorRequest  *request,
                NexorEmulatorLead    **out_lead,
                JsonObject           **out_body,
                JsonNode             **out_reply)
{
  g_autofree char *problem = NULL;
  NexorEmulatorLead *lead;
  JsonObject *body;
  JsonObject *run;
  const char *workflow_id;
  gboolean present;

  lead = nexor_emulator_store_find_lead (request->store, request->params[0]);
  if (lead == NULL)
    {
      *out_reply = nexor_emulator_reply_lead_not_found (request);
      return NULL;
    }

  body = nexor_emulator_request_body_object (request);
  if (body == NULL)
    {
      *out_reply = nexor_emulator_reply_invalid (request, "The request body must be a JSON object");
      return NULL;
    }

  if ((problem = nexor_emulator_check_string (body, "workflow_id", TRUE, &present, &workflow_id)) != NULL)
    {
      *out_reply = nexor_emulator_reply_invalid (request, "%s", problem);
      return NULL;
    }

  if (is_blank_string (workflow_id))
    {
      *out_reply = nexor_emulator_reply_error (request, SOUP_STATUS_BAD_REQUEST, "workflow_id is required", NULL);
      return NULL;
    }

  /* Ended runs (reassigned, or in a terminal status) have no automation. */
  run = nexor_emulator_lead_active_run (lead);
  if (run == NULL || !nexor_emulator_id_equal (workflow_id, nexor_emulator_json_string (run, "workflow_id")))
    {
      *out_reply = nexor_emulator_reply_error (request, SOUP_STATUS_NOT_FOUND, NO_RUN_ERROR, NULL);
      return NULL;
    }

  *out_lead = lead;
  *out_body = body;
  return run;
}

JsonNode *
nexor_emulator_route_stop_lead_automation (NexorEmulatorRequest *request)
{
  g_autofree char *now = nexor_emulator_now ();
  g_autofree char *description = NULL;
  NexorEmulatorLead *lead = NULL;
  JsonObject *body = NULL;
  JsonNode *reply = NULL;
  JsonObject *run;
  guint cancelled;

  run = automation_run (request, &lead, &body, &reply);
  if (run == NULL)
    return reply;

  body = json_object_new ();
  json_object_set_boolean_member (body, "success", TRUE);

  if (nexor_emulator_json_boolean (run, "human_takeover"))
    {
      json_object_set_boolean_member (body, "already_stopped", TRUE);
      json_object_set_string_member (body, "workflow_run_id", nexor_emulator_json_string (run, "id"));
      return nexor_emulator_reply (request, SOUP_STATUS_OK, body);
    }

  cancelled = (guint) nexor_emulator_json_int (run, "pending_tasks");
  json_object_set_boolean_member (run, "human_takeover", TRUE);
  json_object_set_string_member (run, "cadence_state", "paused");
  json_object_set_int_member (run, "pending_tasks", 0);

  description = g_strdup_printf ("A human took over; %u pending task%s cancelled",
                                 cancelled, cancelled == 1 ? "" : "s");
  nexor_emulator_lead_add_activity (lead, "automation_stopped", "AI automation stopped", description, "api", now);
  nexor_emulator_lead_touch (lead, now);
  nexor_emulator_store_mark_changed (request->store);
  /* A takeover leaves the status as it is and changes the run: receivers
   * that show a lead's state need it as much as a status change. */
  {
    JsonObject *status = nexor_emulator_run_status (request->store, run);

    nexor_emulator_raise_run_changed (request->store, lead, run, status, "automation_stopped", "api", NULL, NULL);
  }

  json_object_set_string_member (body, "workflow_run_id", nexor_emulator_json_string (run, "id"));
  json_object_set_boolean_member (body, "cadence_paused", TRUE);
  json_object_set_int_member (body, "tasks_cancelled", cancelled);

  return nexor_emulator_reply (request, SOUP_STATUS_OK, body);
}

JsonNode *
nexor_emulator_route_resume_lead_automation (NexorEmulatorRequest *request)
{
  g_autofree char *now = nexor_emulator_now ();
  g_autofree char *problem = NULL;
  NexorEmulatorLead *lead = NULL;
  JsonObject *body = NULL;
  JsonNode *reply = NULL;
  JsonObject *run;
  gboolean present;
  gboolean resume_cadence;

  run = automation_run (request, &lead, &body, &reply);
  if (run == NULL)
    return reply;

  if ((problem = nexor_emulator_check_boolean (body, "resume_cadence", &present, &resume_cadence)) != NULL)
    return nexor_emulator_reply_invalid (request, "%s", problem);

  body = json_object_new ();
  json_object_set_boolean_member (body, "success", TRUE);

  if (!nexor_emulator_json_boolean (run, "human_takeover"))
    {
      json_object_set_boolean_member (body, "already_running", TRUE);
      json_object_set_string_member (body, "workflow_run_id", nexor_emulator_json_string (run, "id"));
      return nexor_emulator_reply (request, SOUP_STATUS_OK, body);
    }

  json_object_set_boolean_member (run, "human_takeover", FALSE);
  if (resume_cadence)
    {
      JsonObject *workflow = nexor_emulator_store_find_workflow (request->store,
                                                                 nexor_emulator_json_string (run, "workflow_id"));

      /* The cadence's tasks are scheduled again from the current step. */
      json_object_set_string_member (run, "cadence_state",
                                     nexor_emulator_json_boolean (workflow, "paused") ? "waiting" : "active");
      json_object_set_int_member (run, "pending_tasks", nexor_emulator_run_remaining_steps (run, workflow));
    }

  nexor_emulator_lead_add_activity (lead, "automation_resumed", "AI automation resumed",
                                    resume_cadence ? "The AI answers again and the cadence goes on"
                                                   : "The AI answers again; the cadence stays paused",
                                    "api", now);
  nexor_emulator_lead_touch (lead, now);
  nexor_emulator_store_mark_changed (request->store);
  {
    JsonObject *status = nexor_emulator_run_status (request->store, run);

    nexor_emulator_raise_run_changed (request->store, lead, run, status, "automation_resumed", "api", NULL, NULL);
  }

  json_object_set_string_member (body, "workflow_run_id", nexor_emulator_json_string (run, "id"));
  json_object_set_boolean_member (body, "cadence_resumed", resume_cadence);

  return nexor_emulator_reply (request, SOUP_STATUS_OK, body);
}

/* GET /leads/{id}/is_paused */

JsonNode *
nexor_emulator_route_get_lead (NexorEmulatorRequest *request)
{
  JsonNode *body = nexor_emulator_store_dup_lead_response (request->store, request->params[0]);

  if (body == NULL)
    return nexor_emulator_reply_lead_not_found (request);

  request->status = SOUP_STATUS_OK;
  return body;
}

JsonNode *
nexor_emulator_route_is_lead_paused (NexorEmulatorRequest *request)
{
  const char *workflow_id = g_hash_table_lookup (request->query, "workflow_id");
  NexorEmulatorLead *lead;
  JsonObject *body;
  JsonArray *runs;
  gboolean paused = FALSE;

  lead = nexor_emulator_store_find_lead (request->store, request->params[0]);
  if (lead == NULL)
    return nexor_emulator_reply_lead_not_found (request);

  if (workflow_id != NULL && *workflow_id == '\0')
    workflow_id = NULL;

  /* Paused: an active run (ended ones are not) that a human took over. This
   * is exactly when Get Lead shows is_active and human_takeover both true. */
  runs = nexor_emulator_lead_runs (lead);
  for (guint i = 0; i < json_array_get_length (runs); i++)
    {
      JsonObject *run = json_array_get_object_element (runs, i);

      if (workflow_id != NULL && !nexor_emulator_id_equal (workflow_id, nexor_emulator_json_string (run, "workflow_id")))
        continue;

      paused |= nexor_emulator_json_boolean (run, "is_active") &&
                nexor_emulator_json_boolean (run, "human_takeover");
    }

  body = json_object_new ();
  json_object_set_boolean_member (body, "success", TRUE);
  json_object_set_boolean_member (body, "paused", paused);

  return nexor_emulator_reply (request, SOUP_STATUS_OK, body);
}

/* GET /leads/{id}/history and /meetings */

/* Splits a comma list of @known words; NULL and the offending word in
 * @out_bad if one is not known. An absent or empty list is an empty array. */
static GPtrArray *
parse_filter (const char         *value,
              const char * const *known,
              char              **out_bad)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) parts = NULL;

  if (value == NULL)
    return g_steal_pointer (&words);

  parts = g_strsplit (value, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *word = g_strstrip (parts[i]);

      if (*word == '\0')
        continue;

      if (!g_strv_contains (known, word))
        {
          *out_bad = g_strdup (word);
          return NULL;
        }

      g_ptr_array_add (words, g_strdup (word));
    }

  return g_steal_pointer (&words);
}

gboolean
nexor_emulator_parse_count (const char *value,
                            guint64     min,
                            guint64     max,
                            guint64     fallback,
                            guint64    *out)
{
  if (value == NULL)
    {
      *out = fallback;
      return TRUE;
    }

  return g_ascii_string_to_unsigned (value, 10, min, max, out, NULL);
}

JsonNode *
nexor_emulator_route_history (NexorEmulatorRequest *request)
{
  static const char * const history_channels[] = { "call", "whatsapp", "email", "sms", "system", NULL };
  g_autoptr(GPtrArray) wanted = NULL;
  g_autofree char *bad = NULL;
  NexorEmulatorLead *lead;
  JsonArray *history;
  JsonArray *page;
  JsonObject *pagination;
  JsonObject *body;
  guint64 limit;
  guint64 offset;
  guint64 total = 0;

  lead = nexor_emulator_store_find_lead (request->store, request->params[0]);
  if (lead == NULL)
    return nexor_emulator_reply_lead_not_found (request);

  wanted = parse_filter (g_hash_table_lookup (request->query, "channel"), history_channels, &bad);
  if (wanted == NULL)
    {
      g_autofree char *shown = nexor_emulator_quote (bad, -1, NEXOR_EMULATOR_QUOTE_CHARS);

      return nexor_emulator_reply_invalid (request, "channel “%s” is unknown: use a comma-separated list of "
                                                    "call, whatsapp, email, sms or system", shown);
    }

  if (!nexor_emulator_parse_count (g_hash_table_lookup (request->query, "limit"), 1, 200, 50, &limit))
    return nexor_emulator_reply_invalid (request, "limit must be a whole number from 1 to 200");

  if (!nexor_emulator_parse_count (g_hash_table_lookup (request->query, "offset"), 0, G_MAXINT32, 0, &offset))
    return nexor_emulator_reply_invalid (request, "offset must be a whole number, 0 or more");

  /* Oldest first, as stored: events are appended as they happen. */
  history = nexor_emulator_lead_history (lead);
  page = json_array_new ();
  for (guint i = 0; i < json_array_get_length (history); i++)
    {
      JsonObject *item = json_array_get_object_element (history, i);
      const char *channel = nexor_emulator_json_string (item, "channel");

      if (wanted->len > 0 &&
          (channel == NULL || !g_ptr_array_find_with_equal_func (wanted, channel, g_str_equal, NULL)))
        continue;

      if (total >= offset && total < offset + limit)
        json_array_add_object_element (page, nexor_emulator_json_object_deep_copy (item));
      total++;
    }

  pagination = json_object_new ();
  json_object_set_int_member (pagination, "limit", (gint64) limit);
  json_object_set_int_member (pagination, "offset", (gint64) offset);
  json_object_set_int_member (pagination, "total", (gint64) total);
  json_object_set_boolean_member (pagination, "has_more",
                                  offset + json_array_get_length (page) < total);

  body = json_object_new ();
  json_object_set_boolean_member (body, "success", TRUE);
  json_object_set_object_member (body, "lead", nexor_emulator_render_lead_summary (lead));
  json_object_set_array_member (body, "history", page);
  json_object_set_object_member (body, "pagination", pagination);

  /* After the page was rendered, so each status shows once, in order. */
  nexor_emulator_advance_calls (request->store, lead);

  return nexor_emulator_reply (request, SOUP_STATUS_OK, body);
}

static gint
compare_meetings_newest_first (gconstpointer a,
                               gconstpointer b)
{
  JsonObject *first = *(JsonObject **) a;
  JsonObject *second = *(JsonObject **) b;

  /* Times are all written the same way, in UTC: text order is time order. */
  return g_strcmp0 (nexor_emulator_json_string (second, "starts_at"),
                    nexor_emulator_json_string (first, "starts_at"));
}

JsonNode *
nexor_emulator_route_meetings (NexorEmulatorRequest *request)
{
  static const char * const meeting_statuses[] = {
    "scheduled", "confirmed", "completed", "cancelled", "no_show", NULL
  };
  g_autoptr(GPtrArray) wanted = NULL;
  g_autoptr(GPtrArray) selected = g_ptr_array_new ();
  g_autofree char *bad = NULL;
  NexorEmulatorLead *lead;
  JsonArray *meetings;
  JsonArray *list;
  JsonObject *body;

  lead = nexor_emulator_store_find_lead (request->store, request->params[0]);
  if (lead == NULL)
    return nexor_emulator_reply_lead_not_found (request);

  wanted = parse_filter (g_hash_table_lookup (request->query, "status"), meeting_statuses, &bad);
  if (wanted == NULL)
    {
      g_autofree char *shown = nexor_emulator_quote (bad, -1, NEXOR_EMULATOR_QUOTE_CHARS);

      return nexor_emulator_reply_invalid (request, "status “%s” is unknown: use a comma-separated list of "
                                                    "scheduled, confirmed, completed, cancelled or no_show", shown);
    }

  meetings = nexor_emulator_lead_meetings (lead);
  for (guint i = 0; i < json_array_get_length (meetings); i++)
    {
      JsonObject *meeting = json_array_get_object_element (meetings, i);

      if (wanted->len == 0 ||
          g_ptr_array_find_with_equal_func (wanted, nexor_emulator_json_string (meeting, "status"),
                                            g_str_equal, NULL))
        g_ptr_array_add (selected, meeting);
    }

  g_ptr_array_sort (selected, compare_meetings_newest_first);

  list = json_array_new ();
  for (guint i = 0; i < selected->len; i++)
    json_array_add_object_element (list, nexor_emulator_render_meeting_listed (g_ptr_array_index (selected, i)));

  body = json_object_new ();
  json_object_set_boolean_member (body, "success", TRUE);
  json_object_set_array_member (body, "meetings", list);

  return nexor_emulator_reply (request, SOUP_STATUS_OK, body);
}

/* GET /leads?search= — referenced by API clients, not documented. */

static gboolean
folded_contains (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;

  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

/* The digits of @text, or NULL when it has none. */
static char *
digits_of (const char *text)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);

  if (digits->len == 0)
    {
      g_string_free (digits, TRUE);
      return NULL;
    }
  return g_string_free (digits, FALSE);
}

static gboolean
lead_matches (NexorEmulatorLead *lead,
              const char        *needle,
              const char        *needle_digits,
              gboolean           needle_is_phone)
{
  JsonObject *core = nexor_emulator_lead_core (lead);
  g_autofree char *name = NULL;
  g_autofree char *phone_digits = NULL;

  name = g_strjoin (" ",
                    nexor_emulator_json_string (core, "first_name") ?: "",
                    nexor_emulator_json_string (core, "last_name") ?: "",
                    NULL);
  if (folded_contains (name, needle) ||
      folded_contains (nexor_emulator_json_string (core, "email"), needle) ||
      folded_contains (nexor_emulator_json_string (core, "phone"), needle))
    return TRUE;

  /* "+56 9 1234 5678" finds "+56912345678": a phone is compared by its
   * digits when the text is nothing but a phone number's characters. */
  if (!needle_is_phone || needle_digits == NULL)
    return FALSE;
  phone_digits = digits_of (nexor_emulator_json_string (core, "phone"));
  return phone_digits != NULL && strstr (phone_digits, needle_digits) != NULL;
}

JsonNode *
nexor_emulator_route_search_leads (NexorEmulatorRequest *request)
{
  const char *search = g_hash_table_lookup (request->query, "search");
  g_autofree char *trimmed = NULL;
  g_autofree char *needle = NULL;
  g_autofree char *needle_digits = NULL;
  gboolean needle_is_phone;
  JsonArray *leads;
  JsonObject *body;
  guint64 limit;
  guint64 offset;
  guint64 total = 0;

  if (!nexor_emulator_parse_count (g_hash_table_lookup (request->query, "limit"), 1, 100, 20, &limit))
    return nexor_emulator_reply_invalid (request, "limit must be a whole number from 1 to 100");
  if (!nexor_emulator_parse_count (g_hash_table_lookup (request->query, "offset"), 0, G_MAXINT32, 0, &offset))
    return nexor_emulator_reply_invalid (request, "offset must be a whole number, 0 or more");

  trimmed = g_strstrip (g_strdup (search != NULL ? search : ""));
  if (*trimmed == '\0')
    return nexor_emulator_reply_invalid (request, "search is required");
  if (!g_utf8_validate (trimmed, -1, NULL))
    return nexor_emulator_reply_invalid (request, "search must be UTF-8 text");

  needle = g_utf8_casefold (trimmed, -1);
  needle_digits = digits_of (trimmed);
  needle_is_phone = looks_like_phone (trimmed);

  /* Oldest created first, as the store keeps them: a stable order, so
   * offset pages neither repeat nor skip a lead. */
  leads = json_array_new ();
  for (guint i = 0; i < request->store->leads->len; i++)
    {
      NexorEmulatorLead *lead = g_ptr_array_index (request->store->leads, i);

      if (!lead_matches (lead, needle, needle_digits, needle_is_phone))
        continue;
      if (total >= offset && total < offset + limit)
        json_array_add_object_element (leads, nexor_emulator_render_lead_current (request->store, lead));
      total++;
    }

  body = json_object_new ();
  json_object_set_boolean_member (body, "success", TRUE);
  json_object_set_array_member (body, "leads", leads);
  json_object_set_int_member (body, "total", total);
  return nexor_emulator_reply (request, SOUP_STATUS_OK, body);
}
