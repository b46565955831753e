/* lead-desk-self-test.h: drives the real window for the GUI test
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "lead-desk-application.h"
#include "lead-desk-window.h"

G_BEGIN_DECLS

void lead_desk_self_test_start (LeadDeskApplication *application,
                                LeadDeskWindow      *window,
                                const char          *lead_id,
                                const char          *search,
                                gboolean             only_open,
                                const char          *screenshot_path,
                                const char * const  *actions,
                                const char          *tag);

G_END_DECLS
