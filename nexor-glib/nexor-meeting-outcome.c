/* nexor-meeting-outcome.c: the answer to cancelling, marking no-show or completing a meeting
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-i18n-private.h"

#include "nexor-error.h"
#include "nexor-json-private.h"
#include "nexor-meeting-outcome-private.h"
#include "nexor-meeting-private.h"
#include "nexor-resource-private.h"

/**
 * NexorMeetingOutcome:
 *
 * The answer of [method@Nexor.Client.cancel_meeting],
 * [method@Nexor.Client.mark_meeting_no_show] and
 * [method@Nexor.Client.complete_meeting].
 *
 * Usually [property@Nexor.MeetingOutcome:meeting] holds the meeting's new
 * state (its id, lead, status and the outcome's members); when the meeting
 * already had that outcome nothing changed and
 * [property@Nexor.Meeting:idempotent] says so. A meeting owned by its
 * calendar provider cannot be cancelled through the API: then
 * [property@Nexor.MeetingOutcome:skipped] is %TRUE, there is no meeting, and
 * [property@Nexor.MeetingOutcome:reason] and
 * [property@Nexor.MeetingOutcome:message] tell why. Neither is an error.
 *
 * Since: 0.1
 */

struct _NexorMeetingOutcome
{
  GObject parent_instance;
  NexorJsonSource json;

  NexorMeeting *meeting;
  gboolean skipped;
  char *reason;
  char *message;
};

/**
 * NexorMeetingOutcome:meeting:
 *
 * The meeting after the call, or %NULL when it was skipped.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingOutcome:skipped:
 *
 * Whether the API declined to act, such as on a meeting its calendar
 * provider owns.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingOutcome:reason:
 *
 * Why the call was skipped, a code such as `managed_externally_inbound_only`.
 *
 * Since: 0.1
 */
/**
 * NexorMeetingOutcome:message:
 *
 * The API's explanation of a skipped call, in English.
 *
 * Since: 0.1
 */
static const NexorField nexor_meeting_outcome_fields[] = {
  { "meeting", NEXOR_FIELD_NAMES ("meeting"), NEXOR_FIELD_RESOURCE,
    G_STRUCT_OFFSET (NexorMeetingOutcome, meeting), FALSE, 0.0, nexor_meeting_get_type,
    (NexorResourceParseFunc) _nexor_meeting_new_from_json },
  { "skipped", NEXOR_FIELD_NAMES ("skipped"), NEXOR_FIELD_BOOLEAN,
    G_STRUCT_OFFSET (NexorMeetingOutcome, skipped), FALSE, 0.0, NULL, NULL },
  { "reason", NEXOR_FIELD_NAMES ("reason"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeetingOutcome, reason), FALSE, 0.0, NULL, NULL },
  { "message", NEXOR_FIELD_NAMES ("message"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorMeetingOutcome, message), FALSE, 0.0, NULL, NULL },
};

NEXOR_DEFINE_RESOURCE (NexorMeetingOutcome, nexor_meeting_outcome, nexor_meeting_outcome_fields)

NexorMeetingOutcome *
_nexor_meeting_outcome_new_from_response (JsonNode           *root,
                                          NexorJsonDocument  *document,
                                          GError            **error)
{
  g_autoptr(NexorMeetingOutcome) self = NULL;
  JsonObject *object = _nexor_json_get_root_object (root, "meeting outcome", error);

  if (object == NULL)
    return NULL;

  self = _nexor_resource_new_from_json (NEXOR_TYPE_MEETING_OUTCOME, "meeting outcome",
                                        nexor_meeting_outcome_fields, G_N_ELEMENTS (nexor_meeting_outcome_fields),
                                        object, document, error);
  if (self == NULL)
    return NULL;

  /* An answer is either the meeting or a skip: one with neither says
   * nothing of what happened. */
  if (self->meeting == NULL && !self->skipped)
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
                   _("The meeting outcome has neither a meeting nor “skipped”"));
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * nexor_meeting_outcome_dup_json:
 * @self: a [class@Nexor.MeetingOutcome]
 *
 * Gets the JSON object this outcome was built from, as the server sent it,
 * including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */

/**
 * nexor_meeting_outcome_get_meeting:
 * @self: a [class@Nexor.MeetingOutcome]
 *
 * Gets the [property@Nexor.MeetingOutcome:meeting] property.
 *
 * Returns: (nullable) (transfer none): the meeting, or %NULL when skipped
 *
 * Since: 0.1
 */
NexorMeeting *
nexor_meeting_outcome_get_meeting (NexorMeetingOutcome *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_OUTCOME (self), NULL);

  return self->meeting;
}

/**
 * nexor_meeting_outcome_get_skipped:
 * @self: a [class@Nexor.MeetingOutcome]
 *
 * Gets the [property@Nexor.MeetingOutcome:skipped] property.
 *
 * Returns: whether the call was skipped
 *
 * Since: 0.1
 */
gboolean
nexor_meeting_outcome_get_skipped (NexorMeetingOutcome *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_OUTCOME (self), FALSE);

  return self->skipped;
}

/**
 * nexor_meeting_outcome_get_reason:
 * @self: a [class@Nexor.MeetingOutcome]
 *
 * Gets the [property@Nexor.MeetingOutcome:reason] property.
 *
 * Returns: (nullable): the reason code
 *
 * Since: 0.1
 */
const char *
nexor_meeting_outcome_get_reason (NexorMeetingOutcome *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_OUTCOME (self), NULL);

  return self->reason;
}

/**
 * nexor_meeting_outcome_get_message:
 * @self: a [class@Nexor.MeetingOutcome]
 *
 * Gets the [property@Nexor.MeetingOutcome:message] property.
 *
 * Returns: (nullable): the message
 *
 * Since: 0.1
 */
const char *
nexor_meeting_outcome_get_message (NexorMeetingOutcome *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_OUTCOME (self), NULL);

  return self->message;
}

/**
 * nexor_meeting_outcome_get_idempotent:
 * @self: a [class@Nexor.MeetingOutcome]
 *
 * Whether the meeting already had this outcome, so nothing changed: the
 * meeting's [property@Nexor.Meeting:idempotent].
 *
 * Returns: %TRUE on a repeat
 *
 * Since: 0.1
 */
gboolean
nexor_meeting_outcome_get_idempotent (NexorMeetingOutcome *self)
{
  g_return_val_if_fail (NEXOR_IS_MEETING_OUTCOME (self), FALSE);

  return self->meeting != NULL && nexor_meeting_get_idempotent (self->meeting);
}
