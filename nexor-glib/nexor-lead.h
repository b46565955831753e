/* nexor-lead.h: a sales lead
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
#include "nexor-campaign.h"
#include "nexor-tag.h"
#include "nexor-user.h"
#include "nexor-variable.h"
#include "nexor-workflow-run.h"

G_BEGIN_DECLS

#define NEXOR_TYPE_LEAD (nexor_lead_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorLead, nexor_lead, NEXOR, LEAD, GObject)

NEXOR_AVAILABLE_IN_0_1
const char          *nexor_lead_get_id                  (NexorLead  *self);
NEXOR_AVAILABLE_IN_0_1
const char          *nexor_lead_get_first_name          (NexorLead  *self);
NEXOR_AVAILABLE_IN_0_1
const char          *nexor_lead_get_last_name           (NexorLead  *self);
NEXOR_AVAILABLE_IN_0_1
const char          *nexor_lead_get_email               (NexorLead  *self);
NEXOR_AVAILABLE_IN_0_1
const char          *nexor_lead_get_phone               (NexorLead  *self);
NEXOR_AVAILABLE_IN_0_1
const char          *nexor_lead_get_source              (NexorLead  *self);
NEXOR_AVAILABLE_IN_0_1
const char          *nexor_lead_get_company             (NexorLead  *self);
NEXOR_AVAILABLE_IN_0_1
const char          *nexor_lead_get_title               (NexorLead  *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject          *nexor_lead_dup_metadata            (NexorLead  *self);
NEXOR_AVAILABLE_IN_0_1
GListModel          *nexor_lead_get_tags                (NexorLead  *self);
NEXOR_AVAILABLE_IN_0_1
NexorCampaign       *nexor_lead_get_campaign            (NexorLead  *self);
NEXOR_AVAILABLE_IN_0_1
const char          *nexor_lead_get_campaign_id         (NexorLead  *self);
NEXOR_AVAILABLE_IN_0_1
NexorWorkflowRun    *nexor_lead_get_active_workflow_run (NexorLead  *self);
NEXOR_AVAILABLE_IN_0_1
NexorUser           *nexor_lead_get_assigned_user       (NexorLead  *self);
NEXOR_AVAILABLE_IN_0_1
GDateTime           *nexor_lead_get_created_at          (NexorLead  *self);
NEXOR_AVAILABLE_IN_0_1
GDateTime           *nexor_lead_get_updated_at          (NexorLead  *self);
NEXOR_AVAILABLE_IN_0_1
GListModel          *nexor_lead_get_variables           (NexorLead  *self);
NEXOR_AVAILABLE_IN_0_1
NexorVariable       *nexor_lead_get_variable            (NexorLead  *self,
                                                         const char *name);
NEXOR_AVAILABLE_IN_0_1
JsonObject          *nexor_lead_dup_json                (NexorLead  *self);

G_END_DECLS
