/* nexor-campaign-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "nexor-campaign.h"

G_BEGIN_DECLS

NexorCampaign *_nexor_campaign_new_from_json (JsonObject  *object,
                                              GError     **error);

G_END_DECLS
