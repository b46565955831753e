/* nexor-frozen-list.c: a list model that cannot change once built
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-frozen-list-private.h"

/* Resources are immutable, and so are the lists they hand out: a GListStore
 * would let any holder (Python's `append`, GJS's `splice`) change a lead that
 * other threads and widgets share. This model implements only GListModel, so
 * a binding sees no way to change it, and it never emits items-changed. */
struct _NexorFrozenList
{
  GObject parent_instance;

  GType item_type;
  GPtrArray *items;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NexorFrozenList, _nexor_frozen_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return NEXOR_FROZEN_LIST (model)->item_type;
}

static guint
get_n_items (GListModel *model)
{
  return NEXOR_FROZEN_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  NexorFrozenList *self = NEXOR_FROZEN_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
_nexor_frozen_list_finalize (GObject *object)
{
  NexorFrozenList *self = NEXOR_FROZEN_LIST (object);

  g_ptr_array_unref (self->items);

  G_OBJECT_CLASS (_nexor_frozen_list_parent_class)->finalize (object);
}

static void
_nexor_frozen_list_class_init (NexorFrozenListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = _nexor_frozen_list_finalize;
}

static void
_nexor_frozen_list_init (NexorFrozenList *self)
{
}

GListModel *
_nexor_frozen_list_new (GType      item_type,
                        GPtrArray *items)
{
  NexorFrozenList *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);

  self = g_object_new (NEXOR_TYPE_FROZEN_LIST, NULL);
  self->item_type = item_type;
  self->items = items != NULL ? items : g_ptr_array_new_with_free_func (g_object_unref);
  return G_LIST_MODEL (self);
}
