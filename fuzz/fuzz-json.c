/* fuzz-json.c: libFuzzer target over every JSON parser of the library
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Each input is one response body. It goes through _nexor_json_parse_bytes()
 * (the guarded entry point every response takes) and, when that accepts it,
 * through every parser in the table below, the way the request core would
 * hand it over. Besides crashes and sanitizer reports, a run fails on:
 *   - a g_warning or g_critical (fatal here, as in the tests);
 *   - a parser that returns NULL without an error, or an object with one;
 *   - an error message that is not one line of UTF-8 of bounded length, or a
 *     string property of a result that is not UTF-8;
 *   - a tree that differs from json-glib's own JsonParser's on the same
 *     bytes, when both accept them and json-glib is known to read them right;
 *   - an object whose recorded span does not read back as that object.
 * Every result's properties are all read, so the getters run too.
 *
 * To add a parser, add one line to the table, and a seed it accepts to
 * fuzz/corpus/json: the unit suite fails while a parser of the table has
 * accepted no input (nexor_fuzz_dup_unreached()).
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nexor-assign-result-private.h"
#include "nexor-automation-result-private.h"
#include "nexor-bulk-create-result-private.h"
#include "nexor-bulk-item-result-private.h"
#include "nexor-cadence-private.h"
#include "nexor-campaign-private.h"
#include "nexor-conversion-field-private.h"
#include "nexor-conversion-list-private.h"
#include "nexor-conversion-private.h"
#include "nexor-conversion-type-private.h"
#include "nexor-create-lead-result-private.h"
#include "nexor-history-item-private.h"
#include "nexor-history-list-private.h"
#include "nexor-json-document-private.h"
#include "json-identical.h"
#include "nexor-json-private.h"
#include "nexor-lead-list-private.h"
#include "nexor-lead-private.h"
#include "nexor-meeting-note-result-private.h"
#include "nexor-meeting-outcome-private.h"
#include "nexor-meeting-private.h"
#include "nexor-message-result-private.h"
#include "nexor-status-change-private.h"
#include "nexor-tag-private.h"
#include "nexor-tag-sync-result-private.h"
#include "nexor-team-member-private.h"
#include "nexor-template-private.h"
#include "nexor-template-variable-private.h"
#include "nexor-user-private.h"
#include "nexor-variable-private.h"
#include "nexor-workflow-private.h"
#include "nexor-workflow-run-private.h"
#include "nexor-workflow-run-summary-private.h"
#include "nexor-workflow-status-private.h"
#include "nexor-meeting-type-private.h"
#include "nexor-webhook-meeting-data-private.h"
#include "nexor-webhook-status-change-data-private.h"
#include "nexor-webhook-event.h"
#include "nexor-webhook-signature.h"

typedef enum {
  PARSE_RESPONSE,  /* fn (JsonNode *root, GError **) */
  PARSE_OBJECT,    /* fn (JsonObject *, GError **), on the root object, each
                    * object member of it and each object in a root array */
  PARSE_ENVELOPE,  /* _nexor_json_unwrap_envelope (root, member) then fn (object) */
  PARSE_LIST,      /* _nexor_json_unwrap_list (root, member, item type, fn) */
} ParseKind;

typedef struct {
  const char *name;
  ParseKind kind;
  GCallback func;
  const char *member;          /* ENVELOPE and LIST */
  GType (*item_type) (void);   /* LIST */
} Parser;

typedef gpointer (*ResponseFunc) (JsonNode *, NexorJsonDocument *, GError **);
typedef gpointer (*ObjectFunc) (JsonObject *, NexorJsonDocument *, GError **);

#define RESPONSE(f)            { #f, PARSE_RESPONSE, G_CALLBACK (f), NULL, NULL }
#define OBJECT(f)              { #f, PARSE_OBJECT, G_CALLBACK (f), NULL, NULL }
#define ENVELOPE(m, f)         { #f " in " m, PARSE_ENVELOPE, G_CALLBACK (f), m, NULL }
#define LIST(m, type, f)       { #f " list in " m, PARSE_LIST, G_CALLBACK (f), m, type }

/* Parsers that need more than an object get an adapter. */
static gpointer
lead_with_variables (JsonObject         *object,
                     NexorJsonDocument  *document,
                     GError            **error)
{
  JsonNode *variables = json_object_get_member (object, "variables");

  return _nexor_lead_new_from_json (object,
                                    variables != NULL && JSON_NODE_HOLDS_OBJECT (variables)
                                      ? json_node_get_object (variables) : NULL, document, error);
}

static gpointer
variable_named_edad (JsonObject         *object,
                     NexorJsonDocument  *document,
                     GError            **error)
{
  return _nexor_variable_new_from_json ("edad", object, document, error);
}

