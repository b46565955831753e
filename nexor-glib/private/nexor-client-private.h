/* nexor-client-private.h: the request core shared by every endpoint
 * (nexor-transport.c), and what it reads of the client object
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-client.h"
#include "nexor-request-private.h"

G_BEGIN_DECLS

void      _nexor_client_send_async  (NexorClient          *self,
                                     NexorRequest         *request,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data,
                                     gpointer              source_tag);
gpointer  _nexor_client_send_finish (NexorClient          *self,
                                     GAsyncResult         *result,
                                     gpointer              source_tag,
                                     GError              **error);
gpointer  _nexor_client_send        (NexorClient          *self,
                                     NexorRequest         *request,
                                     GCancellable         *cancellable,
                                     GError              **error);

/* Whether a transport failure of an attempt (no HTTP status to judge) may
 * be followed by another attempt: a connection that was refused, broke or
 * stalled, when the request was not written whole (@request_sent FALSE) or
 * the operation is safe to repeat (@idempotent). */
gboolean  _nexor_transport_error_is_retryable (const GError *error,
                                               gboolean      request_sent,
                                               gboolean      idempotent);

/* Test hooks, so tests can assert exact backoff waits without sleeping.
 *
 * NexorTestRandomFunc returns a number in [0, 1) that replaces the jitter
 * draw: the backoff is its nominal value times (0.5 + 0.5 × the number).
 *
 * With a NexorTestWaitFunc set, time between attempts is virtual: each wait
 * is reported to the function and skipped, and the call's clock advances by
 * it, so the deadline still counts it. Cancellation is checked as usual.
 *
 * Set them before the first call; they are not meant to change while calls
 * are under way. NULL restores the defaults. */
typedef double (*NexorTestRandomFunc) (gpointer user_data);
typedef void   (*NexorTestWaitFunc)   (guint    delay_ms,
                                       gpointer user_data);

void      _nexor_client_set_test_hooks (NexorClient          *self,
                                        NexorTestRandomFunc   random_func,
                                        NexorTestWaitFunc     wait_func,
                                        gpointer              user_data);

typedef struct {
  NexorTestRandomFunc random;
  NexorTestWaitFunc   wait;
  gpointer            data;
  gint64              warm_idle_us;  /* NEXOR_WARM_IDLE_MS, unless a test changed it */
} NexorTestHooks;

/* A write not safe to repeat goes on a keep-alive connection only if one of
 * this client's requests left it idle less than this long ago: far below
 * the shortest keep-alive timeout servers commonly use (2 s, then 5 s), so
 * that a server closing it for being idle never crosses the write on the
 * wire. Older connections are closed instead and the write takes a new one. */
#define NEXOR_WARM_IDLE_MS 1000

/* A server that states its keep-alive timeout ("Keep-Alive: timeout=N")
 * keeps an idle connection open for N seconds from its answer; the bound is
 * then N less this margin, which covers the answer's and the write's trips
 * and the server's timer granularity (whole seconds). */
#define NEXOR_KEEP_ALIVE_MARGIN_MS 1000
/* A stated timeout above this is taken as this: NAT tables and middleboxes
 * drop idle connections the server still believes open. */
#define NEXOR_KEEP_ALIVE_MAX_S 300

/* Tests only: another bound (0: no connection is ever warm enough). */
void      _nexor_client_set_warm_idle_bound   (NexorClient *self,
                                               gint64       bound_us);
/* The connection that carried one of this client's requests is idle again,
 * after an answer with @response_headers (the server's Keep-Alive timeout). */
void      _nexor_client_note_connection_idle  (NexorClient        *self,
                                               guint64             connection_id,
                                               SoupMessageHeaders *response_headers);
/* The warm bound a Keep-Alive header allows, or -1 if it states no timeout. */
gint64    _nexor_keep_alive_bound_us          (SoupMessageHeaders *response_headers);
/* Whether the connection went idle after one of this client's requests
 * less than the warm bound ago. */
gboolean  _nexor_client_connection_is_warm    (NexorClient *self,
                                               guint64      connection_id);
/* Whether any connection went idle after one of this client's requests less
 * than the warm bound ago (it may be in use again since). */
gboolean  _nexor_client_has_warm_connection   (NexorClient *self);

/* What the transport (nexor-transport.c) reads of the client object
 * (nexor-client.c) besides its public getters. */
const char           *_nexor_client_get_api_key          (NexorClient  *self);
/* A bad base URL or key: every call fails with it. */
const GError         *_nexor_client_get_config_error     (NexorClient  *self);
/* FALSE when the session was given: its User-Agent is not ours to set. */
gboolean              _nexor_client_owns_session         (NexorClient  *self);
const NexorTestHooks *_nexor_client_get_test_hooks       (NexorClient  *self);
void                  _nexor_client_emit_retry_scheduled (NexorClient  *self,
                                                          guint         attempt,
                                                          guint         delay_ms,
                                                          const GError *failure);

/* The largest response body the core accepts. */
#define NEXOR_MAX_BODY_SIZE (32 * 1024 * 1024)

G_END_DECLS
