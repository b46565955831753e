/* test-webhooks.c: webhook signatures and events
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <nexor-glib.h>

#include "nexor-webhook-signature-private.h"

#include "test-util.h"

/* Computed with Python's hmac module, independently of the library:
 *
 *   python3 -c 'import hmac, hashlib; print(hmac.new(KEY, BODY, hashlib.sha256).hexdigest())'
 *
 * The third is RFC 4231's test case 2. */
static const struct {
  const char *secret;
  const char *body;
  const char *hex;
} vectors[] = {
  { "whsec_nexor_test",
    "{\"event_type\":\"meeting.scheduled\",\"event_id\":\"550e8400-e29b-41d4-a716-446655440000\"}",
    "185284c91769f1b2c4ba32f97442e82229a3caa2c01522c9d4baf4f3f97a7594" },
  { "key", "", "5d5d139563c95b5967b9bd9a8c9b233a9dedb45072794cd232dc1b74832607d0" },
  { "Jefe", "what do ya want for nothing?",
    "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" },
  { "whsec_nexor_test", "{\"title\":\"Reuni\xc3\xb3n\"}\n",
    "3b37ac11a21d4de50960edd357e6df2be95218aaeff207a3b5e27cde93315342" },
};

static GBytes *
bytes_of (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static void
assert_verifies (GBytes     *body,
                 const char *signature,
                 const char *secret)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (nexor_webhook_verify_signature (body, signature, secret, &error));
  g_assert_no_error (error);
}

static void
assert_refused (GBytes     *body,
                const char *signature,
                const char *secret,
                int         code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (nexor_webhook_verify_signature (body, signature, secret, &error));
  g_assert_error (error, NEXOR_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  /* Neither the secret nor what the header held is ever in a message. */
  g_assert_null (strstr (error->message, secret));
  if (signature != NULL && strlen (signature) > 8)
    g_assert_null (strstr (error->message, signature));
}

static void
test_signature_vectors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (vectors); i++)
    {
      g_autoptr(GBytes) body = bytes_of (vectors[i].body);
      g_autofree char *computed = nexor_webhook_compute_signature (NEXOR_WEBHOOK_SIGNATURE_SCHEME_HMAC_SHA256_HEX,
                                                                   body, vectors[i].secret);
      g_autofree char *prefixed = g_strconcat ("sha256=", vectors[i].hex, NULL);
      g_autofree char *upper = g_ascii_strup (vectors[i].hex, -1);
      g_autofree char *upper_prefixed = g_strconcat ("SHA256=", upper, NULL);
      g_autofree char *padded = g_strconcat ("  ", prefixed, " ", NULL);

      g_assert_cmpstr (computed, ==, vectors[i].hex);
      assert_verifies (body, vectors[i].hex, vectors[i].secret);
      assert_verifies (body, prefixed, vectors[i].secret);
      assert_verifies (body, upper, vectors[i].secret);
      assert_verifies (body, upper_prefixed, vectors[i].secret);
      assert_verifies (body, padded, vectors[i].secret);
      g_assert_true (nexor_webhook_verify_signature_with_scheme (NEXOR_WEBHOOK_SIGNATURE_SCHEME_HMAC_SHA256_HEX,
                                                                 body, vectors[i].hex, vectors[i].secret,
                                                                 NULL));
    }
}

