/* nexor-campaign.h: the campaign a lead came from
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

#define NEXOR_TYPE_CAMPAIGN (nexor_campaign_get_type ())

NEXOR_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (NexorCampaign, nexor_campaign, NEXOR, CAMPAIGN, GObject)

NEXOR_AVAILABLE_IN_0_1
const char *nexor_campaign_get_id (NexorCampaign *self);
NEXOR_AVAILABLE_IN_0_1
const char *nexor_campaign_get_name (NexorCampaign *self);
NEXOR_AVAILABLE_IN_0_1
JsonObject *nexor_campaign_dup_json (NexorCampaign *self);

G_END_DECLS
