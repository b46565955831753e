/* nexor-client-processors.h: the routing endpoints of NexorClient
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(NEXOR_INSIDE) && !defined(NEXOR_COMPILATION)
# error "Only <nexor-glib.h> can be included directly."
#endif

#include <gio/gio.h>

#include "nexor-version-macros.h"
#include "nexor-client.h"
#include "nexor-lead-input.h"
#include "nexor-processor.h"
#include "nexor-processor-input.h"
#include "nexor-route-result.h"
#include "nexor-rule.h"
#include "nexor-rule-input.h"

G_BEGIN_DECLS

NEXOR_AVAILABLE_IN_0_1
void              nexor_client_create_processor_async         (NexorClient          *self,
                                                               NexorProcessorInput  *input,
                                                               GCancellable         *cancellable,
                                                               GAsyncReadyCallback   callback,
                                                               gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
NexorProcessor   *nexor_client_create_processor_finish        (NexorClient          *self,
                                                               GAsyncResult         *result,
                                                               GError              **error);
NEXOR_AVAILABLE_IN_0_1
NexorProcessor   *nexor_client_create_processor               (NexorClient          *self,
                                                               NexorProcessorInput  *input,
                                                               GCancellable         *cancellable,
                                                               GError              **error);

NEXOR_AVAILABLE_IN_0_1
void              nexor_client_get_processor_async            (NexorClient          *self,
                                                               const char           *processor_id,
                                                               GCancellable         *cancellable,
                                                               GAsyncReadyCallback   callback,
                                                               gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
NexorProcessor   *nexor_client_get_processor_finish           (NexorClient          *self,
                                                               GAsyncResult         *result,
                                                               GError              **error);
NEXOR_AVAILABLE_IN_0_1
NexorProcessor   *nexor_client_get_processor                  (NexorClient          *self,
                                                               const char           *processor_id,
                                                               GCancellable         *cancellable,
                                                               GError              **error);

NEXOR_AVAILABLE_IN_0_1
void              nexor_client_update_processor_async         (NexorClient          *self,
                                                               const char           *processor_id,
                                                               NexorProcessorInput  *input,
                                                               GCancellable         *cancellable,
                                                               GAsyncReadyCallback   callback,
                                                               gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
NexorProcessor   *nexor_client_update_processor_finish        (NexorClient          *self,
                                                               GAsyncResult         *result,
                                                               GError              **error);
NEXOR_AVAILABLE_IN_0_1
NexorProcessor   *nexor_client_update_processor               (NexorClient          *self,
                                                               const char           *processor_id,
                                                               NexorProcessorInput  *input,
                                                               GCancellable         *cancellable,
                                                               GError              **error);

NEXOR_AVAILABLE_IN_0_1
void              nexor_client_delete_processor_async         (NexorClient          *self,
                                                               const char           *processor_id,
                                                               GCancellable         *cancellable,
                                                               GAsyncReadyCallback   callback,
                                                               gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
gboolean          nexor_client_delete_processor_finish        (NexorClient          *self,
                                                               GAsyncResult         *result,
                                                               GError              **error);
NEXOR_AVAILABLE_IN_0_1
gboolean          nexor_client_delete_processor               (NexorClient          *self,
                                                               const char           *processor_id,
                                                               GCancellable         *cancellable,
                                                               GError              **error);

NEXOR_AVAILABLE_IN_0_1
void              nexor_client_create_processor_rule_async    (NexorClient          *self,
                                                               const char           *processor_id,
                                                               NexorRuleInput       *input,
                                                               GCancellable         *cancellable,
                                                               GAsyncReadyCallback   callback,
                                                               gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
NexorRule        *nexor_client_create_processor_rule_finish   (NexorClient          *self,
                                                               GAsyncResult         *result,
                                                               GError              **error);
NEXOR_AVAILABLE_IN_0_1
NexorRule        *nexor_client_create_processor_rule          (NexorClient          *self,
                                                               const char           *processor_id,
                                                               NexorRuleInput       *input,
                                                               GCancellable         *cancellable,
                                                               GError              **error);

NEXOR_AVAILABLE_IN_0_1
void              nexor_client_update_processor_rule_async    (NexorClient          *self,
                                                               const char           *processor_id,
                                                               const char           *rule_id,
                                                               NexorRuleInput       *input,
                                                               GCancellable         *cancellable,
                                                               GAsyncReadyCallback   callback,
                                                               gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
NexorRule        *nexor_client_update_processor_rule_finish   (NexorClient          *self,
                                                               GAsyncResult         *result,
                                                               GError              **error);
NEXOR_AVAILABLE_IN_0_1
NexorRule        *nexor_client_update_processor_rule          (NexorClient          *self,
                                                               const char           *processor_id,
                                                               const char           *rule_id,
                                                               NexorRuleInput       *input,
                                                               GCancellable         *cancellable,
                                                               GError              **error);

NEXOR_AVAILABLE_IN_0_1
void              nexor_client_delete_processor_rule_async    (NexorClient          *self,
                                                               const char           *processor_id,
                                                               const char           *rule_id,
                                                               GCancellable         *cancellable,
                                                               GAsyncReadyCallback   callback,
                                                               gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
gboolean          nexor_client_delete_processor_rule_finish   (NexorClient          *self,
                                                               GAsyncResult         *result,
                                                               GError              **error);
NEXOR_AVAILABLE_IN_0_1
gboolean          nexor_client_delete_processor_rule          (NexorClient          *self,
                                                               const char           *processor_id,
                                                               const char           *rule_id,
                                                               GCancellable         *cancellable,
                                                               GError              **error);

NEXOR_AVAILABLE_IN_0_1
void              nexor_client_reorder_processor_rules_async  (NexorClient          *self,
                                                               const char           *processor_id,
                                                               const char * const   *rule_ids,
                                                               GCancellable         *cancellable,
                                                               GAsyncReadyCallback   callback,
                                                               gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
GListModel       *nexor_client_reorder_processor_rules_finish (NexorClient          *self,
                                                               GAsyncResult         *result,
                                                               GError              **error);
NEXOR_AVAILABLE_IN_0_1
GListModel       *nexor_client_reorder_processor_rules        (NexorClient          *self,
                                                               const char           *processor_id,
                                                               const char * const   *rule_ids,
                                                               GCancellable         *cancellable,
                                                               GError              **error);

NEXOR_AVAILABLE_IN_0_1
void              nexor_client_route_lead_async               (NexorClient          *self,
                                                               const char           *processor_id,
                                                               NexorLeadInput       *lead,
                                                               GCancellable         *cancellable,
                                                               GAsyncReadyCallback   callback,
                                                               gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
NexorRouteResult *nexor_client_route_lead_finish              (NexorClient          *self,
                                                               GAsyncResult         *result,
                                                               GError              **error);
NEXOR_AVAILABLE_IN_0_1
NexorRouteResult *nexor_client_route_lead                     (NexorClient          *self,
                                                               const char           *processor_id,
                                                               NexorLeadInput       *lead,
                                                               GCancellable         *cancellable,
                                                               GError              **error);

NEXOR_AVAILABLE_IN_0_1
void              nexor_client_route_leads_async              (NexorClient          *self,
                                                               const char           *processor_id,
                                                               GListModel           *leads,
                                                               GCancellable         *cancellable,
                                                               GAsyncReadyCallback   callback,
                                                               gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
GListModel       *nexor_client_route_leads_finish             (NexorClient          *self,
                                                               GAsyncResult         *result,
                                                               GError              **error);
NEXOR_AVAILABLE_IN_0_1
GListModel       *nexor_client_route_leads                    (NexorClient          *self,
                                                               const char           *processor_id,
                                                               GListModel           *leads,
                                                               GCancellable         *cancellable,
                                                               GError              **error);

G_END_DECLS
