/* nexor-client-meetings.c: the meeting endpoints of NexorClient
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-i18n-private.h"

#include "nexor-client-meetings.h"

#include "nexor-client-private.h"
#include "nexor-error.h"
#include "nexor-json-private.h"
#include "nexor-meeting-input-private.h"
#include "nexor-meeting-note-input-private.h"
#include "nexor-meeting-note-result-private.h"
#include "nexor-meeting-outcome-private.h"
#include "nexor-meeting-private.h"

static NexorMeeting *
parse_meeting (JsonNode           *root,
               NexorJsonDocument  *document,
               GError            **error)
{
  JsonObject *object = _nexor_json_unwrap_envelope (root, "meeting", "meeting", error);

  if (object == NULL)
    return NULL;

  return _nexor_meeting_new_from_json (object, document, error);
}

static NexorRequest *
create_meeting_request (NexorMeetingInput *input)
{
  NexorRequest *request = _nexor_request_new ("POST", (NexorResponseParser) parse_meeting);
  GError *error = NULL;

  _nexor_request_add_segment (request, "meetings");
  _nexor_request_add_not_found (request, "lead");
  /* The calendar keys make a repeat an update of the same meeting; without
   * them a repeat would book it twice. */
  _nexor_request_set_idempotent (request, _nexor_meeting_input_is_idempotent (input));
  if (_nexor_meeting_input_check (input, &error))
    _nexor_request_take_body (request, _nexor_meeting_input_to_json (input));
  else
    _nexor_request_take_error (request, error);

  return request;
}

/* The outcome calls: a repeat finds the meeting in that state already and
 * changes nothing ("idempotent": true), so they are safe to send again. */
static NexorRequest *
outcome_request (const char *meeting_id,
                 const char *action,
                 const char *name1,
                 const char *value1,
                 const char *name2,
                 const char *value2)
{
  NexorRequest *request = _nexor_request_new ("POST", (NexorResponseParser) _nexor_meeting_outcome_new_from_response);
  JsonObject *body = json_object_new ();
  JsonNode *node;

  _nexor_request_add_segment (request, "meetings");
  _nexor_request_add_id_segment (request, "meeting", meeting_id);
  _nexor_request_add_segment (request, action);
  _nexor_request_set_idempotent (request, TRUE);

  if (value1 != NULL && !g_utf8_validate (value1, -1, NULL))
    _nexor_request_take_error (request, g_error_new (NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                                                     _("Invalid argument: the %s is not valid UTF-8"), name1));
  else if (value2 != NULL && !g_utf8_validate (value2, -1, NULL))
    _nexor_request_take_error (request, g_error_new (NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                                                     _("Invalid argument: the %s is not valid UTF-8"), name2));
  else
    {
      if (value1 != NULL)
        json_object_set_string_member (body, name1, value1);
      if (value2 != NULL)
        json_object_set_string_member (body, name2, value2);
    }

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, body);
  _nexor_request_take_body (request, node);

  return request;
}

static NexorRequest *
create_meeting_note_request (NexorMeetingNoteInput *input)
{
  NexorRequest *request = _nexor_request_new ("POST", (NexorResponseParser) _nexor_meeting_note_result_new_from_response);
  GError *error = NULL;

  _nexor_request_add_segment (request, "meeting-notes");
  _nexor_request_add_not_found (request, "meeting");
  /* provider + external_meeting_id key the note: a repeat updates it. */
  _nexor_request_set_idempotent (request, _nexor_meeting_note_input_is_idempotent (input));
  if (_nexor_meeting_note_input_check (input, &error))
    _nexor_request_take_body (request, _nexor_meeting_note_input_to_json (input));
  else
    _nexor_request_take_error (request, error);

  return request;
}

/**
 * nexor_client_create_meeting_async:
 * @self: a [class@Nexor.Client]
 * @input: the meeting; see [class@Nexor.MeetingInput] for what is required
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called when the call is done
 * @user_data: (closure): data for @callback
 *
 * Logs a meeting booked outside Nexor against an existing lead
 * (`POST /meetings`). A lead the account does not have (by id, or no lead
 * with the email) fails with %NEXOR_ERROR_NOT_FOUND; a missing title, start,
 * lead or end (time or duration), an id that is not a UUID or a time zone
 * that is not an IANA name fails with %NEXOR_ERROR_INVALID_ARGUMENT,
 * without a request.
 *
 * With both [property@Nexor.MeetingInput:external-calendar-provider] and
 * [property@Nexor.MeetingInput:external-event-id] the call is idempotent:
 * logging the same event again updates its meeting (same id) instead of
 * adding one, so after a 5xx or a dropped connection the library sends it
 * again. Without them it never does: such a failure is
 * %NEXOR_ERROR_OUTCOME_UNKNOWN, since the meeting may have been logged;
 * [method@Nexor.Client.list_lead_meetings_async] tells.
 *
 * Since: 0.1
 */
void
nexor_client_create_meeting_async (NexorClient         *self,
                                   NexorMeetingInput   *input,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (NEXOR_IS_MEETING_INPUT (input));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, create_meeting_request (input), cancellable, callback, user_data,
                            nexor_client_create_meeting_async);
}

