/* lead-desk-errors.h: what to tell the user about a failed call
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * LeadDeskErrorRemedy:
 * @LEAD_DESK_ERROR_REMEDY_NONE: nothing the app can offer; the advice says it
 * @LEAD_DESK_ERROR_REMEDY_RETRY: trying again may work
 * @LEAD_DESK_ERROR_REMEDY_CONNECTION: the key or the server URL must change
 * @LEAD_DESK_ERROR_REMEDY_CHECK: a change may have been saved although the
 *   call failed: reload to see, rather than send it again
 *
 * The button an error message offers.
 */
typedef enum {
  LEAD_DESK_ERROR_REMEDY_NONE,
  LEAD_DESK_ERROR_REMEDY_RETRY,
  LEAD_DESK_ERROR_REMEDY_CONNECTION,
  LEAD_DESK_ERROR_REMEDY_CHECK,
} LeadDeskErrorRemedy;

char *lead_desk_error_advice (const GError        *error,
                              LeadDeskErrorRemedy *remedy,
                              const char         **hint);

const char *lead_desk_error_remedy_label (LeadDeskErrorRemedy remedy);

G_END_DECLS
