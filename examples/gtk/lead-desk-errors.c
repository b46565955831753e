/* lead-desk-errors.c: what to tell the user about a failed call
 *
 * The library's messages say what went wrong, with the HTTP status and the
 * server's words; a person at a sales desk also needs to know what to do
 * next, and a button that does it.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <glib/gi18n.h>

#include <nexor-glib.h>

#include "lead-desk-errors.h"

/* What to do, in a few words, for each kind of failure. */
static const char *
hint_for (const GError        *error,
          LeadDeskErrorRemedy *remedy)
{
  *remedy = LEAD_DESK_ERROR_REMEDY_RETRY;

  if (error->domain == NEXOR_ERROR)
    {
      switch ((NexorError) error->code)
        {
        case NEXOR_ERROR_UNAUTHORIZED:
          *remedy = LEAD_DESK_ERROR_REMEDY_CONNECTION;
          return _("Check your API key: copy it again from the Nexor dashboard "
                   "(your profile, then Integrations)");
        case NEXOR_ERROR_FORBIDDEN:
          *remedy = LEAD_DESK_ERROR_REMEDY_CONNECTION;
          return _("This key may not do that: use the account’s REST API key");
        case NEXOR_ERROR_NOT_FOUND:
          *remedy = LEAD_DESK_ERROR_REMEDY_NONE;
          return _("Check the lead id, and that you are connected to the account "
                   "that owns the lead");
        case NEXOR_ERROR_ENDPOINT_NOT_FOUND:
          /* Not a missing lead: nothing at that address is the API. */
          *remedy = LEAD_DESK_ERROR_REMEDY_CONNECTION;
          return _("The server URL is not the Nexor API’s: it should end in /api/public");
        case NEXOR_ERROR_INVALID_ARGUMENT:
          /* A base URL or key the client cannot use fails when the client is
           * built, which reopens the connection dialog: what a call refuses
           * is something typed where the call was made (a lead id). The
           * code says so in every language; the message's words do not. */
          *remedy = LEAD_DESK_ERROR_REMEDY_NONE;
          return _("Check what you typed");
        case NEXOR_ERROR_CONFLICT:
          return _("Someone may have changed this lead: reload it and try again");
        case NEXOR_ERROR_RATE_LIMITED:
          /* The message ends with the wait the server named, if any. */
          if (nexor_error_get_retry_after (error) > 0)
            return _("Nexor asks for fewer requests: wait as long as it says, then try again");
          return _("Nexor asks for fewer requests: wait a minute, then try again");
        case NEXOR_ERROR_OUTCOME_UNKNOWN:
          /* Trying again could do it twice: look first. */
          *remedy = LEAD_DESK_ERROR_REMEDY_CHECK;
          return _("The change may have been saved anyway: reload the lead to check "
                   "before you try again");
        case NEXOR_ERROR_SERVER:
          return _("The Nexor service failed: try again in a moment");
        case NEXOR_ERROR_TIMEOUT:
          return _("The server did not answer in time: check your network "
                   "connection and try again");
        case NEXOR_ERROR_INVALID_RESPONSE:
          *remedy = LEAD_DESK_ERROR_REMEDY_CONNECTION;
          return _("The server does not answer like the Nexor API: check the server URL");
        case NEXOR_ERROR_FAILED:
        default:
          return _("Try again");
        }
    }

  if (error->domain == G_IO_ERROR || error->domain == G_RESOLVER_ERROR ||
      error->domain == G_TLS_ERROR)
    return _("Could not reach the server: check your network connection and the "
             "server URL (for a local emulator, that it is running)");

  return _("Try again");
}

/**
 * lead_desk_error_advice:
 * @error: a failure from a [class@Nexor.Client] call
 * @remedy: (out): the button to offer
 * @hint: (out) (optional) (transfer none): what to do, in a few words
 *
 * Returns: (transfer full): the cause, as the library and the server put it,
 *   followed by what to do about it
 */
char *
lead_desk_error_advice (const GError        *error,
                        LeadDeskErrorRemedy *remedy,
                        const char         **hint)
{
  const char *what_to_do;

  g_return_val_if_fail (error != NULL, NULL);
  g_return_val_if_fail (remedy != NULL, NULL);

  what_to_do = hint_for (error, remedy);
  if (hint != NULL)
    *hint = what_to_do;

  return g_strdup_printf ("%s. %s.", error->message, what_to_do);
}

/**
 * lead_desk_error_remedy_label:
 *
 * Returns: (nullable): the label of the button for @remedy
 */
const char *
lead_desk_error_remedy_label (LeadDeskErrorRemedy remedy)
{
  switch (remedy)
    {
    case LEAD_DESK_ERROR_REMEDY_RETRY:
      return _("_Try Again");
    case LEAD_DESK_ERROR_REMEDY_CONNECTION:
      return _("_Change API Key…");
    case LEAD_DESK_ERROR_REMEDY_CHECK:
      return _("_Reload to Check");
    case LEAD_DESK_ERROR_REMEDY_NONE:
    default:
      return NULL;
    }
}
