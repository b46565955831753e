/* nexor-emulator-routes-messages.c: sending messages, and WhatsApp templates
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * POST /messages "sends" on one channel and records what was sent in the
 * lead's history, where the client's tests count it: a message must never
 * reach a person twice. Meta's 24-hour rule is modelled from the history: a
 * free-form WhatsApp is accepted only within 24 hours of the lead's latest
 * inbound WhatsApp, a template at any time. An AI call starts `registered`
 * and moves one status on (`ongoing`, then `ended`) each time the lead's
 * history has been read, so a test sees every status in order without
 * waiting. The choices the docs leave open are listed in docs/emulator.md.
 */

#include "nexor-emulator-routes-private.h"

#include <string.h>

#include <libsoup/soup.h>

#include "nexor-emulator-json.h"

#define WHATSAPP_WINDOW_SECONDS (24 * 60 * 60)

static const char * const message_channels[] = { "whatsapp", "email", "call", NULL };
static const char * const template_statuses[] = { "APPROVED", "PENDING", "REJECTED", NULL };
static const char * const template_categories[] = { "MARKETING", "UTILITY", "AUTHENTICATION", NULL };

static char *
check_uuid (JsonObject  *body,
            const char  *name,
            char       **out)
{
  const char *text = NULL;
  gboolean present;
  char *message = nexor_emulator_check_string (body, name, TRUE, &present, &text);

  *out = NULL;
  if (message != NULL || text == NULL)
    return message;

  *out = nexor_emulator_normalize_uuid (text);
  if (*out == NULL)
    return g_strdup_printf ("%s must be a UUID", name);

  return NULL;
}

static gboolean
has_text (const char *text)
{
  if (text == NULL)
    return FALSE;
  while (*text != '\0' && g_ascii_isspace (*text))
    text++;
  return *text != '\0';
}

/* Whether the lead wrote on WhatsApp less than 24 hours ago. */
static gboolean
whatsapp_window_open (NexorEmulatorLead *lead)
{
  JsonArray *history = nexor_emulator_lead_history (lead);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  for (guint i = json_array_get_length (history); i > 0; i--)
    {
      JsonObject *item = json_array_get_object_element (history, i - 1);
      g_autoptr(GDateTime) when = NULL;

      if (g_strcmp0 (nexor_emulator_json_string (item, "type"), "message") != 0 ||
          g_strcmp0 (nexor_emulator_json_string (item, "channel"), "whatsapp") != 0 ||
          g_strcmp0 (nexor_emulator_json_string (item, "direction"), "inbound") != 0)
        continue;

      when = g_date_time_new_from_iso8601 (nexor_emulator_json_string (item, "timestamp"), utc);
      if (when == NULL)
        continue;
      return g_date_time_difference (now, when) < (GTimeSpan) WHATSAPP_WINDOW_SECONDS * G_TIME_SPAN_SECOND;
    }

  return FALSE;
}

/* The highest {{n}} in a template's BODY text: how many parameters it takes. */
static guint
template_body_placeholders (JsonObject  *template,
                            const char **out_text)
{
  JsonArray *components = json_object_get_array_member (template, "components");
  guint highest = 0;

  *out_text = NULL;
  for (guint i = 0; i < json_array_get_length (components); i++)
    {
      JsonObject *component = json_array_get_object_element (components, i);
      const char *text = nexor_emulator_json_string (component, "text");

      if (g_ascii_strcasecmp (nexor_emulator_json_string (component, "type"), "BODY") != 0 || text == NULL)
        continue;
      *out_text = text;
      for (const char *p = strstr (text, "{{"); p != NULL; p = strstr (p + 2, "{{"))
        {
          guint64 n;
          char *end = NULL;

          n = g_ascii_strtoull (p + 2, &end, 10);
          if (end != p + 2 && g_str_has_prefix (end, "}}") && n > highest && n <= 100)
            highest = (guint) n;
        }
    }

  return highest;
}

/* Checks Meta's components (an array of {type, parameters: [{type, text}]})
 * and returns the BODY parameters' texts, or an error message in @out_error. */
