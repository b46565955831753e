/* nexor-lead-input.h: what to write to a lead
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(NEXOR_INSIDE) && !defined(NEXOR_COMPILATION)
# error "Only <nexor-glib.h> can be included directly."
#endif

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "nexor-version-macros.h"

G_BEGIN_DECLS

#define NEXOR_TYPE_LEAD_INPUT (nexor_lead_input_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorLeadInput, nexor_lead_input, NEXOR, LEAD_INPUT, GObject)

NEXOR_AVAILABLE_IN_0_1
NexorLeadInput *nexor_lead_input_new (void);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_lead_input_is_set (NexorLeadInput *self, const char *property_name);
NEXOR_AVAILABLE_IN_0_1
gboolean nexor_lead_input_is_null (NexorLeadInput *self, const char *property_name);
NEXOR_AVAILABLE_IN_0_1
void nexor_lead_input_unset (NexorLeadInput *self, const char *property_name);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_lead_input_get_first_name (NexorLeadInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_lead_input_set_first_name (NexorLeadInput *self, const char *first_name);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_lead_input_get_last_name (NexorLeadInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_lead_input_set_last_name (NexorLeadInput *self, const char *last_name);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_lead_input_get_email (NexorLeadInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_lead_input_set_email (NexorLeadInput *self, const char *email);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_lead_input_get_phone (NexorLeadInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_lead_input_set_phone (NexorLeadInput *self, const char *phone);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_lead_input_get_company (NexorLeadInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_lead_input_set_company (NexorLeadInput *self, const char *company);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_lead_input_get_title (NexorLeadInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_lead_input_set_title (NexorLeadInput *self, const char *title);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_lead_input_get_source (NexorLeadInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_lead_input_set_source (NexorLeadInput *self, const char *source);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_lead_input_get_campaign_id (NexorLeadInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_lead_input_set_campaign_id (NexorLeadInput *self, const char *campaign_id);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_lead_input_get_workflow_id (NexorLeadInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_lead_input_set_workflow_id (NexorLeadInput *self, const char *workflow_id);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_lead_input_get_external_id (NexorLeadInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_lead_input_set_external_id (NexorLeadInput *self, const char *external_id);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_lead_input_dup_metadata (NexorLeadInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_lead_input_set_metadata (NexorLeadInput *self, JsonObject *metadata);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_lead_input_dup_force_first_message (NexorLeadInput *self);
NEXOR_AVAILABLE_IN_0_1
void nexor_lead_input_set_force_first_message (NexorLeadInput *self, JsonObject *force_first_message);

G_END_DECLS