static const Parser parsers[] = {
  /* Whole responses, as the endpoints hand them over. */
  RESPONSE (_nexor_lead_new_from_response),
  RESPONSE (_nexor_create_lead_result_new_from_response),
  RESPONSE (_nexor_bulk_create_result_new_from_response),
  RESPONSE (_nexor_assign_result_new_from_response),
  RESPONSE (_nexor_automation_result_new_from_response),
  RESPONSE (_nexor_status_change_new_from_response),
  RESPONSE (_nexor_tag_sync_result_new_from_response),
  RESPONSE (_nexor_history_page_new_from_response),
  RESPONSE (_nexor_conversion_page_new_from_response),
  RESPONSE (_nexor_lead_page_new_from_response),
  RESPONSE (_nexor_meeting_outcome_new_from_response),
  RESPONSE (_nexor_meeting_note_result_new_from_response),
  /* The tag and team endpoints' own (static) parsers, rebuilt from the same calls. */
  ENVELOPE ("tag", _nexor_tag_new_from_json),
  LIST ("tags", nexor_tag_get_type, _nexor_tag_new_from_json),
  LIST ("team", nexor_team_member_get_type, _nexor_team_member_new_from_json),
  ENVELOPE ("conversion_event", _nexor_conversion_new_from_json),
  LIST ("conversion_types", nexor_conversion_type_get_type, _nexor_conversion_type_new_from_json),
  /* The meeting and message endpoints' static parsers, likewise. */
  ENVELOPE ("meeting", _nexor_meeting_new_from_json),
  LIST ("meetings", nexor_meeting_get_type, _nexor_meeting_new_from_json),
  LIST ("templates", nexor_template_get_type, _nexor_template_new_from_json),
  /* Every resource on its own. */
  OBJECT (lead_with_variables),
  OBJECT (variable_named_edad),
  OBJECT (_nexor_assign_result_new_from_json),
  OBJECT (_nexor_automation_result_new_from_json),
  OBJECT (_nexor_bulk_create_result_new_from_json),
  OBJECT (_nexor_bulk_item_result_new_from_json),
  OBJECT (_nexor_cadence_new_from_json),
  OBJECT (_nexor_campaign_new_from_json),
  OBJECT (_nexor_conversion_new_from_json),
  OBJECT (_nexor_conversion_field_new_from_json),
  OBJECT (_nexor_conversion_type_new_from_json),
  OBJECT (_nexor_create_lead_result_new_from_json),
  OBJECT (_nexor_history_item_new_from_json),
  OBJECT (_nexor_meeting_new_from_json),
  OBJECT (_nexor_message_result_new_from_json),
  OBJECT (_nexor_status_change_new_from_json),
  OBJECT (_nexor_tag_new_from_json),
  OBJECT (_nexor_tag_sync_result_new_from_json),
  OBJECT (_nexor_team_member_new_from_json),
  OBJECT (_nexor_template_new_from_json),
  OBJECT (_nexor_template_variable_new_from_json),
  OBJECT (_nexor_user_new_from_json),
  OBJECT (_nexor_workflow_new_from_json),
  OBJECT (_nexor_workflow_run_new_from_json),
  OBJECT (_nexor_workflow_run_summary_new_from_json),
  OBJECT (_nexor_workflow_status_new_from_json),
  /* Webhook deliveries' parts; the whole event is read from the bytes. */
  OBJECT (_nexor_workflow_status_new_from_keyed_json),
  OBJECT (_nexor_meeting_type_new_from_json),
  OBJECT (_nexor_webhook_meeting_data_new_from_json),
  OBJECT (_nexor_webhook_status_change_data_new_from_json),
};

/* How many inputs each parser of the table turned into a result. */
static guint accepted[G_N_ELEMENTS (parsers)];

/* Object members and array items tried per input: enough for every
 * documented shape, small enough to keep the rate up. */
#define MAX_NESTED_TRIES 8

static void
check_utf8 (const char *what,
            const char *name,
            const char *text)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_printerr ("%s: %s is not valid UTF-8\n", what, name);
      abort ();
    }
}

/* A message quotes what it did not write (_nexor_quote()): it stays one
 * line of UTF-8 of a bounded length, whatever the body. */
#define MAX_MESSAGE_BYTES 2048

static void
check_message (const char *what,
               const char *message)
{
  check_utf8 (what, "the error message", message);
  if (strlen (message) > MAX_MESSAGE_BYTES)
    {
      g_printerr ("%s: the error message is %zu bytes long\n", what, strlen (message));
      abort ();
    }
  for (const char *p = message; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        g_printerr ("%s: the error message holds a control character\n", what);
        abort ();
      }
}

