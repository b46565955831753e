/* nexor-emulator.h: a local, faithful emulator of the Nexor REST API
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The key every emulator accepts unless it is given its own set. */
#define NEXOR_EMULATOR_DEFAULT_API_KEY "nxr_live_emulator_demo_key"

/* The listening socket's accept backlog (the kernel caps it at
 * net.core.somaxconn): far above the connections clients open at once. */
#define NEXOR_EMULATOR_LISTEN_BACKLOG 4096

#define NEXOR_TYPE_EMULATOR (nexor_emulator_get_type ())

G_DECLARE_FINAL_TYPE (NexorEmulator, nexor_emulator, NEXOR, EMULATOR, GObject)

NexorEmulator *nexor_emulator_new                 (const char * const *api_keys);
gboolean       nexor_emulator_listen_local        (NexorEmulator      *self,
                                                   guint               port,
                                                   GError            **error);
guint          nexor_emulator_get_port            (NexorEmulator      *self);
void           nexor_emulator_set_tls_certificate (NexorEmulator      *self,
                                                   GTlsCertificate    *certificate);
GTlsCertificate *nexor_emulator_get_tls_certificate (NexorEmulator    *self);
char          *nexor_emulator_dup_base_url        (NexorEmulator      *self);
void           nexor_emulator_set_response_delay  (NexorEmulator      *self,
                                                   guint               delay_ms);
guint          nexor_emulator_get_held_count      (NexorEmulator      *self);
void           nexor_emulator_release_held        (NexorEmulator      *self);
guint          nexor_emulator_get_request_count   (NexorEmulator      *self);
JsonObject    *nexor_emulator_dup_last_request    (NexorEmulator      *self);
guint          nexor_emulator_get_connection_count (NexorEmulator     *self);
guint          nexor_emulator_get_closed_idle_count (NexorEmulator    *self);
void           nexor_emulator_push_fault          (NexorEmulator      *self,
                                                   const char         *fault);
void           nexor_emulator_set_faults_enabled  (NexorEmulator      *self,
                                                   gboolean            enabled);
gboolean       nexor_emulator_open_data_file      (NexorEmulator      *self,
                                                   const char         *path,
                                                   GError            **error);
JsonNode      *nexor_emulator_dup_state           (NexorEmulator      *self);
char          *nexor_emulator_add_webhook         (NexorEmulator      *self,
                                                   const char         *url,
                                                   const char         *secret,
                                                   const char * const *events,
                                                   GError            **error);
void           nexor_emulator_set_webhook_retry_scale (NexorEmulator  *self,
                                                   double              scale);
void           nexor_emulator_set_webhook_log_printing (NexorEmulator *self,
                                                   gboolean            print);
void           nexor_emulator_set_webhook_tls_database (NexorEmulator *self,
                                                   GTlsDatabase       *database);
JsonNode      *nexor_emulator_dup_webhook_log     (NexorEmulator      *self);

G_END_DECLS