static GPtrArray *
read_body_parameters (JsonNode  *node,
                      char     **out_error)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  JsonArray *components;

  *out_error = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_steal_pointer (&texts);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      *out_error = g_strdup ("components must be an array");
      return NULL;
    }

  components = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (components); i++)
    {
      JsonNode *element = json_array_get_element (components, i);
      JsonObject *component;
      const char *type;
      JsonNode *parameters;

      if (!JSON_NODE_HOLDS_OBJECT (element) ||
          (type = nexor_emulator_json_string (json_node_get_object (element), "type")) == NULL)
        {
          *out_error = g_strdup_printf ("components[%u] must be an object with a string type", i);
          return NULL;
        }
      component = json_node_get_object (element);
      parameters = json_object_get_member (component, "parameters");
      if (parameters == NULL || JSON_NODE_HOLDS_NULL (parameters))
        continue;
      if (!JSON_NODE_HOLDS_ARRAY (parameters))
        {
          *out_error = g_strdup_printf ("components[%u].parameters must be an array", i);
          return NULL;
        }

      for (guint j = 0; j < json_array_get_length (json_node_get_array (parameters)); j++)
        {
          JsonNode *parameter = json_array_get_element (json_node_get_array (parameters), j);
          const char *text = NULL;

          if (JSON_NODE_HOLDS_OBJECT (parameter))
            text = nexor_emulator_json_string (json_node_get_object (parameter), "text");
          if (text == NULL ||
              g_strcmp0 (nexor_emulator_json_string (json_node_get_object (parameter), "type"), "text") != 0)
            {
              *out_error = g_strdup_printf ("components[%u].parameters[%u] must be {\"type\": \"text\", "
                                            "\"text\": …}", i, j);
              return NULL;
            }
          if (g_ascii_strcasecmp (type, "body") == 0)
            g_ptr_array_add (texts, (gpointer) text);
        }
    }

  return g_steal_pointer (&texts);
}

static char *
fill_template (const char *text,
               GPtrArray  *parameters)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      guint64 n;
      char *end = NULL;

      if (p[0] == '{' && p[1] == '{' &&
          (n = g_ascii_strtoull (p + 2, &end, 10)) >= 1 && end != p + 2 &&
          g_str_has_prefix (end, "}}") && n <= parameters->len)
        {
          g_string_append (out, g_ptr_array_index (parameters, n - 1));
          p = end + 2;
          continue;
        }
      g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

static char *
new_provider_id (const char *prefix)
{
  g_autofree char *uuid = g_uuid_string_random ();
  GString *out = g_string_new (prefix);

  for (const char *p = uuid; *p != '\0'; p++)
    if (*p != '-')
      g_string_append_c (out, g_ascii_toupper (*p));

  return g_string_free (out, FALSE);
}

/* POST /messages */

