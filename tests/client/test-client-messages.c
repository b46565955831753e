/* test-client-messages.c: sending messages and listing WhatsApp templates
 * against an in-process nexor-emulator — what goes on the wire, what comes
 * back, and that a message is never sent twice, under every fault
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "client-fixture.h"

#define BASE_PATH    "/api/public"

/* Seed data (tools/nexor-emulator/README.md). */
#define MARIANA      "2f552d00-1a7b-471a-81f0-1d52dc1406b3"  /* wrote on WhatsApp 2 h ago */
#define EMILY        "ed798fc4-92d4-4f19-9c90-19426829d6df"  /* wrote in February */
#define VALENTINA    "3430cf98-7b04-4d40-8f4d-02428acf28ba"  /* no phone, no email */
#define SALES        "4aca1485-3259-4b0d-a4d0-51cff048729e"
#define REENGAGE     "8d2b6c1e-5f3a-4e7b-9c0d-1a2b3c4d5e6f"  /* APPROVED MARKETING, 2 variables */
#define MEETING      "36668f64-be99-4f8d-a3a0-ebb4052b1607"  /* APPROVED UTILITY, 5 variables */
#define UNKNOWN_ID   "00000000-0000-4000-8000-000000000000"

typedef ClientFixture Fixture;

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

/* The last request the emulator saw, compared as JSON. */
static void
assert_wire (Fixture    *fixture,
             const char *method,
             const char *path,
             const char *query,
             const char *body)
{
  g_autoptr(JsonObject) request = nexor_emulator_dup_last_request (fixture->emulator);
  g_autofree char *full_path = g_strconcat (BASE_PATH, path, NULL);
  JsonNode *sent_body;

  g_assert_nonnull (request);
  g_assert_cmpstr (json_object_get_string_member (request, "method"), ==, method);
  g_assert_cmpstr (json_object_get_string_member (request, "path"), ==, full_path);
  if (query == NULL)
    g_assert_true (json_object_get_null_member (request, "query"));
  else
    g_assert_cmpstr (json_object_get_string_member (request, "query"), ==, query);

  sent_body = json_object_get_member (request, "body");
  if (body == NULL)
    {
      g_assert_true (JSON_NODE_HOLDS_NULL (sent_body));
      return;
    }
  {
    g_autoptr(JsonNode) expected = parse_json (body);
    g_autoptr(JsonNode) actual = parse_json (json_node_get_string (sent_body));

    if (!json_node_equal (actual, expected))
      g_error ("%s %s: sent body %s, expected %s", method, path, json_node_get_string (sent_body), body);
  }
}

static guint
sent (Fixture *fixture)
{
  return nexor_emulator_get_request_count (fixture->emulator);
}

/* The lead's history as the emulator stores it: what was really sent. */
static JsonArray *
dup_history (Fixture    *fixture,
             const char *lead_id)
{
  g_autoptr(JsonNode) state = nexor_emulator_dup_state (fixture->emulator);
  JsonArray *leads = json_object_get_array_member (json_node_get_object (state), "leads");

  for (guint i = 0; i < json_array_get_length (leads); i++)
    {
      JsonObject *entry = json_array_get_object_element (leads, i);

      if (g_ascii_strcasecmp (json_object_get_string_member (json_object_get_object_member (entry, "lead"), "id"),
                              lead_id) == 0)
        return json_array_ref (json_object_get_array_member (entry, "history"));
    }

  g_assert_not_reached ();
}

static guint
n_history (Fixture    *fixture,
           const char *lead_id)
{
  g_autoptr(JsonArray) history = dup_history (fixture, lead_id);

  return json_array_get_length (history);
}

static JsonObject *
dup_last_history_item (Fixture    *fixture,
                       const char *lead_id)
{
  g_autoptr(JsonArray) history = dup_history (fixture, lead_id);
  guint n = json_array_get_length (history);

  g_assert_cmpuint (n, >, 0);
  return json_object_ref (json_array_get_object_element (history, n - 1));
}

static NexorMessageInput *
new_input (NexorMessageChannel  channel,
           const char          *lead_id)
{
  NexorMessageInput *input = nexor_message_input_new (channel);

  nexor_message_input_set_lead_id (input, lead_id);
  nexor_message_input_set_workflow_id (input, SALES);
  return input;
}