static void
test_signature_tampered (void)
{
  const char *body_text = vectors[0].body;
  const char *hex = vectors[0].hex;
  const char *secret = vectors[0].secret;
  g_autoptr(GBytes) body = bytes_of (body_text);
  g_autoptr(GBytes) longer = NULL;
  g_autoptr(GBytes) shorter = g_bytes_new (body_text, strlen (body_text) - 1);
  g_autofree char *with_space = g_strconcat (body_text, " ", NULL);
  g_autofree char *flipped_body = g_strdup (body_text);
  g_autofree char *flipped_signature = g_strdup (hex);

  longer = bytes_of (with_space);
  assert_refused (longer, hex, secret, NEXOR_ERROR_SIGNATURE_MISMATCH);
  assert_refused (shorter, hex, secret, NEXOR_ERROR_SIGNATURE_MISMATCH);

  /* Every single byte of the body counts. */
  for (gsize i = 0; flipped_body[i] != '\0'; i++)
    {
      g_autoptr(GBytes) changed = NULL;

      flipped_body[i] ^= 0x01;
      changed = bytes_of (flipped_body);
      assert_refused (changed, hex, secret, NEXOR_ERROR_SIGNATURE_MISMATCH);
      flipped_body[i] ^= 0x01;
    }

  /* And every digit of the signature, first and last included. */
  for (gsize i = 0; flipped_signature[i] != '\0'; i++)
    {
      char saved = flipped_signature[i];

      flipped_signature[i] = saved == '0' ? '1' : '0';
      assert_refused (body, flipped_signature, secret, NEXOR_ERROR_SIGNATURE_MISMATCH);
      flipped_signature[i] = saved;
    }

  /* Another secret, or the secret with a byte more or less. */
  assert_refused (body, hex, "whsec_nexor_tesT", NEXOR_ERROR_SIGNATURE_MISMATCH);
  assert_refused (body, hex, "whsec_nexor_test ", NEXOR_ERROR_SIGNATURE_MISMATCH);
  assert_refused (body, hex, "whsec_nexor_tes", NEXOR_ERROR_SIGNATURE_MISMATCH);
}

static void
test_signature_missing_and_malformed (void)
{
  g_autoptr(GBytes) body = bytes_of (vectors[0].body);
  const char *secret = vectors[0].secret;
  g_autofree char *short_hex = g_strndup (vectors[0].hex, 63);
  g_autofree char *long_hex = g_strconcat (vectors[0].hex, "0", NULL);
  g_autofree char *non_hex = g_strdup (vectors[0].hex);
  g_autofree char *other_prefix = g_strconcat ("sha1=", vectors[0].hex, NULL);
  g_autofree char *double_prefix = g_strconcat ("sha256=sha256=", vectors[0].hex, NULL);
  g_autofree char *stripe_style = g_strconcat ("t=1700000000,v1=", vectors[0].hex, NULL);
  g_autoptr(GError) error = NULL;

  non_hex[10] = 'g';

  assert_refused (body, NULL, secret, NEXOR_ERROR_SIGNATURE_MISSING);
  assert_refused (body, "", secret, NEXOR_ERROR_SIGNATURE_MISSING);
  assert_refused (body, "   ", secret, NEXOR_ERROR_SIGNATURE_MISSING);

  assert_refused (body, "sha256=", secret, NEXOR_ERROR_SIGNATURE_MALFORMED);
  assert_refused (body, short_hex, secret, NEXOR_ERROR_SIGNATURE_MALFORMED);
  assert_refused (body, long_hex, secret, NEXOR_ERROR_SIGNATURE_MALFORMED);
  assert_refused (body, non_hex, secret, NEXOR_ERROR_SIGNATURE_MALFORMED);
  assert_refused (body, other_prefix, secret, NEXOR_ERROR_SIGNATURE_MALFORMED);
  assert_refused (body, double_prefix, secret, NEXOR_ERROR_SIGNATURE_MALFORMED);
  assert_refused (body, stripe_style, secret, NEXOR_ERROR_SIGNATURE_MALFORMED);
  assert_refused (body, "not a signature at all", secret, NEXOR_ERROR_SIGNATURE_MALFORMED);

  /* An empty secret would let anyone sign. */
  g_assert_false (nexor_webhook_verify_signature (body, vectors[0].hex, "", &error));
  g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT);
}

/* The comparison the verification uses: right on every length and on a
 * difference at every position (the time it takes is reviewed, not
 * measured: it has no early exit and no branch on the bytes). */
