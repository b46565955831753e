/* emulator-fixture.h: the emulator on its own thread and a SoupSession to
 * talk to it, shared by the emulator's GTest programs
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "nexor-emulator.h"
#include "nexor-emulator-thread.h"

G_BEGIN_DECLS

/* A fresh emulator for every test, so that no test sees another's state. */
typedef struct {
  NexorEmulatorThread *thread;
  NexorEmulator *emulator;
  const char *base_url;   /* owned by the thread */
  SoupSession *session;   /* over https, trusts the emulator's certificate */
} EmulatorFixture;

/* The test data that makes emulator_fixture_setup() serve https. */
extern const char emulator_fixture_tls[];
#define EMULATOR_FIXTURE_TLS ((gconstpointer) emulator_fixture_tls)

void         emulator_fixture_setup            (EmulatorFixture *fixture,
                                                gconstpointer    data);
void         emulator_fixture_teardown         (EmulatorFixture *fixture,
                                                gconstpointer    data);

/* A session that uses no proxy and may open several connections at once. */
SoupSession *emulator_test_new_session         (void);

/* Dispatches what is pending on the global default main context without
 * blocking. */
void         emulator_test_drain_main_context  (void);

/* Parses @length bytes of @data (-1: up to the nul), which must be JSON. */
JsonNode    *emulator_test_parse_json          (const char      *data,
                                                gssize           length);

G_END_DECLS