/* ---------------------------------------------------------------------------
 * Sending, per channel
 * ------------------------------------------------------------------------- */

static void
test_whatsapp_text (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorMessageInput) input = new_input (NEXOR_MESSAGE_CHANNEL_WHATSAPP, MARIANA);
  g_autoptr(NexorMessageResult) result = NULL;
  g_autoptr(JsonObject) item = NULL;
  guint before = n_history (fixture, MARIANA);
  NexorMessageChannel channel;

  nexor_message_input_set_content (input, "Hola Mariana,\n¿te sirve mañana?");
  result = nexor_client_send_message (fixture->client, input, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "POST", "/messages", NULL,
               "{\"lead_id\":\"" MARIANA "\",\"workflow_id\":\"" SALES "\","
               "\"content\":\"Hola Mariana,\\n¿te sirve mañana?\",\"channel\":\"whatsapp\"}");

  g_assert_cmpint (nexor_message_result_get_channel (result), ==, NEXOR_MESSAGE_CHANNEL_WHATSAPP);
  g_object_get (result, "channel", &channel, NULL);
  g_assert_cmpint (channel, ==, NEXOR_MESSAGE_CHANNEL_WHATSAPP);
  g_assert_cmpstr (nexor_message_result_get_channel_string (result), ==, "whatsapp");
  g_assert_cmpstr (nexor_message_result_get_message_type (result), ==, "text");
  g_assert_nonnull (nexor_message_result_get_message_id (result));
  g_assert_true (g_str_has_prefix (nexor_message_result_get_provider_message_id (result), "wamid."));
  g_assert_null (nexor_message_result_get_activity_id (result));
  g_assert_null (nexor_message_result_get_call_id (result));
  g_assert_null (nexor_message_result_get_call_status (result));

  /* Once, in the history, with the answer's ids. */
  g_assert_cmpuint (n_history (fixture, MARIANA), ==, before + 1);
  item = dup_last_history_item (fixture, MARIANA);
  g_assert_cmpstr (json_object_get_string_member (item, "channel"), ==, "whatsapp");
  g_assert_cmpstr (json_object_get_string_member (item, "direction"), ==, "outbound");
  g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, "sent");
  g_assert_cmpstr (json_object_get_string_member (item, "id"), ==, nexor_message_result_get_message_id (result));
}

static void
test_whatsapp_template (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char * const parameters[] = { "Emily", "Premium", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorMessageInput) input = new_input (NEXOR_MESSAGE_CHANNEL_WHATSAPP, EMILY);
  g_autoptr(NexorMessageResult) result = NULL;
  g_autoptr(JsonObject) item = NULL;
  g_autoptr(JsonNode) components = NULL;
  guint before = n_history (fixture, EMILY);

  nexor_message_input_set_template_id (input, REENGAGE);
  nexor_message_input_set_template_parameters (input, parameters);
  components = nexor_message_input_dup_components (input);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (components));

  result = nexor_client_send_message (fixture->client, input, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "POST", "/messages", NULL,
               "{\"lead_id\":\"" EMILY "\",\"workflow_id\":\"" SALES "\",\"template_id\":\"" REENGAGE "\","
               "\"components\":[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"Emily\"},"
               "{\"type\":\"text\",\"text\":\"Premium\"}]}],\"channel\":\"whatsapp\"}");
  g_assert_cmpstr (nexor_message_result_get_message_type (result), ==, "template");
  g_assert_cmpuint (n_history (fixture, EMILY), ==, before + 1);
  item = dup_last_history_item (fixture, EMILY);
  g_assert_cmpstr (json_object_get_string_member (item, "message_type"), ==, "template");
  g_assert_nonnull (strstr (json_object_get_string_member (item, "content"), "Hola Emily"));
}

