/* nexor-client-workflows.h: the workflow endpoints of NexorClient
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
#include "nexor-workflow.h"

G_BEGIN_DECLS

NEXOR_AVAILABLE_IN_0_1
void           nexor_client_list_workflows_async  (NexorClient          *self,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
GListModel    *nexor_client_list_workflows_finish (NexorClient          *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
NEXOR_AVAILABLE_IN_0_1
GListModel    *nexor_client_list_workflows        (NexorClient          *self,
                                                   GCancellable         *cancellable,
                                                   GError              **error);

NEXOR_AVAILABLE_IN_0_1
void           nexor_client_get_workflow_async    (NexorClient          *self,
                                                   const char           *workflow_id,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
NEXOR_AVAILABLE_IN_0_1
NexorWorkflow *nexor_client_get_workflow_finish   (NexorClient          *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
NEXOR_AVAILABLE_IN_0_1
NexorWorkflow *nexor_client_get_workflow          (NexorClient          *self,
                                                   const char           *workflow_id,
                                                   GCancellable         *cancellable,
                                                   GError              **error);

G_END_DECLS