static void
test_constant_time_equal (void)
{
  guint8 a[64], b[64];

  for (guint i = 0; i < sizeof a; i++)
    a[i] = b[i] = (guint8) (i * 37 + 11);

  g_assert_true (_nexor_constant_time_equal (a, b, 0));
  for (gsize length = 1; length <= sizeof a; length++)
    {
      g_assert_true (_nexor_constant_time_equal (a, b, length));
      for (gsize i = 0; i < length; i++)
        for (guint bit = 0; bit < 8; bit++)
          {
            b[i] ^= (guint8) (1u << bit);
            g_assert_false (_nexor_constant_time_equal (a, b, length));
            b[i] ^= (guint8) (1u << bit);
          }
    }
  /* Bytes past the length are not compared. */
  b[10] ^= 0xff;
  g_assert_true (_nexor_constant_time_equal (a, b, 10));
  g_assert_false (_nexor_constant_time_equal (a, b, 11));
}

static NexorWebhookEvent *
load_event (const char *name)
{
  g_autoptr(GBytes) body = nexor_test_load_bytes (name);
  g_autoptr(GError) error = NULL;
  NexorWebhookEvent *event = nexor_webhook_event_new_from_bytes (body, &error);

  g_assert_no_error (error);
  g_assert_true (NEXOR_IS_WEBHOOK_EVENT (event));
  return event;
}

/* Every readable property of @object reads without a warning. */
static void
read_every_property (GObject *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!(pspecs[i]->flags & G_PARAM_READABLE))
        continue;
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
      if (G_VALUE_HOLDS_OBJECT (&value) && g_value_get_object (&value) != NULL &&
          !G_IS_LIST_MODEL (g_value_get_object (&value)))
        read_every_property (g_value_get_object (&value));
    }
}