static void
test_email (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorMessageInput) input = new_input (NEXOR_MESSAGE_CHANNEL_EMAIL, EMILY);
  g_autoptr(NexorMessageResult) result = NULL;
  g_autoptr(JsonObject) item = NULL;

  nexor_message_input_set_html (input, "<p>Your <b>quote</b></p>");
  nexor_message_input_set_subject (input, "Tu cotización");
  g_assert_false (nexor_message_input_is_set (input, "content"));
  result = nexor_client_send_message (fixture->client, input, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "POST", "/messages", NULL,
               "{\"lead_id\":\"" EMILY "\",\"workflow_id\":\"" SALES "\",\"html\":\"<p>Your <b>quote</b></p>\","
               "\"subject\":\"Tu cotización\",\"channel\":\"email\"}");
  g_assert_cmpint (nexor_message_result_get_channel (result), ==, NEXOR_MESSAGE_CHANNEL_EMAIL);
  g_assert_nonnull (nexor_message_result_get_activity_id (result));
  g_assert_null (nexor_message_result_get_message_type (result));
  g_assert_null (nexor_message_result_get_provider_message_id (result));
  item = dup_last_history_item (fixture, EMILY);
  g_assert_cmpstr (json_object_get_string_member (item, "channel"), ==, "email");
  g_assert_cmpstr (json_object_get_string_member (item, "subject"), ==, "Tu cotización");
  g_assert_cmpstr (json_object_get_string_member (item, "activity_id"), ==,
                   nexor_message_result_get_activity_id (result));
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  nexor_test_on_result (source, result, user_data);
}

static void
test_call_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorMessageInput) input = new_input (NEXOR_MESSAGE_CHANNEL_CALL, EMILY);
  g_autoptr(NexorMessageResult) result = NULL;
  g_autoptr(GAsyncResult) async_result = NULL;
  g_autoptr(JsonObject) item = NULL;

  g_object_set (input, "begin-message", "Hi Emily, this is Nexor's assistant", NULL);
  nexor_client_send_message_async (fixture->client, input, NULL, on_sent, &async_result);
  result = nexor_client_send_message_finish (fixture->client, nexor_test_wait_for_result (&async_result), &error);
  g_assert_no_error (error);
  assert_wire (fixture, "POST", "/messages", NULL,
               "{\"lead_id\":\"" EMILY "\",\"workflow_id\":\"" SALES "\","
               "\"begin_message\":\"Hi Emily, this is Nexor's assistant\",\"channel\":\"call\"}");
  g_assert_cmpint (nexor_message_result_get_channel (result), ==, NEXOR_MESSAGE_CHANNEL_CALL);
  g_assert_cmpstr (nexor_message_result_get_call_status (result), ==, "registered");
  g_assert_nonnull (nexor_message_result_get_call_id (result));
  g_assert_null (nexor_message_result_get_message_id (result));
  item = dup_last_history_item (fixture, EMILY);
  g_assert_cmpstr (json_object_get_string_member (item, "type"), ==, "call");
  g_assert_cmpstr (json_object_get_string_member (item, "id"), ==, nexor_message_result_get_call_id (result));
}

/* A channel this version does not know keeps its word. */
static void
test_unknown_channel_kept (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *body = "{\"success\":true,\"channel\":\"sms\",\"message_id\":\"m-1\",\"extra\":1}";
  g_autofree char *encoded = g_base64_encode ((const guchar *) body, strlen (body));
  g_autofree char *fault = g_strconcat ("body=", encoded, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorMessageInput) input = new_input (NEXOR_MESSAGE_CHANNEL_EMAIL, EMILY);
  g_autoptr(NexorMessageResult) result = NULL;
  g_autoptr(JsonObject) json = NULL;

  nexor_message_input_set_content (input, "x");
  nexor_emulator_push_fault (fixture->emulator, fault);
  result = nexor_client_send_message (fixture->client, input, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nexor_message_result_get_channel (result), ==, NEXOR_MESSAGE_CHANNEL_UNKNOWN);
  g_assert_cmpstr (nexor_message_result_get_channel_string (result), ==, "sms");
  g_assert_cmpstr (nexor_message_result_get_message_id (result), ==, "m-1");
  json = nexor_message_result_dup_json (result);
  g_assert_cmpint (json_object_get_int_member (json, "extra"), ==, 1);
}

/* ---------------------------------------------------------------------------
 * Refused
 * ------------------------------------------------------------------------- */

