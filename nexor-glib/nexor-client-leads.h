/* nexor-client-leads.h: the lead endpoints of NexorClient
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
#include "nexor-assign-result.h"
#include "nexor-automation-result.h"
#include "nexor-bulk-create-result.h"
#include "nexor-create-lead-result.h"
#include "nexor-history-list.h"
#include "nexor-pause-state.h"
#include "nexor-lead.h"
#include "nexor-lead-input.h"
#include "nexor-lead-list.h"
#include "nexor-meeting.h"
#include "nexor-status-change.h"

G_BEGIN_DECLS

NEXOR_AVAILABLE_IN_0_1
void                   nexor_client_get_lead_async                (NexorClient          *self,
                                                                   const char           *lead_id,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
NexorLead             *nexor_client_get_lead_finish               (NexorClient          *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);
NEXOR_AVAILABLE_IN_0_1
NexorLead             *nexor_client_get_lead                      (NexorClient          *self,
                                                                   const char           *lead_id,
                                                                   GCancellable         *cancellable,
                                                                   GError              **error);

NEXOR_AVAILABLE_IN_0_1
void                   nexor_client_create_lead_async             (NexorClient          *self,
                                                                   NexorLeadInput       *input,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
NexorCreateLeadResult *nexor_client_create_lead_finish            (NexorClient          *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);
NEXOR_AVAILABLE_IN_0_1
NexorCreateLeadResult *nexor_client_create_lead                   (NexorClient          *self,
                                                                   NexorLeadInput       *input,
                                                                   GCancellable         *cancellable,
                                                                   GError              **error);

NEXOR_AVAILABLE_IN_0_1
void                   nexor_client_create_leads_async            (NexorClient          *self,
                                                                   GListModel           *leads,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
NexorBulkCreateResult *nexor_client_create_leads_finish           (NexorClient          *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);
NEXOR_AVAILABLE_IN_0_1
NexorBulkCreateResult *nexor_client_create_leads                  (NexorClient          *self,
                                                                   GListModel           *leads,
                                                                   GCancellable         *cancellable,
                                                                   GError              **error);

NEXOR_AVAILABLE_IN_0_1
void                   nexor_client_update_lead_async             (NexorClient          *self,
                                                                   const char           *lead_id,
                                                                   NexorLeadInput       *input,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
NexorLead             *nexor_client_update_lead_finish            (NexorClient          *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);
NEXOR_AVAILABLE_IN_0_1
NexorLead             *nexor_client_update_lead                   (NexorClient          *self,
                                                                   const char           *lead_id,
                                                                   NexorLeadInput       *input,
                                                                   GCancellable         *cancellable,
                                                                   GError              **error);

NEXOR_AVAILABLE_IN_0_1
void                   nexor_client_assign_lead_workflow_async    (NexorClient          *self,
                                                                   const char           *lead_id,
                                                                   const char           *workflow_id,
                                                                   const char           *reason,
                                                                   const char           *actor_id,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
NexorAssignResult     *nexor_client_assign_lead_workflow_finish   (NexorClient          *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);
NEXOR_AVAILABLE_IN_0_1
NexorAssignResult     *nexor_client_assign_lead_workflow          (NexorClient          *self,
                                                                   const char           *lead_id,
                                                                   const char           *workflow_id,
                                                                   const char           *reason,
                                                                   const char           *actor_id,
                                                                   GCancellable         *cancellable,
                                                                   GError              **error);

NEXOR_AVAILABLE_IN_0_1
void                   nexor_client_set_lead_status_async         (NexorClient          *self,
                                                                   const char           *lead_id,
                                                                   const char           *status_key,
                                                                   const char           *reason,
                                                                   const char           *workflow_id,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
NexorStatusChange     *nexor_client_set_lead_status_finish        (NexorClient          *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);
NEXOR_AVAILABLE_IN_0_1
NexorStatusChange     *nexor_client_set_lead_status               (NexorClient          *self,
                                                                   const char           *lead_id,
                                                                   const char           *status_key,
                                                                   const char           *reason,
                                                                   const char           *workflow_id,
                                                                   GCancellable         *cancellable,
                                                                   GError              **error);

NEXOR_AVAILABLE_IN_0_1
void                   nexor_client_stop_lead_automation_async    (NexorClient          *self,
                                                                   const char           *lead_id,
                                                                   const char           *workflow_id,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
NexorAutomationResult *nexor_client_stop_lead_automation_finish   (NexorClient          *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);
NEXOR_AVAILABLE_IN_0_1
NexorAutomationResult *nexor_client_stop_lead_automation          (NexorClient          *self,
                                                                   const char           *lead_id,
                                                                   const char           *workflow_id,
                                                                   GCancellable         *cancellable,
                                                                   GError              **error);

NEXOR_AVAILABLE_IN_0_1
void                   nexor_client_resume_lead_automation_async  (NexorClient          *self,
                                                                   const char           *lead_id,
                                                                   const char           *workflow_id,
                                                                   gboolean              resume_cadence,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
NexorAutomationResult *nexor_client_resume_lead_automation_finish (NexorClient          *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);
NEXOR_AVAILABLE_IN_0_1
NexorAutomationResult *nexor_client_resume_lead_automation        (NexorClient          *self,
                                                                   const char           *lead_id,
                                                                   const char           *workflow_id,
                                                                   gboolean              resume_cadence,
                                                                   GCancellable         *cancellable,
                                                                   GError              **error);

NEXOR_AVAILABLE_IN_0_1
void                   nexor_client_is_lead_paused_async          (NexorClient          *self,
                                                                   const char           *lead_id,
                                                                   const char           *workflow_id,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
NexorPauseState       *nexor_client_is_lead_paused_finish         (NexorClient          *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);
NEXOR_AVAILABLE_IN_0_1
NexorPauseState       *nexor_client_is_lead_paused                (NexorClient          *self,
                                                                   const char           *lead_id,
                                                                   const char           *workflow_id,
                                                                   GCancellable         *cancellable,
                                                                   GError              **error);

NEXOR_AVAILABLE_IN_0_1
void                   nexor_client_list_lead_history_async       (NexorClient          *self,
                                                                   const char           *lead_id,
                                                                   const char * const   *channels,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
NexorHistoryList      *nexor_client_list_lead_history_finish      (NexorClient          *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);
NEXOR_AVAILABLE_IN_0_1
NexorHistoryList      *nexor_client_list_lead_history             (NexorClient          *self,
                                                                   const char           *lead_id,
                                                                   const char * const   *channels,
                                                                   GCancellable         *cancellable,
                                                                   GError              **error);

NEXOR_AVAILABLE_IN_0_1
void                   nexor_client_list_all_lead_history_async   (NexorClient          *self,
                                                                   const char           *lead_id,
                                                                   const char * const   *channels,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
NexorHistoryList      *nexor_client_list_all_lead_history_finish  (NexorClient          *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);
NEXOR_AVAILABLE_IN_0_1
NexorHistoryList      *nexor_client_list_all_lead_history         (NexorClient          *self,
                                                                   const char           *lead_id,
                                                                   const char * const   *channels,
                                                                   GCancellable         *cancellable,
                                                                   GError              **error);

NEXOR_AVAILABLE_IN_0_1
void                   nexor_client_list_lead_meetings_async      (NexorClient          *self,
                                                                   const char           *lead_id,
                                                                   const char * const   *statuses,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
GListModel            *nexor_client_list_lead_meetings_finish     (NexorClient          *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);
NEXOR_AVAILABLE_IN_0_1
GListModel            *nexor_client_list_lead_meetings            (NexorClient          *self,
                                                                   const char           *lead_id,
                                                                   const char * const   *statuses,
                                                                   GCancellable         *cancellable,
                                                                   GError              **error);

NEXOR_AVAILABLE_IN_0_1
void                   nexor_client_search_leads_async            (NexorClient          *self,
                                                                   const char           *text,
                                                                   guint                 limit,
                                                                   GCancellable         *cancellable,
                                                                   GAsyncReadyCallback   callback,
                                                                   gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
GListModel            *nexor_client_search_leads_finish           (NexorClient          *self,
                                                                   GAsyncResult         *result,
                                                                   GError              **error);
NEXOR_AVAILABLE_IN_0_1
GListModel            *nexor_client_search_leads                  (NexorClient          *self,
                                                                   const char           *text,
                                                                   guint                 limit,
                                                                   GCancellable         *cancellable,
                                                                   GError              **error);

G_END_DECLS
