/* nexor-emulator-fault.h: injected faults, from their text form to the wire
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* What a fault does to the answer itself; the other items of a fault
 * change how that answer travels. */
typedef enum {
  NEXOR_EMULATOR_FAULT_NONE,      /* the normal answer */
  NEXOR_EMULATOR_FAULT_STATUS,    /* a JSON error with the given status, instead */
  NEXOR_EMULATOR_FAULT_HTML,      /* an HTML page with status 200, instead */
  NEXOR_EMULATOR_FAULT_TRUNCATED, /* the normal answer, its body cut in half */
  NEXOR_EMULATOR_FAULT_HUGE,      /* the normal answer after huge_mib MiB of JSON whitespace */
  NEXOR_EMULATOR_FAULT_BODY,      /* 200 with @body as application/json, instead */
} NexorEmulatorFaultKind;

typedef struct {
  NexorEmulatorFaultKind kind;
  guint status;           /* NEXOR_EMULATOR_FAULT_STATUS only */
  gint retry_after;       /* seconds for a Retry-After header, -1 for none */
  gint retry_after_date;  /* the same, sent as an HTTP date; -1 for none */
  guint delay_ms;         /* extra delay before the status line is sent */
  guint huge_mib;         /* NEXOR_EMULATOR_FAULT_HUGE only */
  guint trickle_ms;       /* > 0: the body goes out chunk_size bytes at a time, this far apart */
  guint chunk_size;
  gboolean chunked;       /* chunked transfer encoding, no Content-Length */
  gboolean reset;         /* headers and part of the body, then a TCP reset */
  gboolean drop;          /* no answer, no action: the connection is closed (reset) */
  gboolean no_close_notify; /* with drop or reset: over TLS, no close_notify before the TCP end */
  gint close_idle_ms;     /* >= 0: shut the connection down this long after it went idle */
  gint keep_alive_timeout; /* >= 0: the answer states "Keep-Alive: timeout=" this many seconds */
  char *content_type;     /* replaces the answer's Content-Type; NULL to keep it */
  char *if_body;          /* queued: waits for a request whose body holds this text; NULL: the next */
  GBytes *body;           /* NEXOR_EMULATOR_FAULT_BODY only */
  char *spec;             /* the text it was parsed from */
} NexorEmulatorFault;

NexorEmulatorFault *nexor_emulator_fault_parse   (const char                *spec,
                                                  GError                   **error);
void                nexor_emulator_fault_free    (NexorEmulatorFault        *fault);

/* Whether the fault answers in the service's place (status=, html, body=): like a
 * proxy in front of it, before authentication. */
gboolean            nexor_emulator_fault_answers (const NexorEmulatorFault  *fault);
void                nexor_emulator_fault_respond (const NexorEmulatorFault  *fault,
                                                  SoupServerMessage         *msg);
/* Changes the answer already set on @msg: its body and headers. */
void                nexor_emulator_fault_shape   (const NexorEmulatorFault  *fault,
                                                  SoupServerMessage         *msg);

/* Sends @msg the fault's way (trickle=, reset), after @delay_ms, in
 * @context. Returns FALSE if the fault has no say in the delivery; then the
 * caller sends @msg as usual. Otherwise the delivery is added to
 * @deliveries, an array freeing with nexor_emulator_delivery_free(), and
 * removes itself once done; freeing it earlier stops it. */
typedef struct _NexorEmulatorDelivery NexorEmulatorDelivery;

gboolean            nexor_emulator_fault_deliver (const NexorEmulatorFault  *fault,
                                                  SoupServerMessage         *msg,
                                                  GMainContext              *context,
                                                  guint                      delay_ms,
                                                  GPtrArray                 *deliveries);
void                nexor_emulator_delivery_free (NexorEmulatorDelivery     *delivery);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NexorEmulatorFault, nexor_emulator_fault_free)

G_END_DECLS
