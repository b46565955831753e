/* nexor-i18n-private.h: the library's translations
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A library translates through its own domain (GETTEXT_PACKAGE) and never
 * calls setlocale() or textdomain(): the program owns those. */
const char *_nexor_gettext  (const char *msgid) G_GNUC_FORMAT (1);
const char *_nexor_pgettext (const char *msgctxt_id,
                             gsize       msgid_offset) G_GNUC_FORMAT (1);

#define _(String) _nexor_gettext (String)
#define N_(String) (String)
/* As GLib's C_(): xgettext --keyword=C_:1c,2 and the glib preset know it. */
#define C_(Context, String) _nexor_pgettext (Context "\004" String, strlen (Context) + 1)

G_END_DECLS