static void
test_refused_without_request (Fixture       *fixture,
                              gconstpointer  data)
{
  guint before = sent (fixture);
  struct {
    NexorMessageChannel channel;
    const char *lead_id;
    const char *content;
    const char *template_id;
    gboolean components;
    const char *message;
  } refused[] = {
    { NEXOR_MESSAGE_CHANNEL_UNKNOWN, EMILY, "x", NULL, FALSE, "channel" },
    { NEXOR_MESSAGE_CHANNEL_EMAIL, NULL, "x", NULL, FALSE, "lead-id" },
    { NEXOR_MESSAGE_CHANNEL_EMAIL, "../leads", "x", NULL, FALSE, "not a UUID" },
    { NEXOR_MESSAGE_CHANNEL_WHATSAPP, MARIANA, NULL, NULL, FALSE, "content" },
    { NEXOR_MESSAGE_CHANNEL_WHATSAPP, MARIANA, "  ", NULL, FALSE, "content" },
    { NEXOR_MESSAGE_CHANNEL_WHATSAPP, MARIANA, NULL, "tpl", FALSE, "not a UUID" },
    { NEXOR_MESSAGE_CHANNEL_EMAIL, EMILY, NULL, NULL, FALSE, "html" },
    { NEXOR_MESSAGE_CHANNEL_EMAIL, EMILY, "x", REENGAGE, FALSE, "WhatsApp" },
    { NEXOR_MESSAGE_CHANNEL_WHATSAPP, MARIANA, "x", NULL, TRUE, "components" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      static const char * const one[] = { "a", NULL };
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorMessageInput) input = nexor_message_input_new (refused[i].channel);
      g_autoptr(NexorMessageResult) result = NULL;

      nexor_message_input_set_workflow_id (input, SALES);
      if (refused[i].lead_id != NULL)
        nexor_message_input_set_lead_id (input, refused[i].lead_id);
      if (refused[i].content != NULL)
        nexor_message_input_set_content (input, refused[i].content);
      if (refused[i].template_id != NULL)
        nexor_message_input_set_template_id (input, refused[i].template_id);
      if (refused[i].components)
        nexor_message_input_set_template_parameters (input, one);

      result = nexor_client_send_message (fixture->client, input, NULL, &error);
      g_assert_null (result);
      g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
      if (strstr (error->message, refused[i].message) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, refused[i].message);
    }
  g_assert_cmpuint (sent (fixture), ==, before);
}

static void
test_refused_by_server (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char * const one[] = { "only one", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorMessageResult) result = NULL;
  guint emily = n_history (fixture, EMILY);

  /* Emily last wrote in February: free-form WhatsApp is refused. */
  {
    g_autoptr(NexorMessageInput) input = new_input (NEXOR_MESSAGE_CHANNEL_WHATSAPP, EMILY);

    nexor_message_input_set_content (input, "Hi Emily");
    result = nexor_client_send_message (fixture->client, input, NULL, &error);
    g_assert_null (result);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
    g_assert_nonnull (strstr (error->message, "24-hour"));
    g_clear_error (&error);

    /* A template with the wrong number of parameters. */
    nexor_message_input_unset (input, "content");
    nexor_message_input_set_template_id (input, REENGAGE);
    nexor_message_input_set_template_parameters (input, one);
    result = nexor_client_send_message (fixture->client, input, NULL, &error);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
    g_clear_error (&error);

    nexor_message_input_set_template_id (input, UNKNOWN_ID);
    result = nexor_client_send_message (fixture->client, input, NULL, &error);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "Template not found"));
    g_clear_error (&error);
  }

  {
    g_autoptr(NexorMessageInput) input = new_input (NEXOR_MESSAGE_CHANNEL_CALL, VALENTINA);

    result = nexor_client_send_message (fixture->client, input, NULL, &error);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
    g_assert_nonnull (strstr (error->message, "no phone"));
    g_clear_error (&error);

    g_object_set (input, "lead-id", UNKNOWN_ID, NULL);
    result = nexor_client_send_message (fixture->client, input, NULL, &error);
    g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "Lead not found"));
    g_clear_error (&error);
  }

  g_assert_cmpuint (n_history (fixture, EMILY), ==, emily);
  g_assert_cmpuint (n_history (fixture, VALENTINA), ==, 1);
}

/* ---------------------------------------------------------------------------
 * Never twice
 * ------------------------------------------------------------------------- */

/* A message reaches a person: under every fault the emulator injects after
 * the request left, the call fails after one attempt (OUTCOME_UNKNOWN where
 * no answer settled it), and the history shows what really happened — at
 * most one message. */