/* Reads every property, as a binding would; strings must be UTF-8. */
static void
check_object (const char *what,
              gpointer    result,
              guint       depth)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  if (!G_IS_OBJECT (result))
    {
      g_printerr ("%s: the result is not a GObject\n", what);
      abort ();
    }

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (result), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!(pspecs[i]->flags & G_PARAM_READABLE))
        continue;
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (result, pspecs[i]->name, &value);
      if (G_VALUE_HOLDS_STRING (&value))
        check_utf8 (what, pspecs[i]->name, g_value_get_string (&value));
      else if (depth < 4 && G_VALUE_HOLDS_OBJECT (&value) && g_value_get_object (&value) != NULL)
        check_object (what, g_value_get_object (&value), depth + 1);
    }

  if (G_IS_LIST_MODEL (result))
    {
      guint n = g_list_model_get_n_items (result);

      for (guint i = 0; i < n && depth < 4; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (result, i);

          check_object (what, item, depth + 1);
        }
    }
}

static void
check_result (const char *what,
              gpointer    result,
              GError     *error)
{
  if ((result == NULL) == (error == NULL))
    {
      g_printerr ("%s: returned %s %s an error\n", what,
                  result == NULL ? "NULL" : "an object", error == NULL ? "without" : "with");
      abort ();
    }
  if (error != NULL)
    check_message (what, error->message);
  else
    check_object (what, result, 0);
}

static gboolean
run_object_parser (const Parser *parser,
                   JsonObject   *object)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) result = ((ObjectFunc) parser->func) (object, NULL, &error);

  check_result (parser->name, result, error);
  return result != NULL;
}

/* Whether the parser made something of @root. */
static gboolean
run_parser (const Parser *parser,
            JsonNode     *root)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) result = NULL;
  gboolean made = FALSE;

  switch (parser->kind)
    {
    case PARSE_RESPONSE:
      result = ((ResponseFunc) parser->func) (root, NULL, &error);
      check_result (parser->name, result, error);
      made = result != NULL;
      break;

    case PARSE_ENVELOPE:
      {
        JsonObject *object = _nexor_json_unwrap_envelope (root, parser->member, parser->member, &error);

        if (object == NULL)
          check_result (parser->name, NULL, error);
        else
          made = run_object_parser (parser, object);
      }
      break;

    case PARSE_LIST:
      result = (GObject *) _nexor_json_unwrap_list (root, parser->member, parser->member,
                                                    parser->item_type (),
                                                    (NexorResourceParseFunc) parser->func, NULL, &error);
      check_result (parser->name, result, error);
      made = result != NULL;
      break;

    case PARSE_OBJECT:
      if (JSON_NODE_HOLDS_OBJECT (root))
        {
          JsonObject *object = json_node_get_object (root);
          JsonObjectIter iter;
          const char *name;
          JsonNode *member;
          guint tries = 0;

          made = run_object_parser (parser, object);
          json_object_iter_init (&iter, object);
          while (tries < MAX_NESTED_TRIES && json_object_iter_next (&iter, &name, &member))
            {
              if (JSON_NODE_HOLDS_OBJECT (member))
                {
                  made |= run_object_parser (parser, json_node_get_object (member));
                  tries++;
                }
            }
        }
      else if (JSON_NODE_HOLDS_ARRAY (root))
        {
          JsonArray *array = json_node_get_array (root);
          guint n = MIN (json_array_get_length (array), MAX_NESTED_TRIES);

          for (guint i = 0; i < n; i++)
            {
              JsonNode *item = json_array_get_element (array, i);

              if (JSON_NODE_HOLDS_OBJECT (item))
                made |= run_object_parser (parser, json_node_get_object (item));
            }
        }
      break;

    default:
      g_assert_not_reached ();
    }

  return made;
}

/* json-glib 1.6 reads integers through a gint64 that wraps without a word
 * beyond 18 digits, and ends a string at "\u0000": on such input the two
 * trees are expected to differ. A long run of digits inside a string or a
 * fraction is skipped too; that only loses a little of the comparison. */
static gboolean
json_glib_misreads (const uint8_t *data,
                    size_t         size)
{
  size_t digits = 0;

  for (size_t i = 0; i < size; i++)
    {
      if (data[i] >= '0' && data[i] <= '9')
        {
          if (++digits > 18)
            return TRUE;
        }
      else
        digits = 0;

      if (data[i] == '\\' && size - i >= 6 && memcmp (data + i, "\\u0000", 6) == 0)
        return TRUE;
    }

  return FALSE;
}