static void
check_meeting_event (NexorWebhookEvent     *event,
                     NexorWebhookEventType  type,
                     const char            *type_string)
{
  NexorWebhookMeetingData *data = nexor_webhook_event_get_meeting_data (event);
  NexorMeeting *meeting;
  NexorLead *lead;
  NexorTeamMember *host;
  g_autoptr(JsonObject) json = NULL;
  g_autoptr(JsonObject) raw_data = NULL;
  g_autoptr(JsonObject) data_json = NULL;
  g_autoptr(GObject) from_property = NULL;

  g_assert_cmpint (nexor_webhook_event_get_event_type (event), ==, type);
  g_assert_cmpstr (nexor_webhook_event_get_event_type_string (event), ==, type_string);
  g_assert_cmpstr (nexor_webhook_event_get_event_id (event), ==, "550e8400-e29b-41d4-a716-446655440000");
  g_assert_cmpstr (nexor_webhook_event_get_webhook_id (event), ==, "0b7e3f52-4c1d-4f4e-9a57-6f3c2b1a9d10");
  g_assert_cmpstr (nexor_webhook_event_get_delivery_id (event), ==, "7c9e6679-7425-40de-944b-e07fc1f90ae7");
  g_assert_cmpstr (nexor_webhook_event_get_client_id (event), ==, "9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f");
  g_assert_false (nexor_webhook_event_get_test (event));
  /* Milliseconds are kept. */
  nexor_test_assert_datetime (nexor_webhook_event_get_timestamp (event), "2026-04-17T16:30:00.123Z");
  g_assert_cmpint (g_date_time_get_microsecond (nexor_webhook_event_get_timestamp (event)), ==, 123000);
  g_assert_null (nexor_webhook_event_get_status_change_data (event));

  g_assert_nonnull (data);
  g_object_get (event, "meeting-data", &from_property, NULL);
  g_assert_true (from_property == (GObject *) data);

  meeting = nexor_webhook_meeting_data_get_meeting (data);
  g_assert_cmpstr (nexor_meeting_get_id (meeting), ==, "3f2504e0-4f89-41d3-9a0c-0305e82c3301");
  g_assert_cmpstr (nexor_meeting_get_title (meeting), ==, "Meeting with Tony Stark");
  nexor_test_assert_datetime (nexor_meeting_get_starts_at (meeting), "2026-04-21T17:30:00Z");
  nexor_test_assert_datetime (nexor_meeting_get_ends_at (meeting), "2026-04-21T18:00:00Z");
  g_assert_cmpint (nexor_meeting_get_duration_minutes (meeting), ==, 30);
  g_assert_cmpstr (nexor_meeting_get_timezone (meeting), ==, "America/Santiago");
  g_assert_cmpstr (nexor_meeting_get_location_type (meeting), ==, "video");
  g_assert_null (nexor_meeting_get_location_details (meeting));
  g_assert_cmpstr (nexor_meeting_get_meeting_url (meeting), ==, "https://meet.google.com/abc-defg-hij");
  g_assert_cmpstr (nexor_meeting_get_status (meeting), ==, "scheduled");
  g_assert_cmpstr (nexor_meeting_get_source (meeting), ==, "ai_agent");
  g_assert_cmpstr (nexor_meeting_get_attendee_name (meeting), ==, "Tony Stark");
  g_assert_cmpstr (nexor_meeting_get_attendee_email (meeting), ==, "tony.stark@gmail.com");
  g_assert_cmpstr (nexor_meeting_get_attendee_phone (meeting), ==, "56994357854");
  g_assert_false (nexor_meeting_get_confirmed_by_lead (meeting));
  g_assert_null (nexor_meeting_get_cancelled_at (meeting));
  g_assert_null (nexor_meeting_get_outcome_at (meeting));

  lead = nexor_webhook_meeting_data_get_lead (data);
  g_assert_true (nexor_webhook_event_get_lead (event) == lead);
  g_assert_cmpstr (nexor_lead_get_id (lead), ==, "123e4567-e89b-12d3-a456-426614174000");
  g_assert_cmpstr (nexor_lead_get_first_name (lead), ==, "Tony");
  g_assert_cmpstr (nexor_lead_get_last_name (lead), ==, "Stark");
  g_assert_cmpstr (nexor_lead_get_phone (lead), ==, "56994357854");
  g_assert_null (nexor_lead_get_company (lead));
  g_assert_cmpstr (nexor_lead_get_source (lead), ==, "api");

  host = nexor_webhook_meeting_data_get_host (data);
  g_assert_cmpstr (nexor_team_member_get_id (host), ==, "6a1f7d2e-8b3c-4d5e-9f60-7a8b9c0d1e2f");
  g_assert_cmpstr (nexor_team_member_get_first_name (host), ==, "Antonia");
  g_assert_cmpstr (nexor_team_member_get_last_name (host), ==, "Stark");
  g_assert_cmpstr (nexor_team_member_get_email (host), ==, "antonia@capitaria.com");
  g_assert_null (nexor_team_member_get_name (host));

  g_assert_cmpstr (nexor_meeting_type_get_id (nexor_webhook_meeting_data_get_meeting_type (data)), ==,
                   "d4c3b2a1-0f9e-4d8c-b7a6-5f4e3d2c1b0a");
  g_assert_cmpstr (nexor_meeting_type_get_name (nexor_webhook_meeting_data_get_meeting_type (data)), ==,
                   "Discovery Call");
  g_assert_cmpstr (nexor_workflow_get_name (nexor_webhook_meeting_data_get_workflow (data)), ==,
                   "Agendamiento");

  json = nexor_webhook_event_dup_json (event);
  g_assert_cmpstr (json_object_get_string_member (json, "event_type"), ==, type_string);
  raw_data = nexor_webhook_event_dup_data (event);
  g_assert_true (json_object_has_member (raw_data, "meeting_type"));
  data_json = nexor_webhook_meeting_data_dup_json (data);
  g_assert_true (json_object_has_member (data_json, "host"));

  read_every_property (G_OBJECT (event));
}

