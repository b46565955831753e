/* nexor-user.c: a user of the account
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-user-private.h"
#include "nexor-resource-private.h"

/**
 * NexorUser:
 *
 * A user of the Nexor account, such as the user a lead is assigned to.
 *
 * Since: 0.1
 */

struct _NexorUser
{
  GObject parent_instance;
  NexorJsonSource json;

  char *id;
  char *name;
  char *email;
  char *avatar_url;
};

/**
 * NexorUser:id:
 *
 * The user's id.
 *
 * Since: 0.1
 */
/**
 * NexorUser:name:
 *
 * The user's name.
 *
 * Since: 0.1
 */
/**
 * NexorUser:email:
 *
 * The user's email address.
 *
 * Since: 0.1
 */
/**
 * NexorUser:avatar-url:
 *
 * The URL of the user's avatar picture.
 *
 * Since: 0.1
 */
static const NexorField nexor_user_fields[] = {
  { "id", NEXOR_FIELD_NAMES ("id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorUser, id), TRUE, 0.0, NULL, NULL },
  { "name", NEXOR_FIELD_NAMES ("name"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorUser, name), FALSE, 0.0, NULL, NULL },
  { "email", NEXOR_FIELD_NAMES ("email"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorUser, email), FALSE, 0.0, NULL, NULL },
  { "avatar-url", NEXOR_FIELD_NAMES ("avatar_url", "avatarUrl"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorUser, avatar_url), FALSE, 0.0, NULL, NULL },
};

NEXOR_DEFINE_RESOURCE (NexorUser, nexor_user, nexor_user_fields)

NexorUser *
_nexor_user_new_from_json (JsonObject         *object,
                           NexorJsonDocument  *document,
                           GError            **error)
{
  return _nexor_resource_new_from_json (NEXOR_TYPE_USER, "user", nexor_user_fields,
                                        G_N_ELEMENTS (nexor_user_fields), object, document, error);
}

/**
 * nexor_user_dup_json:
 * @self: a [class@Nexor.User]
 *
 * Gets the JSON object this user was built from, as the server sent it,
 * including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */

/**
 * nexor_user_get_id:
 * @self: a [class@Nexor.User]
 *
 * Gets the [property@Nexor.User:id] property: the user's id.
 *
 * Returns: (nullable): the id
 *
 * Since: 0.1
 */
const char *
nexor_user_get_id (NexorUser *self)
{
  g_return_val_if_fail (NEXOR_IS_USER (self), NULL);

  return self->id;
}

/**
 * nexor_user_get_name:
 * @self: a [class@Nexor.User]
 *
 * Gets the [property@Nexor.User:name] property: the user's name.
 *
 * Returns: (nullable): the name
 *
 * Since: 0.1
 */
const char *
nexor_user_get_name (NexorUser *self)
{
  g_return_val_if_fail (NEXOR_IS_USER (self), NULL);

  return self->name;
}

/**
 * nexor_user_get_email:
 * @self: a [class@Nexor.User]
 *
 * Gets the [property@Nexor.User:email] property: the user's email address.
 *
 * Returns: (nullable): the email address
 *
 * Since: 0.1
 */
const char *
nexor_user_get_email (NexorUser *self)
{
  g_return_val_if_fail (NEXOR_IS_USER (self), NULL);

  return self->email;
}

/**
 * nexor_user_get_avatar_url:
 * @self: a [class@Nexor.User]
 *
 * Gets the [property@Nexor.User:avatar-url] property: the URL of the user's avatar picture.
 *
 * Returns: (nullable): the avatar URL
 *
 * Since: 0.1
 */
const char *
nexor_user_get_avatar_url (NexorUser *self)
{
  g_return_val_if_fail (NEXOR_IS_USER (self), NULL);

  return self->avatar_url;
}
