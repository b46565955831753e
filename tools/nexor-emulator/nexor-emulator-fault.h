/* nexor-emulator-fault.h: one injected fault, parsed from its text form
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  NEXOR_EMULATOR_FAULT_NONE,      /* only a delay, the response itself is normal */
  NEXOR_EMULATOR_FAULT_STATUS,    /* a JSON error with the given status */
  NEXOR_EMULATOR_FAULT_HTML,      /* an HTML page with status 200 */
  NEXOR_EMULATOR_FAULT_TRUNCATED, /* the normal response, its body cut in half */
} NexorEmulatorFaultKind;

typedef struct {
  NexorEmulatorFaultKind kind;
  guint status;       /* NEXOR_EMULATOR_FAULT_STATUS only */
  gint retry_after;   /* seconds for a Retry-After header, -1 for none */
  guint delay_ms;     /* extra delay before the response is sent */
} NexorEmulatorFault;

NexorEmulatorFault *nexor_emulator_fault_parse (const char  *spec,
                                                GError     **error);
void                nexor_emulator_fault_free  (NexorEmulatorFault *fault);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NexorEmulatorFault, nexor_emulator_fault_free)

G_END_DECLS