static void
test_event_meeting_events (void)
{
  static const struct {
    const char *name;
    NexorWebhookEventType type;
  } meeting_events[] = {
    { "meeting.scheduled", NEXOR_WEBHOOK_EVENT_TYPE_MEETING_SCHEDULED },
    { "meeting.confirmed", NEXOR_WEBHOOK_EVENT_TYPE_MEETING_CONFIRMED },
    { "meeting.cancelled", NEXOR_WEBHOOK_EVENT_TYPE_MEETING_CANCELLED },
    { "meeting.completed", NEXOR_WEBHOOK_EVENT_TYPE_MEETING_COMPLETED },
    { "meeting.no_show", NEXOR_WEBHOOK_EVENT_TYPE_MEETING_NO_SHOW },
  };
  g_autoptr(GBytes) fixture = nexor_test_load_bytes ("webhook-meeting-scheduled.json");
  g_autofree char *text = g_strndup (g_bytes_get_data (fixture, NULL), g_bytes_get_size (fixture));

  /* The five share one payload (§6): the documented example under each name. */
  for (guint i = 0; i < G_N_ELEMENTS (meeting_events); i++)
    {
      g_autoptr(GRegex) regex = g_regex_new ("\"meeting\\.scheduled\"", 0, 0, NULL);
      g_autofree char *quoted = g_strdup_printf ("\"%s\"", meeting_events[i].name);
      g_autofree char *renamed = g_regex_replace_literal (regex, text, -1, 0, quoted, 0, NULL);
      g_autoptr(GBytes) body = bytes_of (renamed);
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorWebhookEvent) event = nexor_webhook_event_new_from_bytes (body, &error);

      g_assert_no_error (error);
      check_meeting_event (event, meeting_events[i].type, meeting_events[i].name);
      g_assert_true (g_bytes_equal (nexor_webhook_event_get_body (event), body));
    }
}

static void
test_event_status_changed (void)
{
  g_autoptr(NexorWebhookEvent) event = load_event ("webhook-status-changed.json");
  NexorWebhookStatusChangeData *data = nexor_webhook_event_get_status_change_data (event);
  NexorWorkflowStatus *from, *to;
  NexorLead *lead;
  g_autoptr(JsonObject) metadata = NULL;

  g_assert_cmpint (nexor_webhook_event_get_event_type (event), ==,
                   NEXOR_WEBHOOK_EVENT_TYPE_WORKFLOW_RUN_STATUS_CHANGED);
  g_assert_true (nexor_webhook_event_get_test (event));
  g_assert_cmpint (g_date_time_get_microsecond (nexor_webhook_event_get_timestamp (event)), ==, 0);
  g_assert_null (nexor_webhook_event_get_meeting_data (event));
  g_assert_nonnull (data);

  from = nexor_webhook_status_change_data_get_from_status (data);
  to = nexor_webhook_status_change_data_get_to_status (data);
  /* Statuses without an id, named by their key. */
  g_assert_null (nexor_workflow_status_get_id (from));
  g_assert_cmpstr (nexor_workflow_status_get_key (from), ==, "new");
  g_assert_cmpstr (nexor_workflow_status_get_label (from), ==, "New");
  g_assert_cmpstr (nexor_workflow_status_get_category (from), ==, "active");
  g_assert_cmpstr (nexor_workflow_status_get_key (to), ==, "contacted");
  g_assert_cmpstr (nexor_workflow_status_get_label (to), ==, "Contacted");
  g_assert_cmpstr (nexor_webhook_status_change_data_get_trigger_type (data), ==, "agent");
  g_assert_cmpstr (nexor_webhook_status_change_data_get_actor_type (data), ==, "system");

  lead = nexor_webhook_status_change_data_get_lead (data);
  g_assert_true (nexor_webhook_event_get_lead (event) == lead);
  g_assert_cmpstr (nexor_lead_get_first_name (lead), ==, "Carlos");
  metadata = nexor_lead_dup_metadata (lead);
  g_assert_cmpint (json_object_get_int_member (metadata, "edad"), ==, 35);
  g_assert_cmpstr (json_object_get_string_member (metadata, "broker_asociado"), ==, "Ana");
  g_assert_cmpstr (nexor_workflow_get_id (nexor_webhook_status_change_data_get_workflow (data)), ==,
                   "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");
  g_assert_cmpstr (nexor_workflow_run_get_id (nexor_webhook_status_change_data_get_workflow_run (data)), ==,
                   "b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e");

  read_every_property (G_OBJECT (event));
}

/* The shape the emulator delivers for an enrollment: no previous status,
 * statuses with ids, an actor and a reason, the whole run. */