/**
 * nexor_client_create_meeting_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.create_meeting_async].
 *
 * Returns: (transfer full): the meeting as logged (or updated, on a replay), or %NULL with @error set
 *
 * Since: 0.1
 */
NexorMeeting *
nexor_client_create_meeting_finish (NexorClient   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_create_meeting_async, error);
}

/**
 * nexor_client_create_meeting:
 * @self: a [class@Nexor.Client]
 * @input: the meeting; see [class@Nexor.MeetingInput] for what is required
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Logs a meeting, blocking the calling thread; see
 * [method@Nexor.Client.create_meeting_async]. Repeated after a failure only when it carries both calendar keys.
 *
 * Returns: (transfer full): the meeting as logged (or updated, on a replay), or %NULL with @error set
 *
 * Since: 0.1
 */
NexorMeeting *
nexor_client_create_meeting (NexorClient        *self,
                             NexorMeetingInput  *input,
                             GCancellable       *cancellable,
                             GError            **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (NEXOR_IS_MEETING_INPUT (input), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, create_meeting_request (input), cancellable, error);
}

/**
 * nexor_client_cancel_meeting_async:
 * @self: a [class@Nexor.Client]
 * @meeting_id: the meeting's id, a UUID
 * @reason: (nullable): why, kept as [property@Nexor.Meeting:cancellation-reason] and included in the notifications
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called when the call is done
 * @user_data: (closure): data for @callback
 *
 * Cancels a meeting (`POST /meetings/{id}/cancel`): the API cancels
 * its reminders, tells the host and the lead, deletes the calendar event and
 * logs a `meeting_cancelled` activity. An already cancelled meeting is left
 * as it is, and the answer's [property@Nexor.Meeting:idempotent] is %TRUE; a
 * meeting its calendar provider owns is not cancelled, and
 * [property@Nexor.MeetingOutcome:skipped] is %TRUE. An unknown meeting fails
 * with %NEXOR_ERROR_NOT_FOUND. Safe to repeat: the library retries it after
 * a 5xx or a dropped connection.
 *
 * Since: 0.1
 */
void
nexor_client_cancel_meeting_async (NexorClient         *self,
                                   const char          *meeting_id,
                                   const char          *reason,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, outcome_request (meeting_id, "cancel", "reason", reason, NULL, NULL), cancellable, callback, user_data,
                            nexor_client_cancel_meeting_async);
}

/**
 * nexor_client_cancel_meeting_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.cancel_meeting_async].
 *
 * Returns: (transfer full): what happened, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorMeetingOutcome *
nexor_client_cancel_meeting_finish (NexorClient   *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_cancel_meeting_async, error);
}

/**
 * nexor_client_cancel_meeting:
 * @self: a [class@Nexor.Client]
 * @meeting_id: the meeting's id, a UUID
 * @reason: (nullable): why, kept as [property@Nexor.Meeting:cancellation-reason] and included in the notifications
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Cancels a meeting, blocking the calling thread; see
 * [method@Nexor.Client.cancel_meeting_async]. Safe to repeat.
 *
 * Returns: (transfer full): what happened, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorMeetingOutcome *
nexor_client_cancel_meeting (NexorClient   *self,
                             const char    *meeting_id,
                             const char    *reason,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, outcome_request (meeting_id, "cancel", "reason", reason, NULL, NULL), cancellable, error);
}

/**
 * nexor_client_mark_meeting_no_show_async:
 * @self: a [class@Nexor.Client]
 * @meeting_id: the meeting's id, a UUID
 * @reason: (nullable): a code for why, such as `lead_did_not_join`; %NULL for the API's `api_marked`
 * @notes: (nullable): free text, kept as [property@Nexor.Meeting:outcome-notes]
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called when the call is done
 * @user_data: (closure): data for @callback
 *
 * Marks a meeting as a no-show (`POST /meetings/{id}/no-show`) and
 * logs a `meeting_no_show` activity. A meeting already marked is left as it
 * is, and the answer's [property@Nexor.Meeting:idempotent] is %TRUE. An
 * unknown meeting fails with %NEXOR_ERROR_NOT_FOUND. Safe to repeat: the
 * library retries it after a 5xx or a dropped connection.
 *
 * Since: 0.1
 */
void
nexor_client_mark_meeting_no_show_async (NexorClient         *self,
                                         const char          *meeting_id,
                                         const char          *reason,
                                         const char          *notes,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, outcome_request (meeting_id, "no-show", "reason", reason, "notes", notes), cancellable, callback, user_data,
                            nexor_client_mark_meeting_no_show_async);
}

