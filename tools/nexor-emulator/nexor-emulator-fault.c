/* nexor-emulator-fault.c: one injected fault, parsed from its text form
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * A fault is a ';'-separated list of items:
 *
 *   status=CODE       answer CODE (400–599) with a JSON error body
 *   retry-after=SECS  with status=: add a Retry-After header
 *   html              answer 200 with an HTML page instead of JSON
 *   truncated         answer normally, but with the body cut in half
 *   delay=MS          hold the response back for MS milliseconds
 *
 * At most one of status=, html and truncated; delay= combines with any of them.
 */

#include "nexor-emulator-fault.h"

#include <string.h>

#include <gio/gio.h>

/* Large enough for any test, small enough that a typo cannot wedge a run. */
#define MAX_DELAY_MS      (10 * 60 * 1000)
#define MAX_RETRY_AFTER_S (24 * 60 * 60)

static gboolean
parse_number (const char  *key,
              const char  *value,
              guint64      min,
              guint64      max,
              guint64     *out,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (value == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“%s” needs a value", key);
      return FALSE;
    }

  if (!g_ascii_string_to_unsigned (value, 10, min, max, out, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Invalid value for “%s”: %s", key, local_error->message);
      return FALSE;
    }

  return TRUE;
}

NexorEmulatorFault *
nexor_emulator_fault_parse (const char  *spec,
                            GError     **error)
{
  g_autoptr(NexorEmulatorFault) fault = NULL;
  g_auto(GStrv) items = NULL;
  gboolean have_delay = FALSE;
  gboolean have_retry_after = FALSE;

  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  fault = g_new0 (NexorEmulatorFault, 1);
  fault->kind = NEXOR_EMULATOR_FAULT_NONE;
  fault->retry_after = -1;

  items = g_strsplit (spec, ";", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      char *item = g_strstrip (items[i]);
      char *value = NULL;
      char *eq;
      guint64 number;

      if (*item == '\0')
        continue;

      eq = strchr (item, '=');
      if (eq != NULL)
        {
          *eq = '\0';
          value = g_strstrip (eq + 1);
          g_strchomp (item);
        }

      if (g_str_equal (item, "status") ||
          g_str_equal (item, "html") ||
          g_str_equal (item, "truncated"))
        {
          if (fault->kind != NEXOR_EMULATOR_FAULT_NONE)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "Only one of status=, html and truncated is allowed");
              return NULL;
            }

          if (g_str_equal (item, "status"))
            {
              if (!parse_number (item, value, 400, 599, &number, error))
                return NULL;
              fault->kind = NEXOR_EMULATOR_FAULT_STATUS;
              fault->status = (guint) number;
              continue;
            }

          if (value != NULL)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "“%s” takes no value", item);
              return NULL;
            }

          fault->kind = g_str_equal (item, "html") ? NEXOR_EMULATOR_FAULT_HTML
                                                   : NEXOR_EMULATOR_FAULT_TRUNCATED;
        }
      else if (g_str_equal (item, "retry-after"))
        {
          if (have_retry_after)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "“retry-after” given twice");
              return NULL;
            }
          if (!parse_number (item, value, 0, MAX_RETRY_AFTER_S, &number, error))
            return NULL;
          fault->retry_after = (gint) number;
          have_retry_after = TRUE;
        }
      else if (g_str_equal (item, "delay"))
        {
          if (have_delay)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "“delay” given twice");
              return NULL;
            }
          if (!parse_number (item, value, 0, MAX_DELAY_MS, &number, error))
            return NULL;
          fault->delay_ms = (guint) number;
          have_delay = TRUE;
        }
      else
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "Unknown fault item “%s”", item);
          return NULL;
        }
    }

  if (fault->kind == NEXOR_EMULATOR_FAULT_NONE && !have_delay)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Empty fault");
      return NULL;
    }

  /* A Retry-After on a normal response would silently mean nothing. */
  if (have_retry_after && fault->kind != NEXOR_EMULATOR_FAULT_STATUS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "“retry-after” needs “status=”");
      return NULL;
    }

  return g_steal_pointer (&fault);
}

void
nexor_emulator_fault_free (NexorEmulatorFault *fault)
{
  g_free (fault);
}