static void
test_never_twice (Fixture       *fixture,
                  gconstpointer  data)
{
  struct {
    const char *fault;
    gboolean delivered;  /* the emulator handled the request before the fault */
    NexorError code;
  } faults[] = {
    { "status=500", FALSE, NEXOR_ERROR_OUTCOME_UNKNOWN },
    { "status=502", FALSE, NEXOR_ERROR_OUTCOME_UNKNOWN },
    { "status=503", FALSE, NEXOR_ERROR_OUTCOME_UNKNOWN },
    { "status=503;retry-after=0", FALSE, NEXOR_ERROR_OUTCOME_UNKNOWN },
    { "status=504", FALSE, NEXOR_ERROR_OUTCOME_UNKNOWN },
    /* The connection drops in the middle of the answer. */
    { "reset", TRUE, NEXOR_ERROR_OUTCOME_UNKNOWN },
    /* No answer within the call's deadline. */
    { "delay=6000", TRUE, NEXOR_ERROR_OUTCOME_UNKNOWN },
    /* A 200 whose body is cut short: it was sent, the ids are lost. */
    { "truncated", TRUE, NEXOR_ERROR_INVALID_RESPONSE },
  };
  NexorMessageChannel channels[] = {
    NEXOR_MESSAGE_CHANNEL_WHATSAPP, NEXOR_MESSAGE_CHANNEL_EMAIL, NEXOR_MESSAGE_CHANNEL_CALL,
  };

  nexor_client_set_max_retries (fixture->client, 3);
  nexor_client_set_timeout (fixture->client, 2);

  for (guint c = 0; c < G_N_ELEMENTS (channels); c++)
    for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(NexorMessageInput) input = new_input (channels[c], MARIANA);
        g_autoptr(NexorMessageResult) result = NULL;
        guint before = sent (fixture);
        guint history = n_history (fixture, MARIANA);

        if (channels[c] != NEXOR_MESSAGE_CHANNEL_CALL)
          nexor_message_input_set_content (input, "Hola");
        nexor_emulator_push_fault (fixture->emulator, faults[i].fault);
        result = nexor_client_send_message (fixture->client, input, NULL, &error);
        g_assert_null (result);
        if (error == NULL || !g_error_matches (error, NEXOR_ERROR, faults[i].code))
          g_error ("%s on %s: %s", faults[i].fault, nexor_message_channel_to_string (channels[c]),
                   error != NULL ? error->message : "no error");
        g_assert_cmpuint (sent (fixture), ==, before + 1);
        g_assert_cmpuint (n_history (fixture, MARIANA), ==, history + (faults[i].delivered ? 1 : 0));
      }

  /* 429 says the server did not take it: retried, and sent once. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(NexorMessageInput) input = new_input (NEXOR_MESSAGE_CHANNEL_EMAIL, MARIANA);
    g_autoptr(NexorMessageResult) result = NULL;
    guint before = sent (fixture);
    guint history = n_history (fixture, MARIANA);

    nexor_message_input_set_content (input, "Hola");
    nexor_emulator_push_fault (fixture->emulator, "status=429;retry-after=0");
    result = nexor_client_send_message (fixture->client, input, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (sent (fixture), ==, before + 2);
    g_assert_cmpuint (n_history (fixture, MARIANA), ==, history + 1);
  }

  /* Listing templates is safe to repeat. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) templates = NULL;
    guint before = sent (fixture);

    nexor_emulator_push_fault (fixture->emulator, "status=503");
    templates = nexor_client_list_templates (fixture->client, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (sent (fixture), ==, before + 2);
  }
}

/* ---------------------------------------------------------------------------
 * Templates
 * ------------------------------------------------------------------------- */

