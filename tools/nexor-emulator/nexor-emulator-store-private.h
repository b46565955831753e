/* nexor-emulator-store-private.h: the store's model, for the route files
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Every record is kept as the JsonObject it is saved as, checked and
 * completed with defaults when it is loaded, so the code that reads it can
 * rely on each member being there with its type. Only the server's thread
 * touches any of this.
 */

#pragma once

#include "nexor-emulator-store.h"

G_BEGIN_DECLS

typedef struct {
  char       *id;     /* normalized, the index key */
  JsonObject *entry;  /* {shape, lead, campaign_id, tag_ids, runs, variables,
                       *  assigned_user, history, meetings} */
} NexorEmulatorLead;

struct _NexorEmulatorStore
{
  GObject parent_instance;

  GPtrArray  *leads;       /* NexorEmulatorLead, oldest first */
  GHashTable *lead_index;  /* normalized id → NexorEmulatorLead */
  GHashTable *email_index; /* case-folded email → NexorEmulatorLead, first created wins */
  GHashTable *phone_index; /* digits of the phone → NexorEmulatorLead, first created wins */
  gboolean    contact_index_stale;

  GPtrArray  *workflows;   /* JsonObject */
  GPtrArray  *campaigns;   /* JsonObject */
  GPtrArray  *tags;        /* JsonObject */
  GPtrArray  *team;        /* JsonObject */
  GPtrArray  *conversion_types; /* JsonObject */
  GPtrArray  *conversions; /* JsonObject, in the order they were recorded */
  GPtrArray  *processors;  /* JsonObject, with their rules inside */
  GPtrArray  *templates;   /* JsonObject, WhatsApp templates */
  GPtrArray  *webhooks;    /* JsonObject, subscriptions made at runtime */

  char       *data_file;   /* nullable */
  gboolean    changed;     /* a write since the last save */

  /* Webhook events the routes raised, for the server to deliver
   * (nexor-emulator-events.c); NULL unless someone takes them, so that a
   * store driven without a server (fuzzers, route tests) does not grow. */
  GPtrArray  *events;      /* NexorEmulatorEvent */
};

/* Members of a stored lead entry. */
JsonObject *nexor_emulator_lead_core      (NexorEmulatorLead *lead);
JsonArray  *nexor_emulator_lead_runs      (NexorEmulatorLead *lead);
JsonArray  *nexor_emulator_lead_tag_ids   (NexorEmulatorLead *lead);
JsonArray  *nexor_emulator_lead_history   (NexorEmulatorLead *lead);
JsonArray  *nexor_emulator_lead_meetings  (NexorEmulatorLead *lead);
JsonObject *nexor_emulator_lead_active_run (NexorEmulatorLead *lead);
JsonObject *nexor_emulator_lead_shown_run (NexorEmulatorLead *lead);

/* Lookups; ids compare case-insensitively. All return NULL when missing. */
NexorEmulatorLead *nexor_emulator_store_find_lead      (NexorEmulatorStore *self,
                                                        const char         *id);
NexorEmulatorLead *nexor_emulator_store_find_by_email  (NexorEmulatorStore *self,
                                                        const char         *email);
NexorEmulatorLead *nexor_emulator_store_find_by_phone  (NexorEmulatorStore *self,
                                                        const char         *phone);
JsonObject        *nexor_emulator_store_find_workflow  (NexorEmulatorStore *self,
                                                        const char         *id);
JsonObject        *nexor_emulator_store_find_campaign  (NexorEmulatorStore *self,
                                                        const char         *id);
JsonObject        *nexor_emulator_store_find_conversion_type (NexorEmulatorStore *self,
                                                              const char         *id);
JsonObject        *nexor_emulator_store_find_template  (NexorEmulatorStore *self,
                                                        const char         *id);
JsonObject        *nexor_emulator_store_find_processor (NexorEmulatorStore *self,
                                                        const char         *id);
JsonObject        *nexor_emulator_store_find_tag       (NexorEmulatorStore *self,
                                                        const char         *id);