JsonNode *
nexor_emulator_route_send_message (NexorEmulatorRequest *request)
{
  JsonObject *body = nexor_emulator_request_body_object (request);
  g_autofree char *message = NULL;
  g_autofree char *lead_id = NULL;
  g_autofree char *workflow_id = NULL;
  g_autofree char *template_id = NULL;
  g_autofree char *now = NULL;
  g_autofree char *id = NULL;
  g_autofree char *provider_id = NULL;
  g_autofree char *filled = NULL;
  g_autoptr(GPtrArray) parameters = NULL;
  const char *channel = NULL;
  const char *content = NULL;
  const char *html = NULL;
  const char *subject = NULL;
  const char *begin_message = NULL;
  gboolean present = FALSE;
  NexorEmulatorLead *lead;
  JsonObject *core;
  JsonObject *template = NULL;
  JsonObject *item;
  JsonObject *answer;
  JsonNode *components;

  if (body == NULL)
    return nexor_emulator_reply_invalid (request, "The body must be a JSON object");

  /* Every member is checked before anything is looked up or changed. */
  if ((message = check_uuid (body, "lead_id", &lead_id)) != NULL ||
      (message = check_uuid (body, "workflow_id", &workflow_id)) != NULL ||
      (message = check_uuid (body, "template_id", &template_id)) != NULL ||
      (message = nexor_emulator_check_string (body, "channel", TRUE, &present, &channel)) != NULL ||
      (message = nexor_emulator_check_string (body, "content", TRUE, &present, &content)) != NULL ||
      (message = nexor_emulator_check_string (body, "html", TRUE, &present, &html)) != NULL ||
      (message = nexor_emulator_check_string (body, "subject", TRUE, &present, &subject)) != NULL ||
      (message = nexor_emulator_check_string (body, "begin_message", TRUE, &present, &begin_message)) != NULL)
    return nexor_emulator_reply_invalid (request, "%s", message);

  if (lead_id == NULL)
    return nexor_emulator_reply_invalid (request, "lead_id is required");
  if (workflow_id == NULL)
    return nexor_emulator_reply_invalid (request, "workflow_id is required");
  if (channel == NULL)
    return nexor_emulator_reply_invalid (request, "channel is required");
  if (!g_strv_contains (message_channels, channel))
    return nexor_emulator_reply_invalid (request, "channel must be whatsapp, email or call");

  components = json_object_get_member (body, "components");
  parameters = read_body_parameters (components, &message);
  if (parameters == NULL)
    return nexor_emulator_reply_invalid (request, "%s", message);
  if (components != NULL && !JSON_NODE_HOLDS_NULL (components) && template_id == NULL)
    return nexor_emulator_reply_invalid (request, "components go with template_id");

  if (g_str_equal (channel, "whatsapp"))
    {
      if (template_id == NULL && !has_text (content))
        return nexor_emulator_reply_invalid (request, "content is required for a WhatsApp message without template_id");
      if (template_id != NULL && content != NULL)
        return nexor_emulator_reply_invalid (request, "content and template_id cannot both be given");
    }
  else if (template_id != NULL)
    return nexor_emulator_reply_invalid (request, "template_id is only for the whatsapp channel");

  if (g_str_equal (channel, "email") && !has_text (content) && !has_text (html))
    return nexor_emulator_reply_invalid (request, "content or html is required for an email");

  /* Now the references: the lead, the workflow, the template. */
  lead = nexor_emulator_store_find_lead (request->store, lead_id);
  if (lead == NULL)
    return nexor_emulator_reply_lead_not_found (request);
  if (nexor_emulator_store_find_workflow (request->store, workflow_id) == NULL)
    return nexor_emulator_reply_workflow_not_found (request);
  if (template_id != NULL)
    {
      template = nexor_emulator_store_find_template (request->store, template_id);
      if (template == NULL)
        return nexor_emulator_reply_error (request, SOUP_STATUS_NOT_FOUND, "Not found",
                                           "Template not found or does not belong to your account");
    }

  core = nexor_emulator_lead_core (lead);
  if (!g_str_equal (channel, "email") && !has_text (nexor_emulator_json_string (core, "phone")))
    return nexor_emulator_reply_invalid (request, "The lead has no phone number");
  if (g_str_equal (channel, "email") && !has_text (nexor_emulator_json_string (core, "email")))
    return nexor_emulator_reply_invalid (request, "The lead has no email address");

  if (template != NULL)
    {
      const char *text = NULL;
      guint wanted = template_body_placeholders (template, &text);

      if (!g_str_equal (nexor_emulator_json_string (template, "status"), "APPROVED"))
        return nexor_emulator_reply_invalid (request, "The template is not approved (status %s)",
                                             nexor_emulator_json_string (template, "status"));
      if (parameters->len != wanted)
        return nexor_emulator_reply_invalid (request, "The template's body takes %u parameters, %u were given",
                                             wanted, parameters->len);
      filled = fill_template (text != NULL ? text : "", parameters);
    }
  else if (g_str_equal (channel, "whatsapp") && !whatsapp_window_open (lead))
    return nexor_emulator_reply_invalid (request,
                                         "The 24-hour WhatsApp window is closed: the lead has not written "
                                         "in the last 24 hours; send a template with template_id");

  /* Sent: recorded in the history, answered with the channel's ids. */
  now = nexor_emulator_now ();
  id = nexor_emulator_new_id ();
  item = json_object_new ();
  answer = json_object_new ();
  json_object_set_boolean_member (answer, "success", TRUE);
  json_object_set_string_member (answer, "channel", channel);

  if (g_str_equal (channel, "whatsapp"))
    {
      provider_id = new_provider_id ("wamid.HBgL");
      json_object_set_string_member (item, "type", "message");
      json_object_set_string_member (item, "id", id);
      json_object_set_string_member (item, "channel", "whatsapp");
      json_object_set_string_member (item, "direction", "outbound");
      json_object_set_string_member (item, "content", template != NULL ? filled : content);
      json_object_set_string_member (item, "message_type", template != NULL ? "template" : "text");
      nexor_emulator_json_set_string_or_null (item, "template_id", template != NULL ? nexor_emulator_json_string (template, "id") : NULL);
      json_object_set_null_member (item, "media_url");
      json_object_set_null_member (item, "attachments");
      json_object_set_string_member (item, "status", "sent");
      json_object_set_string_member (item, "provider_message_id", provider_id);
      json_object_set_string_member (item, "sent_at", now);
      json_object_set_null_member (item, "delivered_at");
      json_object_set_null_member (item, "read_at");
      json_object_set_null_member (item, "reaction");
      json_object_set_null_member (item, "buttons");

      json_object_set_string_member (answer, "type", template != NULL ? "template" : "text");
      json_object_set_string_member (answer, "message_id", id);
      json_object_set_string_member (answer, "provider_message_id", provider_id);
      json_object_set_null_member (answer, "activity_id");
      json_object_set_null_member (answer, "call_id");
      json_object_set_null_member (answer, "call_status");
    }
  else if (g_str_equal (channel, "email"))
    {
      g_autofree char *activity_id = nexor_emulator_new_id ();

      json_object_set_string_member (item, "type", "message");
      json_object_set_string_member (item, "id", id);
      json_object_set_string_member (item, "channel", "email");
      json_object_set_string_member (item, "direction", "outbound");
      json_object_set_string_member (item, "subject", subject != NULL ? subject : "Message from your advisor");
      nexor_emulator_json_set_string_or_null (item, "content", has_text (content) ? content : NULL);
      nexor_emulator_json_set_string_or_null (item, "html", has_text (html) ? html : NULL);
      json_object_set_string_member (item, "message_type", "text");
      json_object_set_string_member (item, "status", "sent");
      json_object_set_string_member (item, "activity_id", activity_id);
      json_object_set_string_member (item, "sent_at", now);

      json_object_set_string_member (answer, "message_id", id);
      json_object_set_null_member (answer, "provider_message_id");
      json_object_set_string_member (answer, "activity_id", activity_id);
      json_object_set_null_member (answer, "call_id");
      json_object_set_null_member (answer, "call_status");
    }
  else
    {
      provider_id = new_provider_id ("call_");
      json_object_set_string_member (item, "type", "call");
      json_object_set_string_member (item, "id", id);
      json_object_set_string_member (item, "channel", "call");
      json_object_set_string_member (item, "call_status", "registered");
      json_object_set_string_member (item, "provider_call_id", provider_id);
      nexor_emulator_json_set_string_or_null (item, "begin_message", begin_message);
      json_object_set_null_member (item, "duration_seconds");
      json_object_set_null_member (item, "call_successful");
      json_object_set_null_member (item, "summary");
      json_object_set_null_member (item, "recording_url");

      json_object_set_null_member (answer, "message_id");
      json_object_set_null_member (answer, "provider_message_id");
      json_object_set_null_member (answer, "activity_id");
      json_object_set_string_member (answer, "call_id", id);
      json_object_set_string_member (answer, "call_status", "registered");
    }

  json_object_set_string_member (item, "workflow_id", workflow_id);
  json_object_set_string_member (item, "timestamp", now);
  json_array_add_object_element (nexor_emulator_lead_history (lead), item);
  nexor_emulator_store_mark_changed (request->store);

  return nexor_emulator_reply (request, SOUP_STATUS_OK, answer);
}