static void
test_list_templates (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) marketing = NULL;
  g_autoptr(NexorTemplate) first = NULL;
  g_autoptr(NexorTemplate) last = NULL;
  g_autoptr(NexorTemplateVariable) variable = NULL;
  g_autoptr(JsonNode) components = NULL;
  GListModel *variables;
  guint before;

  all = nexor_client_list_templates (fixture->client, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "GET", "/templates", NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 4);

  first = g_list_model_get_item (all, 0);
  g_assert_cmpstr (nexor_template_get_id (first), ==, MEETING);
  g_assert_cmpstr (nexor_template_get_name (first), ==, "meeting_global_with_name");
  g_assert_cmpstr (nexor_template_get_language (first), ==, "es");
  g_assert_cmpstr (nexor_template_get_category (first), ==, "UTILITY");
  g_assert_cmpstr (nexor_template_get_status (first), ==, "APPROVED");
  components = nexor_template_dup_components (first);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (components));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (components), 0),
                                                  "type"), ==, "BODY");
  variables = nexor_template_get_variables (first);
  g_assert_cmpuint (g_list_model_get_n_items (variables), ==, 5);
  variable = g_list_model_get_item (variables, 1);
  g_assert_cmpstr (nexor_template_variable_get_name (variable), ==, "asesor");
  g_assert_cmpint (nexor_template_variable_get_position (variable), ==, 2);
  g_assert_cmpstr (nexor_template_variable_get_component (variable), ==, "BODY");

  /* "variables": null reads as none. */
  last = g_list_model_get_item (all, 3);
  g_assert_cmpstr (nexor_template_get_status (last), ==, "REJECTED");
  g_assert_cmpuint (g_list_model_get_n_items (nexor_template_get_variables (last)), ==, 0);

  marketing = nexor_client_list_templates (fixture->client, "APPROVED", "MARKETING", NULL, &error);
  g_assert_no_error (error);
  assert_wire (fixture, "GET", "/templates", "status=APPROVED&category=MARKETING", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (marketing), ==, 1);

  /* Values the API does not document are refused without a request. */
  before = sent (fixture);
  g_assert_null (nexor_client_list_templates (fixture->client, "approved", NULL, NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (nexor_client_list_templates (fixture->client, NULL, "status=x&", NULL, &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (sent (fixture), ==, before);
}

/* The template a closed window needs, from the list to the lead. */
static void
test_template_from_list_async (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) async_result = NULL;
  g_autoptr(GListModel) approved = NULL;
  g_autoptr(NexorTemplate) template = NULL;
  g_autoptr(NexorMessageInput) input = new_input (NEXOR_MESSAGE_CHANNEL_WHATSAPP, EMILY);
  g_autoptr(NexorMessageResult) result = NULL;
  g_autoptr(GPtrArray) parameters = g_ptr_array_new_with_free_func (g_free);
  GListModel *variables;

  nexor_client_list_templates_async (fixture->client, "APPROVED", "UTILITY", NULL, on_sent, &async_result);
  approved = nexor_client_list_templates_finish (fixture->client, nexor_test_wait_for_result (&async_result), &error);
  g_assert_no_error (error);
  g_clear_object (&async_result);
  g_assert_cmpuint (g_list_model_get_n_items (approved), ==, 1);
  template = g_list_model_get_item (approved, 0);

  variables = nexor_template_get_variables (template);
  for (guint i = 0; i < g_list_model_get_n_items (variables); i++)
    {
      g_autoptr(NexorTemplateVariable) variable = g_list_model_get_item (variables, i);

      g_ptr_array_add (parameters, g_strdup_printf ("<%s>", nexor_template_variable_get_name (variable)));
    }
  g_ptr_array_add (parameters, NULL);

  nexor_message_input_set_template_id (input, nexor_template_get_id (template));
  nexor_message_input_set_template_parameters (input, (const char * const *) parameters->pdata);
  nexor_client_send_message_async (fixture->client, input, NULL, on_sent, &async_result);
  result = nexor_client_send_message_finish (fixture->client, nexor_test_wait_for_result (&async_result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nexor_message_result_get_message_type (result), ==, "template");
  {
    g_autoptr(JsonObject) item = dup_last_history_item (fixture, EMILY);

    g_assert_cmpstr (json_object_get_string_member (item, "content"), ==,
                     "Hola <nombre>, soy <asesor> de Nexor. Te confirmo nuestra reunión el <fecha> a las "
                     "<hora>: <enlace>");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/messages/" path, Fixture, NULL, client_fixture_set_up, func, client_fixture_tear_down)

  ADD ("whatsapp-text", test_whatsapp_text);
  ADD ("whatsapp-template", test_whatsapp_template);
  ADD ("email", test_email);
  ADD ("call-async", test_call_async);
  ADD ("unknown-channel-kept", test_unknown_channel_kept);
  ADD ("refused/without-request", test_refused_without_request);
  ADD ("refused/by-server", test_refused_by_server);
  ADD ("never-twice", test_never_twice);
  ADD ("templates/list", test_list_templates);
  ADD ("templates/send-async", test_template_from_list_async);

#undef ADD

  return g_test_run ();
}
