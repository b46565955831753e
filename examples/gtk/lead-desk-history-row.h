/* lead-desk-history-row.h: one entry of a lead's timeline
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gtk/gtk.h>
#include <nexor-glib.h>

G_BEGIN_DECLS

#define LEAD_DESK_TYPE_HISTORY_ROW (lead_desk_history_row_get_type ())

G_DECLARE_FINAL_TYPE (LeadDeskHistoryRow, lead_desk_history_row, LEAD_DESK, HISTORY_ROW, GtkWidget)

NexorHistoryItem *lead_desk_history_row_get_item (LeadDeskHistoryRow *self);
void              lead_desk_history_row_set_item (LeadDeskHistoryRow *self,
                                                  NexorHistoryItem   *item);

G_END_DECLS
