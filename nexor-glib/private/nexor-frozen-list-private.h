/* nexor-frozen-list-private.h: a list model that cannot change once built
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define NEXOR_TYPE_FROZEN_LIST (_nexor_frozen_list_get_type ())

G_DECLARE_FINAL_TYPE (NexorFrozenList, _nexor_frozen_list, NEXOR, FROZEN_LIST, GObject)

/* Takes @items (nullable: an empty list), an array of @item_type objects that
 * owns its elements; nothing else may hold the array afterwards. */
GListModel *_nexor_frozen_list_new (GType      item_type,
                                    GPtrArray *items);

G_END_DECLS