void
nexor_emulator_advance_calls (NexorEmulatorStore *store,
                              NexorEmulatorLead  *lead)
{
  JsonArray *history = nexor_emulator_lead_history (lead);

  for (guint i = 0; i < json_array_get_length (history); i++)
    {
      JsonObject *item = json_array_get_object_element (history, i);
      const char *status;

      if (g_strcmp0 (nexor_emulator_json_string (item, "type"), "call") != 0)
        continue;
      status = nexor_emulator_json_string (item, "call_status");
      if (g_strcmp0 (status, "registered") == 0)
        json_object_set_string_member (item, "call_status", "ongoing");
      else if (g_strcmp0 (status, "ongoing") == 0)
        {
          json_object_set_string_member (item, "call_status", "ended");
          json_object_set_int_member (item, "duration_seconds", 60);
          json_object_set_boolean_member (item, "call_successful", TRUE);
          json_object_set_string_member (item, "summary", "The lead answered and talked with the AI agent.");
        }
      else
        continue;
      nexor_emulator_store_mark_changed (store);
    }
}

/* GET /templates */

JsonNode *
nexor_emulator_route_list_templates (NexorEmulatorRequest *request)
{
  static const char * const members[] = {
    "id", "name", "language", "category", "status", "components", "variables", NULL
  };
  const char *status = g_hash_table_lookup (request->query, "status");
  const char *category = g_hash_table_lookup (request->query, "category");
  JsonArray *templates;
  JsonObject *body;

  if (status != NULL && !g_strv_contains (template_statuses, status))
    return nexor_emulator_reply_invalid (request, "status must be APPROVED, PENDING or REJECTED");
  if (category != NULL && !g_strv_contains (template_categories, category))
    return nexor_emulator_reply_invalid (request, "category must be MARKETING, UTILITY or AUTHENTICATION");

  templates = json_array_new ();
  for (guint i = 0; i < request->store->templates->len; i++)
    {
      JsonObject *template = g_ptr_array_index (request->store->templates, i);
      JsonObject *out;

      if ((status != NULL && !g_str_equal (status, nexor_emulator_json_string (template, "status"))) ||
          (category != NULL && !g_str_equal (category, nexor_emulator_json_string (template, "category"))))
        continue;

      out = json_object_new ();
      for (guint m = 0; members[m] != NULL; m++)
        json_object_set_member (out, members[m], json_node_copy (json_object_get_member (template, members[m])));
      json_array_add_object_element (templates, out);
    }

  body = json_object_new ();
  json_object_set_boolean_member (body, "success", TRUE);
  json_object_set_array_member (body, "templates", templates);

  return nexor_emulator_reply (request, SOUP_STATUS_OK, body);
}
