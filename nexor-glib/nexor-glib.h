/* nexor-glib.h: the one header of nexor-glib
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#define NEXOR_INSIDE

#include "nexor-version.h"
#include "nexor-version-macros.h"
#include "nexor-enum-types.h"
#include "nexor-error.h"
#include "nexor-json-text.h"
#include "nexor-campaign.h"
#include "nexor-client.h"
#include "nexor-lead.h"
#include "nexor-tag.h"
#include "nexor-user.h"
#include "nexor-variable.h"
#include "nexor-workflow.h"
#include "nexor-workflow-run.h"
#include "nexor-workflow-status.h"
#include "nexor-client-leads.h"
#include "nexor-client-tags.h"
#include "nexor-client-team.h"
#include "nexor-client-conversions.h"
#include "nexor-client-meetings.h"
#include "nexor-client-campaigns.h"
#include "nexor-client-workflows.h"
#include "nexor-client-processors.h"
#include "nexor-client-messages.h"
#include "nexor-webhook-event.h"
#include "nexor-webhook-receiver.h"
#include "nexor-webhook-signature.h"

#undef NEXOR_INSIDE
