/* test-util.h: fixture loading and assertions shared by the unit tests
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <nexor-glib.h>

#include "nexor-json-private.h"
#include "nexor-lead-private.h"

G_BEGIN_DECLS

/* The path of a file in tests/data (NEXOR_TEST_DATA_DIR, else the source tree). */
char      *nexor_test_data_path         (const char *name);
GBytes    *nexor_test_load_bytes        (const char *name);

/* Parses @json, which must be valid JSON. */
JsonNode  *nexor_test_parse_string      (const char *json);
JsonNode  *nexor_test_load_json         (const char *name);

/* Parses a Get Lead response; the first asserts that it succeeds. */
NexorLead *nexor_test_load_lead         (const char *name);
NexorLead *nexor_test_lead_from_string  (const char *json,
                                         GError    **error);

/* @dt is the instant @expected (an ISO 8601 string such as 2026-02-10T12:00:00Z). */
void       nexor_test_assert_datetime   (GDateTime  *dt,
                                         const char *expected);

/* Every readable property of @object can be read without a warning, and the
 * properties of the lead and everything in it equal what the getters return. */
void       nexor_test_assert_properties (NexorLead  *lead);

/* Appends each debug message of the "Nexor" log domain to @into, one a line,
 * until g_log_remove_handler ("Nexor", id) with the id returned. */
guint      nexor_test_capture_debug     (GString    *into);

/* The message of @error is valid UTF-8 and contains @needle. */
#define nexor_test_assert_message_has(error, needle)                             \
  G_STMT_START {                                                                 \
    g_assert_nonnull (error);                                                    \
    g_assert_true (g_utf8_validate ((error)->message, -1, NULL));                \
    if (strstr ((error)->message, (needle)) == NULL)                             \
      g_error ("error message “%s” does not mention “%s”", (error)->message,     \
               (needle));                                                        \
  } G_STMT_END

G_END_DECLS