JsonObject        *nexor_emulator_store_find_tag_by_slug (NexorEmulatorStore *self,
                                                          const char         *slug);
JsonObject        *nexor_emulator_workflow_find_status (JsonObject         *workflow,
                                                        const char         *key_or_id,
                                                        gboolean            by_id);
JsonObject        *nexor_emulator_workflow_initial_status (JsonObject      *workflow);
gboolean           nexor_emulator_workflow_has_call_steps (JsonObject      *workflow);

/* Changes. Each marks the store as changed; the caller saves once the whole
 * request succeeded. */
NexorEmulatorLead *nexor_emulator_store_add_lead       (NexorEmulatorStore *self,
                                                        JsonObject         *core);
void               nexor_emulator_store_contacts_changed (NexorEmulatorStore *self);
JsonObject        *nexor_emulator_store_add_tag        (NexorEmulatorStore *self,
                                                        const char         *name,
                                                        const char         *slug,
                                                        const char         *description);
void               nexor_emulator_store_remove_tag     (NexorEmulatorStore *self,
                                                        JsonObject         *tag);
void               nexor_emulator_store_add_conversion (NexorEmulatorStore *self,
                                                        JsonObject         *conversion);
void               nexor_emulator_store_mark_changed   (NexorEmulatorStore *self);
void               nexor_emulator_lead_touch           (NexorEmulatorLead  *lead,
                                                        const char         *now);
JsonObject        *nexor_emulator_lead_add_activity    (NexorEmulatorLead  *lead,
                                                        const char         *activity_type,
                                                        const char         *title,
                                                        const char         *description,
                                                        const char         *actor_type,
                                                        const char         *now);
JsonObject        *nexor_emulator_lead_start_run       (NexorEmulatorLead  *lead,
                                                        JsonObject         *workflow,
                                                        guint               first_step,
                                                        const char         *first_channel,
                                                        const char         *now);
guint              nexor_emulator_run_end              (JsonObject         *run,
                                                        const char         *run_status,
                                                        const char         *reason,
                                                        const char         *now);
guint              nexor_emulator_run_remaining_steps  (JsonObject         *run,
                                                        JsonObject         *workflow);

/* Response bodies. */
JsonObject *nexor_emulator_render_lead_current  (NexorEmulatorStore *self,
                                                 NexorEmulatorLead  *lead);
JsonObject *nexor_emulator_render_lead_created  (NexorEmulatorLead  *lead);
JsonObject *nexor_emulator_render_lead_updated  (NexorEmulatorLead  *lead);
JsonObject *nexor_emulator_render_lead_summary  (NexorEmulatorLead  *lead);
JsonObject *nexor_emulator_render_run_summary   (NexorEmulatorStore *self,
                                                 JsonObject         *run);
JsonObject *nexor_emulator_render_tag_brief     (JsonObject         *tag);
JsonObject *nexor_emulator_render_tag_full      (JsonObject         *tag,
                                                 gboolean            with_updated_at);
JsonArray  *nexor_emulator_render_lead_tags     (NexorEmulatorStore *self,
                                                 NexorEmulatorLead  *lead);
JsonObject *nexor_emulator_render_workflow      (JsonObject         *workflow);
JsonObject *nexor_emulator_render_campaign      (JsonObject         *campaign);

/* Small helpers over checked data. */
const char *nexor_emulator_json_string          (JsonObject         *object,
                                                 const char         *member);
gboolean    nexor_emulator_json_boolean         (JsonObject         *object,
                                                 const char         *member);
gint64      nexor_emulator_json_int             (JsonObject         *object,
                                                 const char         *member);
gboolean    nexor_emulator_id_equal             (const char         *a,
                                                 const char         *b);
char       *nexor_emulator_now                  (void);
char       *nexor_emulator_new_id               (void);
char       *nexor_emulator_slugify              (const char         *name);
char       *nexor_emulator_phone_digits         (const char         *phone);
char       *nexor_emulator_email_key            (const char         *email);

G_END_DECLS