/**
 * nexor_client_mark_meeting_no_show_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.mark_meeting_no_show_async].
 *
 * Returns: (transfer full): what happened, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorMeetingOutcome *
nexor_client_mark_meeting_no_show_finish (NexorClient   *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_mark_meeting_no_show_async, error);
}

/**
 * nexor_client_mark_meeting_no_show:
 * @self: a [class@Nexor.Client]
 * @meeting_id: the meeting's id, a UUID
 * @reason: (nullable): a code for why, such as `lead_did_not_join`; %NULL for the API's `api_marked`
 * @notes: (nullable): free text, kept as [property@Nexor.Meeting:outcome-notes]
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Marks a meeting as a no-show, blocking the calling thread; see
 * [method@Nexor.Client.mark_meeting_no_show_async]. Safe to repeat.
 *
 * Returns: (transfer full): what happened, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorMeetingOutcome *
nexor_client_mark_meeting_no_show (NexorClient   *self,
                                   const char    *meeting_id,
                                   const char    *reason,
                                   const char    *notes,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, outcome_request (meeting_id, "no-show", "reason", reason, "notes", notes), cancellable, error);
}

/**
 * nexor_client_complete_meeting_async:
 * @self: a [class@Nexor.Client]
 * @meeting_id: the meeting's id, a UUID
 * @notes: (nullable): how it went, kept as [property@Nexor.Meeting:outcome-notes]
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called when the call is done
 * @user_data: (closure): data for @callback
 *
 * Marks a meeting as completed (`POST /meetings/{id}/complete`) and logs
 * a `meeting_completed` activity. A meeting already completed is left as it
 * is, and the answer's [property@Nexor.Meeting:idempotent] is %TRUE. An
 * unknown meeting fails with %NEXOR_ERROR_NOT_FOUND. Safe to repeat: the
 * library retries it after a 5xx or a dropped connection.
 *
 * Since: 0.1
 */
void
nexor_client_complete_meeting_async (NexorClient         *self,
                                     const char          *meeting_id,
                                     const char          *notes,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, outcome_request (meeting_id, "complete", "notes", notes, NULL, NULL), cancellable, callback, user_data,
                            nexor_client_complete_meeting_async);
}

/**
 * nexor_client_complete_meeting_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.complete_meeting_async].
 *
 * Returns: (transfer full): what happened, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorMeetingOutcome *
nexor_client_complete_meeting_finish (NexorClient   *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_complete_meeting_async, error);
}

/**
 * nexor_client_complete_meeting:
 * @self: a [class@Nexor.Client]
 * @meeting_id: the meeting's id, a UUID
 * @notes: (nullable): how it went, kept as [property@Nexor.Meeting:outcome-notes]
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Marks a meeting as completed, blocking the calling thread; see
 * [method@Nexor.Client.complete_meeting_async]. Safe to repeat.
 *
 * Returns: (transfer full): what happened, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorMeetingOutcome *
nexor_client_complete_meeting (NexorClient   *self,
                               const char    *meeting_id,
                               const char    *notes,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, outcome_request (meeting_id, "complete", "notes", notes, NULL, NULL), cancellable, error);
}

/**
 * nexor_client_create_meeting_note_async:
 * @self: a [class@Nexor.Client]
 * @input: the note and how to find its meeting; see [class@Nexor.MeetingNoteInput]
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called when the call is done
 * @user_data: (closure): data for @callback
 *
 * Attaches note-taker output (notes, transcript, summaries, action items)
 * to an existing meeting (`POST /meeting-notes`). The meeting is found as
 * [class@Nexor.MeetingNoteInput] describes; when none is found the call
 * fails with %NEXOR_ERROR_NOT_FOUND (there are no notes without a meeting).
 * No way to find the meeting, no content, or a reserved or malformed
 * provider fails with %NEXOR_ERROR_INVALID_ARGUMENT, without a request.
 *
 * With both [property@Nexor.MeetingNoteInput:provider] and
 * [property@Nexor.MeetingNoteInput:external-meeting-id] the call is
 * idempotent (the same note is updated), so after a 5xx or a dropped
 * connection the library sends it again. Without them it never does: such
 * a failure is %NEXOR_ERROR_OUTCOME_UNKNOWN, since the note may have been
 * attached.
 *
 * Since: 0.1
 */
void
nexor_client_create_meeting_note_async (NexorClient           *self,
                                        NexorMeetingNoteInput *input,
                                        GCancellable          *cancellable,
                                        GAsyncReadyCallback    callback,
                                        gpointer               user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (input));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, create_meeting_note_request (input), cancellable, callback, user_data,
                            nexor_client_create_meeting_note_async);
}

/**
 * nexor_client_create_meeting_note_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.create_meeting_note_async].
 *
 * Returns: (transfer full): the note as attached, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorMeetingNoteResult *
nexor_client_create_meeting_note_finish (NexorClient   *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_create_meeting_note_async, error);
}

/**
 * nexor_client_create_meeting_note:
 * @self: a [class@Nexor.Client]
 * @input: the note and how to find its meeting; see [class@Nexor.MeetingNoteInput]
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Attaches notes to a meeting, blocking the calling thread; see
 * [method@Nexor.Client.create_meeting_note_async]. Repeated after a failure only when it carries the provider and its meeting id.
 *
 * Returns: (transfer full): the note as attached, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorMeetingNoteResult *
nexor_client_create_meeting_note (NexorClient            *self,
                                  NexorMeetingNoteInput  *input,
                                  GCancellable           *cancellable,
                                  GError                **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (NEXOR_IS_MEETING_NOTE_INPUT (input), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, create_meeting_note_request (input), cancellable, error);
}