static void
check_against_json_glib (const uint8_t *data,
                         size_t         size,
                         JsonNode      *root)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *theirs;

  if (json_glib_misreads (data, size))
    return;

  parser = json_parser_new ();
  /* json-glib accepts more than JSON; only what both accept is compared. */
  if (!json_parser_load_from_data (parser, (const char *) data, (gssize) size, NULL))
    return;

  theirs = json_parser_get_root (parser);
  if (theirs == NULL || !json_node_equal (root, theirs) || !nodes_identical (root, theirs))
    {
      g_autofree char *ours_text = json_to_string (root, FALSE);
      g_autofree char *theirs_text = theirs != NULL ? json_to_string (theirs, FALSE) : NULL;

      g_printerr ("the tree differs from json-glib's:\n  ours:   %s\n  theirs: %s\n",
                  ours_text, theirs_text != NULL ? theirs_text : "(none)");
      abort ();
    }
}

/* Every object of the tree, read again from its own span, is that object.
 * A document with a duplicate member records no spans at all (the objects
 * it replaced were freed), so it is all or nothing: @has_spans starts at -1
 * and the first object decides. */
static void
check_spans (NexorJsonDocument *document,
             JsonNode          *node,
             int               *has_spans)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      GBytes *bytes = _nexor_json_document_get_bytes (document);
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);
      g_autoptr(JsonNode) again = NULL;
      g_autoptr(GError) error = NULL;
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;
      gsize offset, length;

      if (!_nexor_json_document_get_span (document, object, &offset, &length))
        {
          if (*has_spans == 1)
            {
              g_printerr ("an object of the tree has no span, others have\n");
              abort ();
            }
          *has_spans = 0;
          goto members;
        }
      if (*has_spans == 0)
        {
          g_printerr ("an object of the tree has a span, others have none\n");
          abort ();
        }
      *has_spans = 1;
      if (length < 2 || offset > size || length > size - offset ||
          data[offset] != '{' || data[offset + length - 1] != '}')
        {
          g_printerr ("the span %" G_GSIZE_FORMAT "+%" G_GSIZE_FORMAT " is not an object\n",
                      offset, length);
          abort ();
        }

      again = _nexor_json_parse_span (bytes, offset, length, &error);
      if (again == NULL || !nodes_identical (again, node))
        {
          g_printerr ("the span %" G_GSIZE_FORMAT "+%" G_GSIZE_FORMAT " does not read back "
                      "as its object: %s\n", offset, length,
                      error != NULL ? error->message : "the trees differ");
          abort ();
        }

    members:
      json_object_iter_init (&iter, object);
      while (json_object_iter_next (&iter, &name, &member))
        check_spans (document, member, has_spans);
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        check_spans (document, json_array_get_element (array, i), has_spans);
    }
}

static void
check_document (GBytes   *bytes,
                JsonNode *root)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NexorJsonDocument) document = _nexor_json_document_parse (bytes, &error);
  int has_spans = -1;

  if (document == NULL || !nodes_identical (_nexor_json_document_get_root (document), root))
    {
      g_printerr ("the document reader disagrees with _nexor_json_parse_bytes\n");
      abort ();
    }
  check_spans (document, _nexor_json_document_get_root (document), &has_spans);
}

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* Server data must never make the library warn: make it a crash. */
  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  g_setenv ("G_DEBUG", "fatal-warnings", TRUE);

  /* Types are registered once, so their one-time allocations are not
   * taken for per-input leaks. */
  for (guint i = 0; i < G_N_ELEMENTS (parsers); i++)
    if (parsers[i].item_type != NULL)
      g_type_ensure (parsers[i].item_type ());

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = _nexor_json_parse_bytes (bytes, &error);

  /* The same bytes as a webhook delivery, whether or not they are JSON. */
  {
    g_autoptr(GError) event_error = NULL;
    g_autoptr(NexorWebhookEvent) event = nexor_webhook_event_new_from_bytes (bytes, &event_error);
    g_autoptr(GError) signature_error = NULL;
    g_autofree char *header = g_strndup ((const char *) data, size);

    check_result ("nexor_webhook_event_new_from_bytes", event, event_error);
    /* The input as a header value too: refused with an error, never read past. */
    if (!nexor_webhook_verify_signature (bytes, header, "whsec_fuzz", &signature_error))
      check_result ("nexor_webhook_verify_signature", NULL, signature_error);
  }

  if (root == NULL)
    {
      check_result ("_nexor_json_parse_bytes", NULL, error);
      return 0;
    }

  check_against_json_glib (data, size, root);
  check_document (bytes, root);

  for (guint i = 0; i < G_N_ELEMENTS (parsers); i++)
    if (run_parser (&parsers[i], root))
      accepted[i]++;

  return 0;
}

char *nexor_fuzz_dup_unreached (void);

char *
nexor_fuzz_dup_unreached (void)
{
  g_autoptr(GString) unreached = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parsers); i++)
    if (accepted[i] == 0)
      g_string_append_printf (unreached, "%s%s", unreached->len > 0 ? ", " : "", parsers[i].name);

  return unreached->len > 0 ? g_string_free (g_steal_pointer (&unreached), FALSE) : NULL;
}
