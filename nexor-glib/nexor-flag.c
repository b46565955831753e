/* nexor-flag.c: a boolean answer, as the object the request core passes on
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-i18n-private.h"

#include "nexor-error.h"
#include "nexor-flag-private.h"
#include "nexor-json-private.h"

/* The request core returns objects; calls whose answer is a boolean (is the
 * lead paused? was the tag deleted?) get one of these and unwrap it in their
 * _finish, so the public API returns a plain gboolean. */
struct _NexorFlag
{
  GObject parent_instance;

  gboolean value;
};

G_DEFINE_FINAL_TYPE (NexorFlag, _nexor_flag, G_TYPE_OBJECT)

static void
_nexor_flag_class_init (NexorFlagClass *klass)
{
}

static void
_nexor_flag_init (NexorFlag *self)
{
}

static NexorFlag *
flag_new (gboolean value)
{
  NexorFlag *self = g_object_new (NEXOR_TYPE_FLAG, NULL);

  self->value = value;
  return self;
}

NexorFlag *
_nexor_flag_new_from_success (JsonNode    *root,
                              const char  *what,
                              GError     **error)
{
  /* "success": false is refused here; an object without it is a plain 2xx. */
  if (_nexor_json_get_root_object (root, what, error) == NULL)
    return NULL;

  return flag_new (TRUE);
}

gboolean
_nexor_flag_take_value (NexorFlag *flag)
{
  g_autoptr(NexorFlag) owned = flag;

  return owned != NULL && owned->value;
}
