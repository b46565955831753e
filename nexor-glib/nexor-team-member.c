/* nexor-team-member.c: a member of the account's team
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-error.h"
#include "nexor-team-member-private.h"
#include "nexor-resource-private.h"

/**
 * NexorTeamMember:
 *
 * A member of the account's team, as listed by [method@Nexor.Client.list_team_members]: the
 * active users who can own leads and host meetings. The host of a meeting's
 * webhook event ([property@Nexor.WebhookMeetingData:host]) is one too, named
 * by [property@Nexor.TeamMember:first-name] and
 * [property@Nexor.TeamMember:last-name] instead of
 * [property@Nexor.TeamMember:name].
 *
 * Since: 0.1
 */

struct _NexorTeamMember
{
  GObject parent_instance;
  NexorJsonSource json;

  char *id;
  char *name;
  char *email;
  char *external_id;
  char *first_name;
  char *last_name;
};

/**
 * NexorTeamMember:id:
 *
 * The member's id, a UUID.
 *
 * Since: 0.1
 */
/**
 * NexorTeamMember:name:
 *
 * The member's name.
 *
 * Since: 0.1
 */
/**
 * NexorTeamMember:email:
 *
 * The member's email address.
 *
 * Since: 0.1
 */
/**
 * NexorTeamMember:external-id:
 *
 * The member's id in the account's CRM, such as a HubSpot owner id; not a UUID.
 *
 * Since: 0.1
 */
/**
 * NexorTeamMember:first-name:
 *
 * The member's first name, where the answer gives the name in parts, as the
 * `host` of a meeting's webhook event does (which has no
 * [property@Nexor.TeamMember:name]).
 *
 * Since: 0.1
 */
/**
 * NexorTeamMember:last-name:
 *
 * The member's last name, where the answer gives the name in parts.
 *
 * Since: 0.1
 */
static const NexorField nexor_team_member_fields[] = {
  { "id", NEXOR_FIELD_NAMES ("id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorTeamMember, id), TRUE, 0.0, NULL, NULL },
  { "name", NEXOR_FIELD_NAMES ("name"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorTeamMember, name), FALSE, 0.0, NULL, NULL },
  { "email", NEXOR_FIELD_NAMES ("email"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorTeamMember, email), FALSE, 0.0, NULL, NULL },
  { "external-id", NEXOR_FIELD_NAMES ("external_id", "externalId"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorTeamMember, external_id), FALSE, 0.0, NULL, NULL },
  { "first-name", NEXOR_FIELD_NAMES ("first_name", "firstName"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorTeamMember, first_name), FALSE, 0.0, NULL, NULL },
  { "last-name", NEXOR_FIELD_NAMES ("last_name", "lastName"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorTeamMember, last_name), FALSE, 0.0, NULL, NULL },
};

NEXOR_DEFINE_RESOURCE (NexorTeamMember, nexor_team_member, nexor_team_member_fields)

NexorTeamMember *
_nexor_team_member_new_from_json (JsonObject         *object,
                                  NexorJsonDocument  *document,
                                  GError            **error)
{
  g_autoptr(NexorTeamMember) self = NULL;

  self = _nexor_resource_new_from_json (NEXOR_TYPE_TEAM_MEMBER, "team member",
                                        nexor_team_member_fields, G_N_ELEMENTS (nexor_team_member_fields),
                                        object, document, error);
  if (self == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * nexor_team_member_dup_json:
 * @self: a [class@Nexor.TeamMember]
 *
 * Gets the JSON object this team member was built from, as the server sent it,
 * including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */

/**
 * nexor_team_member_get_id:
 * @self: a [class@Nexor.TeamMember]
 *
 * Gets the [property@Nexor.TeamMember:id] property.
 *
 * Returns: (nullable): the id
 *
 * Since: 0.1
 */
const char *
nexor_team_member_get_id (NexorTeamMember *self)
{
  g_return_val_if_fail (NEXOR_IS_TEAM_MEMBER (self), NULL);

  return self->id;
}

/**
 * nexor_team_member_get_name:
 * @self: a [class@Nexor.TeamMember]
 *
 * Gets the [property@Nexor.TeamMember:name] property.
 *
 * Returns: (nullable): the name
 *
 * Since: 0.1
 */
const char *
nexor_team_member_get_name (NexorTeamMember *self)
{
  g_return_val_if_fail (NEXOR_IS_TEAM_MEMBER (self), NULL);

  return self->name;
}

/**
 * nexor_team_member_get_email:
 * @self: a [class@Nexor.TeamMember]
 *
 * Gets the [property@Nexor.TeamMember:email] property.
 *
 * Returns: (nullable): the email address
 *
 * Since: 0.1
 */
const char *
nexor_team_member_get_email (NexorTeamMember *self)
{
  g_return_val_if_fail (NEXOR_IS_TEAM_MEMBER (self), NULL);

  return self->email;
}

/**
 * nexor_team_member_get_external_id:
 * @self: a [class@Nexor.TeamMember]
 *
 * Gets the [property@Nexor.TeamMember:external-id] property.
 *
 * Returns: (nullable): the CRM id
 *
 * Since: 0.1
 */
const char *
nexor_team_member_get_external_id (NexorTeamMember *self)
{
  g_return_val_if_fail (NEXOR_IS_TEAM_MEMBER (self), NULL);

  return self->external_id;
}

/**
 * nexor_team_member_get_first_name:
 * @self: a [class@Nexor.TeamMember]
 *
 * Gets the [property@Nexor.TeamMember:first-name] property.
 *
 * Returns: (nullable): the first name
 *
 * Since: 0.1
 */
const char *
nexor_team_member_get_first_name (NexorTeamMember *self)
{
  g_return_val_if_fail (NEXOR_IS_TEAM_MEMBER (self), NULL);

  return self->first_name;
}

/**
 * nexor_team_member_get_last_name:
 * @self: a [class@Nexor.TeamMember]
 *
 * Gets the [property@Nexor.TeamMember:last-name] property.
 *
 * Returns: (nullable): the last name
 *
 * Since: 0.1
 */
const char *
nexor_team_member_get_last_name (NexorTeamMember *self)
{
  g_return_val_if_fail (NEXOR_IS_TEAM_MEMBER (self), NULL);

  return self->last_name;
}
