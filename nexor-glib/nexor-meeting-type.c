/* nexor-meeting-type.c: a kind of meeting the account offers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-meeting-type-private.h"
#include "nexor-resource-private.h"

/**
 * NexorMeetingType:
 *
 * A kind of meeting the account offers, such as `Discovery Call`, as the
 * `meeting_type` of a meeting's webhook event
 * ([property@Nexor.WebhookMeetingData:meeting-type]).
 *
 * Since: 0.1
 */

struct _NexorMeetingType
{
  GObject parent_instance;
  NexorJsonSource json;

  char *id;
  char *name;
};

/**
 * NexorMeetingType:id:
 *
 * The meeting type's id.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingType:name:
 *
 * The meeting type's name, such as `Discovery Call`.
 *
 * Since: 0.1
 */
static const NexorField nexor_meeting_type_fields[] = {
  { "id", NEXOR_FIELD_NAMES ("id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeetingType, id), TRUE, 0.0,
    NULL, NULL },
  { "name", NEXOR_FIELD_NAMES ("name"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeetingType, name), FALSE, 0.0,
    NULL, NULL },
};

NEXOR_DEFINE_RESOURCE (NexorMeetingType, nexor_meeting_type, nexor_meeting_type_fields)

NexorMeetingType *
_nexor_meeting_type_new_from_json (JsonObject         *object,
                                     NexorJsonDocument  *document,
                                     GError            **error)
{
  return _nexor_resource_new_from_json (NEXOR_TYPE_MEETING_TYPE, "meeting type", nexor_meeting_type_fields,
                                        G_N_ELEMENTS (nexor_meeting_type_fields), object, document, error);
}

/**
 * nexor_meeting_type_dup_json:
 * @self: a [class@Nexor.MeetingType]
 *
 * Gets the JSON object this meeting type was built from, as it was received,
 * including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */

/**
 * nexor_meeting_type_get_id:
 * @self: a [class@Nexor.MeetingType]
 *
 * Gets the [property@Nexor.MeetingType:id] property.
 *
 * Returns: (nullable): the id
 *
 * Since: 0.1
 */
const char *
nexor_meeting_type_get_id (NexorMeetingType *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_TYPE (self), NULL);

  return self->id;
}

/**
 * nexor_meeting_type_get_name:
 * @self: a [class@Nexor.MeetingType]
 *
 * Gets the [property@Nexor.MeetingType:name] property.
 *
 * Returns: (nullable): the name
 *
 * Since: 0.1
 */
const char *
nexor_meeting_type_get_name (NexorMeetingType *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_TYPE (self), NULL);

  return self->name;
}