static void
test_event_status_enrollment (void)
{
  g_autoptr(NexorWebhookEvent) event = load_event ("webhook-status-enrollment.json");
  NexorWebhookStatusChangeData *data = nexor_webhook_event_get_status_change_data (event);
  NexorWorkflowRun *run;

  g_assert_nonnull (data);
  g_assert_null (nexor_webhook_status_change_data_get_from_status (data));
  g_assert_cmpstr (nexor_workflow_status_get_id (nexor_webhook_status_change_data_get_to_status (data)), ==,
                   "c88a3f3b-1d2e-4f5a-8b6c-7d8e9f0a1b2c");
  g_assert_cmpstr (nexor_webhook_status_change_data_get_trigger_type (data), ==, "enrollment");
  g_assert_cmpstr (nexor_webhook_status_change_data_get_actor_type (data), ==, "user");
  g_assert_cmpstr (nexor_webhook_status_change_data_get_actor_id (data), ==,
                   "e9b2a101-e747-4de7-8333-2844f1e479e0");
  g_assert_cmpstr (nexor_webhook_status_change_data_get_reason (data), ==, "referred by Ana");
  run = nexor_webhook_status_change_data_get_workflow_run (data);
  g_assert_true (nexor_workflow_run_get_is_active (run));
  g_assert_cmpstr (nexor_workflow_run_get_run_status (run), ==, "running");
  g_assert_cmpstr (nexor_workflow_get_name (nexor_webhook_status_change_data_get_workflow (data)), ==,
                   "Sales Pipeline");
  read_every_property (G_OBJECT (event));
}

static void
test_event_unknown (void)
{
  g_autoptr(NexorWebhookEvent) event = load_event ("webhook-unknown.json");
  g_autoptr(JsonObject) json = nexor_webhook_event_dup_json (event);
  g_autoptr(JsonObject) data = nexor_webhook_event_dup_data (event);
  NexorWebhookEventType type;

  g_assert_cmpint (nexor_webhook_event_get_event_type (event), ==, NEXOR_WEBHOOK_EVENT_TYPE_UNKNOWN);
  g_assert_cmpstr (nexor_webhook_event_get_event_type_string (event), ==, "outreach.failed");
  g_assert_cmpstr (nexor_webhook_event_get_event_id (event), ==, "1d2c3b4a-5f6e-4d7c-8b9a-0f1e2d3c4b5a");
  g_assert_null (nexor_webhook_event_get_webhook_id (event));
  g_assert_null (nexor_webhook_event_get_meeting_data (event));
  g_assert_null (nexor_webhook_event_get_status_change_data (event));
  g_assert_null (nexor_webhook_event_get_lead (event));
  g_assert_cmpint (g_date_time_get_microsecond (nexor_webhook_event_get_timestamp (event)), ==, 500000);
  /* Unknown members, of the envelope and of the data, are kept. */
  g_assert_cmpstr (json_object_get_string_member (json, "api_version"), ==, "2026-06");
  g_assert_cmpstr (json_object_get_string_member (data, "reason"), ==, "template rejected");
  g_assert_cmpint (json_object_get_int_member (data, "attempt"), ==, 3);

  g_object_get (event, "event-type", &type, NULL);
  g_assert_cmpint (type, ==, NEXOR_WEBHOOK_EVENT_TYPE_UNKNOWN);
  read_every_property (G_OBJECT (event));
}

/* A known event whose data is missing, of the wrong type or half
 * unreadable is still an event; what cannot be read is left unset. */
static void
test_event_lenient (void)
{
  static const char *bodies[] = {
    "{\"event_type\":\"meeting.scheduled\",\"event_id\":\"e1\"}",
    "{\"event_type\":\"meeting.scheduled\",\"event_id\":\"e1\",\"data\":null}",
    "{\"event_type\":\"meeting.scheduled\",\"event_id\":\"e1\",\"data\":[1,2]}",
    "{\"event_type\":\"workflow_run.status_changed\",\"event_id\":\"e1\",\"data\":\"x\"}",
    "{\"event_type\":\"meeting.scheduled\",\"event_id\":\"e1\",\"timestamp\":\"yesterday\","
      "\"test\":\"no\",\"webhook_id\":7}",
  };
  g_autoptr(GBytes) half = NULL;
  g_autoptr(NexorWebhookEvent) event = NULL;
  NexorWebhookMeetingData *data;
  g_autoptr(JsonObject) data_json = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(GBytes) body = bytes_of (bodies[i]);
      g_autoptr(NexorWebhookEvent) lenient = nexor_webhook_event_new_from_bytes (body, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (nexor_webhook_event_get_event_id (lenient), ==, "e1");
      g_assert_null (nexor_webhook_event_get_meeting_data (lenient));
      g_assert_null (nexor_webhook_event_get_status_change_data (lenient));
      g_assert_null (nexor_webhook_event_get_timestamp (lenient));
      g_assert_null (nexor_webhook_event_get_webhook_id (lenient));
      read_every_property (G_OBJECT (lenient));
    }

  /* A meeting without its id and a host of the wrong type are left out;
   * the lead beside them is read. */
  half = bytes_of ("{\"event_type\":\"meeting.cancelled\",\"event_id\":\"e2\",\"data\":{"
                   "\"meeting\":{\"title\":\"no id\"},\"host\":\"Antonia\","
                   "\"lead\":{\"id\":\"l1\",\"first_name\":\"Ana\"},\"extra\":{\"x\":1}}}");
  event = nexor_webhook_event_new_from_bytes (half, &error);
  g_assert_no_error (error);
  data = nexor_webhook_event_get_meeting_data (event);
  g_assert_nonnull (data);
  g_assert_null (nexor_webhook_meeting_data_get_meeting (data));
  g_assert_null (nexor_webhook_meeting_data_get_host (data));
  g_assert_cmpstr (nexor_lead_get_first_name (nexor_webhook_meeting_data_get_lead (data)), ==, "Ana");
  data_json = nexor_webhook_meeting_data_dup_json (data);
  g_assert_true (json_object_has_member (data_json, "extra"));
}

static void
test_event_invalid (void)
{
  static const char *bodies[] = {
    "",
    "   ",
    "not json",
    "{\"event_type\":\"meeting.scheduled\",\"event_id\":\"e1\"",
    "{\"event_type\":\"meeting.scheduled\",\"event_id\":\"e1\"} trailing",
    "[]",
    "\"meeting.scheduled\"",
    "null",
    "{}",
    "{\"event_id\":\"e1\"}",
    "{\"event_type\":\"meeting.scheduled\"}",
    "{\"event_type\":\"meeting.scheduled\",\"event_id\":\"\"}",
    "{\"event_type\":\"meeting.scheduled\",\"event_id\":null}",
    "{\"event_type\":42,\"event_id\":\"e1\"}",
    "{\"event_type\":\"meeting.scheduled\",\"event_id\":{\"id\":\"e1\"}}",
    "{\"event_type\":\"x\",\"event_id\":\"e1\",\"s\":\"\\ud800\"}",
    "\xff\xfe{}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(GBytes) body = bytes_of (bodies[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(NexorWebhookEvent) event = nexor_webhook_event_new_from_bytes (body, &error);

      g_assert_null (event);
      g_assert_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_EVENT);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_null (strstr (error->message, "response"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/webhooks/signature/vectors", test_signature_vectors);
  g_test_add_func ("/webhooks/signature/tampered", test_signature_tampered);
  g_test_add_func ("/webhooks/signature/missing-and-malformed", test_signature_missing_and_malformed);
  g_test_add_func ("/webhooks/signature/constant-time-equal", test_constant_time_equal);
  g_test_add_func ("/webhooks/event/meeting-events", test_event_meeting_events);
  g_test_add_func ("/webhooks/event/status-changed", test_event_status_changed);
  g_test_add_func ("/webhooks/event/status-enrollment", test_event_status_enrollment);
  g_test_add_func ("/webhooks/event/unknown", test_event_unknown);
  g_test_add_func ("/webhooks/event/lenient", test_event_lenient);
  g_test_add_func ("/webhooks/event/invalid", test_event_invalid);

  return g_test_run ();
}
