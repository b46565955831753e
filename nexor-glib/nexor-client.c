/* nexor-client.c: the entry point to the Nexor API, and its request core
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "nexor-client-private.h"
#include "nexor-error.h"
#include "nexor-json-private.h"
#include "nexor-lead-private.h"

/**
 * NexorClient:
 *
 * The entry point to the Nexor public API: one client per API key.
 *
 * A client owns one [class@Soup.Session], so requests share connections. It is
 * immutable once built, apart from [property@Nexor.Client:timeout] and
 * [property@Nexor.Client:max-retries], and may be used from several threads.
 *
 * Every operation comes as a triple, for example
 * [method@Nexor.Client.get_lead_async], [method@Nexor.Client.get_lead_finish]
 * and the blocking [method@Nexor.Client.get_lead]. Callbacks run in the
 * thread-default main context of the thread that called the `_async`
 * function; the blocking variants may be called from any thread, and never
 * iterate a main context.
 *
 * ```c
 * g_autoptr(NexorClient) client = nexor_client_new (g_getenv ("NEXOR_API_KEY"));
 * g_autoptr(GError) error = NULL;
 * g_autoptr(NexorLead) lead = nexor_client_get_lead (client, id, NULL, &error);
 * ```
 *
 * Every request carries the `X-API-Key` header and a `User-Agent`. The key is
 * never readable back from the client and never appears in debug output:
 * with `NEXOR_DEBUG=1` (requests), `2` (and headers) or `3` (and bodies) and
 * `G_MESSAGES_DEBUG=Nexor`, the traffic is logged with the key redacted.
 *
 * Requests that fail to connect, and safe requests that meet HTTP 408, 425,
 * 429, 500, 502, 503 or 504 or a connection lost mid-response, are retried up
 * to [property@Nexor.Client:max-retries] times with exponential backoff and
 * jitter, honouring `Retry-After` up to 60 seconds. The whole call, retries and
 * waits included, is bounded by [property@Nexor.Client:timeout].
 */

#define DEFAULT_TIMEOUT_S 90
#define DEFAULT_MAX_RETRIES 2
#define IDLE_IO_TIMEOUT_S 30
#define MAX_RETRY_AFTER_MS (60 * 1000)
#define REDACTED "[REDACTED]"

struct _NexorClient
{
  GObject parent_instance;

  char *base_url;      /* without a trailing slash */
  char *api_key;
  char *user_agent;
  SoupSession *session;
  gboolean own_session;
  GError *config_error; /* a bad base URL or key: every call fails with it */

  guint timeout;       /* atomic */
  guint max_retries;   /* atomic */
};

G_DEFINE_FINAL_TYPE (NexorClient, nexor_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_API_KEY,
  PROP_USER_AGENT,
  PROP_TIMEOUT,
  PROP_MAX_RETRIES,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

/* ---------------------------------------------------------------------------
 * Redaction and logging
 * ------------------------------------------------------------------------- */

static char *
redact (const char *text,
        const char *secret)
{
  GString *out;
  const char *p;
  gsize len;

  if (text == NULL || secret == NULL || *secret == '\0' || strstr (text, secret) == NULL)
    return g_strdup (text);

  out = g_string_new (NULL);
  len = strlen (secret);
  for (p = text; *p != '\0';)
    {
      const char *hit = strstr (p, secret);

      if (hit == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, hit - p);
      g_string_append (out, REDACTED);
      p = hit + len;
    }

  return g_string_free (out, FALSE);
}

static void
log_printer (SoupLogger         *logger,
             SoupLoggerLogLevel  level,
             char                direction,
             const char         *data,
             gpointer            user_data)
{
  const char *secret = user_data;
  g_autofree char *line = NULL;

  if (g_ascii_strncasecmp (data, "X-API-Key:", strlen ("X-API-Key:")) == 0)
    line = g_strdup ("X-API-Key: " REDACTED);
  else
    line = redact (data, secret);

  g_debug ("%c %s", direction, line);
}

static void
maybe_add_logger (NexorClient *self)
{
  const char *env = g_getenv ("NEXOR_DEBUG");
  SoupLoggerLogLevel level;
  g_autoptr(SoupLogger) logger = NULL;
  guint64 value = 0;

  if (env == NULL || !g_ascii_string_to_unsigned (env, 10, 0, 3, &value, NULL) || value == 0)
    return;

  level = value == 1 ? SOUP_LOGGER_LOG_MINIMAL :
          value == 2 ? SOUP_LOGGER_LOG_HEADERS : SOUP_LOGGER_LOG_BODY;
  logger = soup_logger_new (level);
  soup_logger_set_max_body_size (logger, 64 * 1024);
  soup_logger_set_printer (logger, log_printer, g_strdup (self->api_key), g_free);
  soup_session_add_feature (self->session, SOUP_SESSION_FEATURE (logger));
}

/* ---------------------------------------------------------------------------
 * Construction
 * ------------------------------------------------------------------------- */

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static gboolean
validate_base_url (const char  *base_url,
                   char       **normalized,
                   GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *scheme;
  gsize len;

  uri = g_uri_parse (base_url, SOUP_HTTP_URI_FLAGS, &local_error);
  if (uri == NULL)
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                   "Invalid base URL “%s”: %s", base_url, local_error->message);
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0)
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                   "Invalid base URL “%s”: the scheme must be https", base_url);
      return FALSE;
    }

  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                   "Invalid base URL “%s”: it has no host", base_url);
      return FALSE;
    }

  /* The key travels in a header: plain HTTP is only acceptable on this machine. */
  if (g_strcmp0 (scheme, "http") == 0 && !host_is_loopback (g_uri_get_host (uri)))
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                   "Refusing plain-HTTP base URL “%s”: the API key would travel unencrypted; "
                   "use https, or http only to a loopback address", base_url);
      return FALSE;
    }

  if (g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                   "Invalid base URL “%s”: it may not have a query or fragment", base_url);
      return FALSE;
    }

  *normalized = g_strdup (base_url);
  len = strlen (*normalized);
  while (len > 0 && (*normalized)[len - 1] == '/')
    (*normalized)[--len] = '\0';

  return TRUE;
}

static gboolean
validate_api_key (const char  *api_key,
                  GError     **error)
{
  if (api_key == NULL || *api_key == '\0')
    {
      g_set_error_literal (error, NEXOR_ERROR, NEXOR_ERROR_UNAUTHORIZED,
                           "No API key: set NEXOR_API_KEY or pass a key to the client "
                           "(keys look like nxr_live_…)");
      return FALSE;
    }

  /* A control character or space would break, or inject into, the header. */
  for (const char *p = api_key; *p != '\0'; p++)
    {
      if (*p <= ' ' || *p >= 0x7f)
        {
          g_set_error_literal (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                               "The API key contains spaces, control characters or "
                               "non-ASCII characters and cannot be sent");
          return FALSE;
        }
    }

  return TRUE;
}

static void
nexor_client_constructed (GObject *object)
{
  NexorClient *self = NEXOR_CLIENT (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *normalized = NULL;

  G_OBJECT_CLASS (nexor_client_parent_class)->constructed (object);

  if (self->base_url == NULL)
    self->base_url = g_strdup (NEXOR_DEFAULT_BASE_URL);
  if (self->user_agent == NULL)
    self->user_agent = g_strdup ("nexor-glib/" PACKAGE_VERSION);

  if (validate_base_url (self->base_url, &normalized, &error))
    {
      g_free (self->base_url);
      self->base_url = g_steal_pointer (&normalized);
    }
  if (error == NULL)
    validate_api_key (self->api_key, &error);
  self->config_error = g_steal_pointer (&error);

  /* libsoup allows changing a session only before its first request, in its
   * own thread: configure it completely here and never again. */
  if (self->session == NULL)
    {
      self->session = soup_session_new_with_options ("user-agent", self->user_agent,
                                                     "timeout", IDLE_IO_TIMEOUT_S,
                                                     "idle-timeout", 60,
                                                     "max-conns", 64,
                                                     "max-conns-per-host", 32,
                                                     NULL);
      self->own_session = TRUE;
      maybe_add_logger (self);
    }
}

static void
nexor_client_finalize (GObject *object)
{
  NexorClient *self = NEXOR_CLIENT (object);

  if (self->api_key != NULL)
    {
      /* Do not leave the key behind in freed memory. */
      explicit_bzero (self->api_key, strlen (self->api_key));
      g_free (self->api_key);
    }
  g_free (self->base_url);
  g_free (self->user_agent);
  g_clear_object (&self->session);
  g_clear_error (&self->config_error);

  G_OBJECT_CLASS (nexor_client_parent_class)->finalize (object);
}

static void
nexor_client_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  NexorClient *self = NEXOR_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_USER_AGENT:
      g_value_set_string (value, self->user_agent);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, nexor_client_get_timeout (self));
      break;
    case PROP_MAX_RETRIES:
      g_value_set_uint (value, nexor_client_get_max_retries (self));
      break;
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nexor_client_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  NexorClient *self = NEXOR_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_free (self->base_url);
      self->base_url = g_value_dup_string (value);
      break;
    case PROP_API_KEY:
      g_free (self->api_key);
      self->api_key = g_value_dup_string (value);
      break;
    case PROP_USER_AGENT:
      g_free (self->user_agent);
      self->user_agent = g_value_dup_string (value);
      break;
    case PROP_TIMEOUT:
      nexor_client_set_timeout (self, g_value_get_uint (value));
      break;
    case PROP_MAX_RETRIES:
      nexor_client_set_max_retries (self, g_value_get_uint (value));
      break;
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nexor_client_class_init (NexorClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = nexor_client_constructed;
  object_class->finalize = nexor_client_finalize;
  object_class->get_property = nexor_client_get_property;
  object_class->set_property = nexor_client_set_property;

  /**
   * NexorClient:base-url:
   *
   * The base URL of the API, [const@Nexor.DEFAULT_BASE_URL] unless set.
   *
   * It must be `https`, or `http` to a loopback address such as a local
   * `nexor-emulator`; otherwise every call fails with
   * %NEXOR_ERROR_INVALID_ARGUMENT.
   */
  props[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NEXOR_DEFAULT_BASE_URL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * NexorClient:api-key:
   *
   * The API key sent in the `X-API-Key` header, such as `nxr_live_…`.
   *
   * It can only be written, when the client is built, and is never logged.
   * Without a key every call fails with %NEXOR_ERROR_UNAUTHORIZED before a
   * request is sent.
   */
  props[PROP_API_KEY] =
    g_param_spec_string ("api-key", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * NexorClient:user-agent:
   *
   * The `User-Agent` sent with every request; `nexor-glib/VERSION` unless set.
   */
  props[PROP_USER_AGENT] =
    g_param_spec_string ("user-agent", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * NexorClient:timeout:
   *
   * The deadline of a whole call in seconds, retries and waits included, or 0
   * for none. A call that runs out of time fails with %NEXOR_ERROR_TIMEOUT.
   */
  props[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 0, G_MAXUINT / 1000, DEFAULT_TIMEOUT_S,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * NexorClient:max-retries:
   *
   * How many times a failed request may be retried, when retrying is safe.
   */
  props[PROP_MAX_RETRIES] =
    g_param_spec_uint ("max-retries", NULL, NULL, 0, 10, DEFAULT_MAX_RETRIES,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * NexorClient:session:
   *
   * The [class@Soup.Session] requests are sent with. One is made when none is
   * given; a given session is used as it is.
   */
  props[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SOUP_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
nexor_client_init (NexorClient *self)
{
  self->timeout = DEFAULT_TIMEOUT_S;
  self->max_retries = DEFAULT_MAX_RETRIES;
}

/**
 * nexor_client_new:
 * @api_key: (nullable): the API key, such as `nxr_live_…`
 *
 * Creates a client of the production API.
 *
 * Returns: (transfer full): a new client
 */
NexorClient *
nexor_client_new (const char *api_key)
{
  return g_object_new (NEXOR_TYPE_CLIENT, "api-key", api_key, NULL);
}

/**
 * nexor_client_new_for_url:
 * @base_url: the base URL of the API, such as
 *   `http://127.0.0.1:8765/api/public` for a local `nexor-emulator`
 * @api_key: (nullable): the API key
 *
 * Creates a client of the API at @base_url.
 *
 * An unusable @base_url does not fail here: every call then fails with
 * %NEXOR_ERROR_INVALID_ARGUMENT and says why.
 *
 * Returns: (transfer full): a new client
 */
NexorClient *
nexor_client_new_for_url (const char *base_url,
                          const char *api_key)
{
  g_return_val_if_fail (base_url != NULL, NULL);

  return g_object_new (NEXOR_TYPE_CLIENT, "base-url", base_url, "api-key", api_key, NULL);
}

/**
 * nexor_client_new_from_environment:
 * @error: return location for an error
 *
 * Creates a client from the environment: the key from `NEXOR_API_KEY` and the
 * base URL from `NEXOR_BASE_URL` when it is set.
 *
 * Returns: (transfer full) (nullable): a new client, or %NULL if the key is
 *   missing or the URL is unusable
 */
NexorClient *
nexor_client_new_from_environment (GError **error)
{
  const char *base_url = g_getenv ("NEXOR_BASE_URL");
  g_autoptr(NexorClient) self = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (base_url != NULL && *base_url == '\0')
    base_url = NULL;

  self = g_object_new (NEXOR_TYPE_CLIENT,
                       "base-url", base_url ? base_url : NEXOR_DEFAULT_BASE_URL,
                       "api-key", g_getenv ("NEXOR_API_KEY"),
                       NULL);
  if (self->config_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->config_error));
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * nexor_client_get_base_url:
 * @self: a [class@Nexor.Client]
 *
 * Gets the [property@Nexor.Client:base-url] property.
 *
 * Returns: the base URL, without a trailing slash
 */
const char *
nexor_client_get_base_url (NexorClient *self)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return self->base_url;
}

/**
 * nexor_client_get_user_agent:
 * @self: a [class@Nexor.Client]
 *
 * Gets the [property@Nexor.Client:user-agent] property.
 *
 * Returns: the user agent
 */
const char *
nexor_client_get_user_agent (NexorClient *self)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return self->user_agent;
}

/**
 * nexor_client_get_timeout:
 * @self: a [class@Nexor.Client]
 *
 * Gets the [property@Nexor.Client:timeout] property.
 *
 * Returns: the deadline of a call in seconds, or 0 for none
 */
guint
nexor_client_get_timeout (NexorClient *self)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), 0);

  return (guint) g_atomic_int_get (&self->timeout);
}

/**
 * nexor_client_set_timeout:
 * @self: a [class@Nexor.Client]
 * @timeout: the deadline of a call in seconds, or 0 for none
 *
 * Sets the [property@Nexor.Client:timeout] property. Calls already under
 * way keep the deadline they started with.
 */
void
nexor_client_set_timeout (NexorClient *self,
                          guint        timeout)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (timeout <= G_MAXUINT / 1000);

  if ((guint) g_atomic_int_exchange ((gint *) &self->timeout, (gint) timeout) != timeout)
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_TIMEOUT]);
}

/**
 * nexor_client_get_max_retries:
 * @self: a [class@Nexor.Client]
 *
 * Gets the [property@Nexor.Client:max-retries] property.
 *
 * Returns: how many times a request may be retried
 */
guint
nexor_client_get_max_retries (NexorClient *self)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), 0);

  return (guint) g_atomic_int_get (&self->max_retries);
}

/**
 * nexor_client_set_max_retries:
 * @self: a [class@Nexor.Client]
 * @max_retries: how many times a request may be retried, at most 10
 *
 * Sets the [property@Nexor.Client:max-retries] property.
 */
void
nexor_client_set_max_retries (NexorClient *self,
                              guint        max_retries)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (max_retries <= 10);

  if ((guint) g_atomic_int_exchange ((gint *) &self->max_retries, (gint) max_retries) != max_retries)
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_MAX_RETRIES]);
}

/**
 * nexor_client_get_session:
 * @self: a [class@Nexor.Client]
 *
 * Gets the [property@Nexor.Client:session] property.
 *
 * Returns: (transfer none): the session requests are sent with
 */
SoupSession *
nexor_client_get_session (NexorClient *self)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return self->session;
}

/* ---------------------------------------------------------------------------
 * Deadlines: one timer thread cancels calls that run out of time, for the
 * blocking calls (which have no main context) and the async ones alike.
 * ------------------------------------------------------------------------- */

typedef struct {
  GCancellable *cancellable;
  GSource *source;
  gint fired;
} Deadline;

static gpointer
timer_thread_main (gpointer data)
{
  GMainContext *context = data;

  for (;;)
    g_main_context_iteration (context, TRUE);

  return NULL;
}

static GMainContext *
get_timer_context (void)
{
  static GMainContext *context;

  if (g_once_init_enter (&context))
    {
      GMainContext *new_context = g_main_context_new ();

      g_thread_unref (g_thread_new ("nexor-timer", timer_thread_main, new_context));
      g_once_init_leave (&context, new_context);
    }

  return context;
}

static void
deadline_clear (gpointer data)
{
  Deadline *deadline = data;

  g_object_unref (deadline->cancellable);
}

static void
deadline_unref (Deadline *deadline)
{
  g_atomic_rc_box_release_full (deadline, deadline_clear);
}

static gboolean
deadline_fired (gpointer user_data)
{
  Deadline *deadline = user_data;

  g_atomic_int_set (&deadline->fired, TRUE);
  g_cancellable_cancel (deadline->cancellable);
  return G_SOURCE_REMOVE;
}

static Deadline *
deadline_start (GCancellable *cancellable,
                guint         seconds)
{
  Deadline *deadline = g_atomic_rc_box_new0 (Deadline);

  deadline->cancellable = g_object_ref (cancellable);
  if (seconds > 0)
    {
      deadline->source = g_timeout_source_new (seconds * 1000);
      g_source_set_static_name (deadline->source, "[nexor] deadline");
      g_source_set_callback (deadline->source, deadline_fired,
                             g_atomic_rc_box_acquire (deadline), (GDestroyNotify) deadline_unref);
      g_source_attach (deadline->source, get_timer_context ());
    }

  return deadline;
}

static void
deadline_stop (Deadline *deadline)
{
  if (deadline->source != NULL)
    {
      g_source_destroy (deadline->source);
      g_source_unref (deadline->source);
    }
  deadline_unref (deadline);
}

/* ---------------------------------------------------------------------------
 * The request core
 * ------------------------------------------------------------------------- */

typedef struct {
  NexorRequest *request;
  GCancellable *cancellable;         /* ours: the caller's cancel or the deadline */
  GCancellable *caller_cancellable;
  gulong caller_handler;
  Deadline *deadline;
  guint timeout_s;
  guint max_retries;
  guint attempt;                     /* requests sent so far */
  gint64 started_us;
  SoupMessage *message;              /* the attempt in flight */
  GSource *wait_source;              /* the backoff timer between attempts */
  GSource *wait_cancel_source;
} SendState;

static void
forward_cancel (GCancellable *caller,
                gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static void
clear_wait (SendState *state)
{
  if (state->wait_source != NULL)
    {
      g_source_destroy (state->wait_source);
      g_clear_pointer (&state->wait_source, g_source_unref);
    }
  if (state->wait_cancel_source != NULL)
    {
      g_source_destroy (state->wait_cancel_source);
      g_clear_pointer (&state->wait_cancel_source, g_source_unref);
    }
}

static SendState *
send_state_new (NexorClient  *self,
                NexorRequest *request,
                GCancellable *cancellable)
{
  SendState *state = g_new0 (SendState, 1);

  state->request = request;
  state->cancellable = g_cancellable_new ();
  state->timeout_s = nexor_client_get_timeout (self);
  state->max_retries = nexor_client_get_max_retries (self);
  state->started_us = g_get_monotonic_time ();
  if (cancellable != NULL)
    {
      state->caller_cancellable = g_object_ref (cancellable);
      state->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (forward_cancel),
                                                     g_object_ref (state->cancellable),
                                                     g_object_unref);
    }
  state->deadline = deadline_start (state->cancellable, state->timeout_s);
  return state;
}

static void
send_state_free (SendState *state)
{
  clear_wait (state);
  deadline_stop (state->deadline);
  if (state->caller_cancellable != NULL)
    {
      g_cancellable_disconnect (state->caller_cancellable, state->caller_handler);
      g_object_unref (state->caller_cancellable);
    }
  g_clear_object (&state->cancellable);
  g_clear_object (&state->message);
  _nexor_request_free (state->request);
  g_free (state);
}

static GError *
interrupted_error (SendState *state)
{
  if (g_atomic_int_get (&state->deadline->fired))
    return g_error_new (NEXOR_ERROR, NEXOR_ERROR_TIMEOUT,
                        "The request did not finish within %u s (attempt %u)",
                        state->timeout_s, state->attempt);

  return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Operation was cancelled");
}

static SoupMessage *
build_message (NexorClient   *self,
               NexorRequest  *request,
               GError       **error)
{
  g_autofree char *path = _nexor_request_build_path (request);
  g_autofree char *url = g_strconcat (self->base_url, path, NULL);
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) local_error = NULL;
  SoupMessageHeaders *headers;
  SoupMessage *message;
  GBytes *body;

  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, &local_error);
  if (uri == NULL)
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                   "Cannot build the request URL: %s", local_error->message);
      return NULL;
    }

  message = soup_message_new_from_uri (_nexor_request_get_method (request), uri);
  headers = soup_message_get_request_headers (message);
  soup_message_headers_replace (headers, "X-API-Key", self->api_key);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (!self->own_session)
    soup_message_headers_replace (headers, "User-Agent", self->user_agent);

  body = _nexor_request_get_body (request);
  if (body != NULL)
    soup_message_set_request_body_from_bytes (message, "application/json", body);

  return message;
}

static gboolean
is_connect_error (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
         g_error_matches (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_TEMPORARY_FAILURE);
}

static gboolean
is_mid_response_error (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT) ||
         g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_PARSING);
}

static gboolean
is_retryable_status (guint status)
{
  switch (status)
    {
    case 408: case 425: case 429: case 500: case 502: case 503: case 504:
      return TRUE;
    default:
      return FALSE;
    }
}

static int
error_code_for_status (guint status)
{
  switch (status)
    {
    case 400: case 422:
      return NEXOR_ERROR_INVALID_ARGUMENT;
    case 401:
      return NEXOR_ERROR_UNAUTHORIZED;
    case 403:
      return NEXOR_ERROR_FORBIDDEN;
    case 404:
      return NEXOR_ERROR_NOT_FOUND;
    case 408: case 504:
      return NEXOR_ERROR_TIMEOUT;
    case 409:
      return NEXOR_ERROR_CONFLICT;
    case 429:
      return NEXOR_ERROR_RATE_LIMITED;
    default:
      return status >= 500 ? NEXOR_ERROR_SERVER : NEXOR_ERROR_FAILED;
    }
}

/* The server's own words: {"error": "<title>", "message": "<detail>"} in
 * any combination, or else the first line of a short text body. */
static char *
describe_error_body (GBytes *body)
{
  gsize size = 0;
  const char *data = body ? g_bytes_get_data (body, &size) : NULL;
  g_autoptr(JsonNode) root = NULL;

  if (size == 0)
    return NULL;

  /* The one JSON entry point, with its guards, even on the error path. */
  root = _nexor_json_parse_bytes (body, NULL);
  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);
      JsonNode *error_node = _nexor_json_lookup1 (object, "error");
      JsonNode *message_node = _nexor_json_lookup1 (object, "message");
      const char *title = NULL;
      const char *message = NULL;

      if (error_node && JSON_NODE_HOLDS_VALUE (error_node) &&
          json_node_get_value_type (error_node) == G_TYPE_STRING)
        title = json_node_get_string (error_node);
      else if (error_node && JSON_NODE_HOLDS_OBJECT (error_node))
        {
          JsonNode *inner = _nexor_json_lookup1 (json_node_get_object (error_node), "message");

          if (inner && JSON_NODE_HOLDS_VALUE (inner) && json_node_get_value_type (inner) == G_TYPE_STRING)
            title = json_node_get_string (inner);
        }
      if (message_node && JSON_NODE_HOLDS_VALUE (message_node) &&
          json_node_get_value_type (message_node) == G_TYPE_STRING)
        message = json_node_get_string (message_node);

      if (title != NULL && message != NULL)
        {
          g_autofree char *both = g_strdup_printf ("%s: %s", title, message);

          return g_utf8_make_valid (both, -1);
        }
      if (title != NULL || message != NULL)
        return g_utf8_make_valid (title != NULL ? title : message, -1);
      return NULL;
    }

  /* Not JSON (an HTML error page, a proxy's text): its first printable line. */
  {
    GString *line = g_string_new (NULL);

    for (gsize i = 0; i < size && line->len < 160; i++)
      {
        char c = data[i];

        if (c == '\n' || c == '\r')
          {
            if (line->len > 0)
              break;
            continue;
          }
        g_string_append_c (line, g_ascii_isprint (c) ? c : '?');
      }

    if (line->len == 0)
      {
        g_string_free (line, TRUE);
        return NULL;
      }
    return g_string_free (line, FALSE);
  }
}

static GError *
http_error (NexorClient *self,
            SoupMessage *message,
            GBytes      *body)
{
  guint status = soup_message_get_status (message);
  const char *reason = soup_message_get_reason_phrase (message);
  g_autofree char *detail = describe_error_body (body);
  g_autofree char *text = NULL;
  g_autofree char *safe = NULL;

  if (reason == NULL || *reason == '\0')
    reason = soup_status_get_phrase (status);

  if (detail != NULL)
    text = g_strdup_printf ("HTTP %u: %s", status, detail);
  else
    text = g_strdup_printf ("HTTP %u %s", status, reason ? reason : "");

  safe = redact (text, self->api_key);
  return g_error_new_literal (NEXOR_ERROR, error_code_for_status (status), safe);
}

/* Milliseconds the server asked us to wait, or -1. */
static gint64
parse_retry_after (SoupMessage *message)
{
  const char *value = soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                    "Retry-After");
  guint64 seconds;
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *trimmed = NULL;

  if (value == NULL)
    return -1;

  trimmed = g_strstrip (g_strdup (value));
  if (g_ascii_string_to_unsigned (trimmed, 10, 0, G_MAXUINT32, &seconds, NULL))
    return (gint64) seconds * 1000;

  date = soup_date_time_new_from_http_string (value);
  if (date != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      GTimeSpan diff = g_date_time_difference (date, now);

      return MAX (diff / 1000, 0);
    }

  return -1;
}

static guint
backoff_ms (guint retry)
{
  double base = MIN (8000.0, 500.0 * (double) (1u << MIN (retry - 1, 16u)));

  return (guint) (base * g_random_double_range (0.5, 1.0));
}

/* Judges one attempt. Returns TRUE to try again after *delay_ms; otherwise
 * FALSE with either *result or *error set. Takes @transport_error. */
static gboolean
judge_attempt (NexorClient  *self,
               SendState    *state,
               SoupMessage  *message,
               GBytes       *body,
               GError       *transport_error,
               gpointer     *result,
               GError      **error,
               guint        *delay_ms)
{
  gboolean retries_left = state->attempt <= state->max_retries;
  gboolean idempotent = _nexor_request_get_idempotent (state->request);
  g_autoptr(GError) failure = NULL;
  gint64 wait_ms;
  guint status;

  if (transport_error != NULL)
    {
      if (g_error_matches (transport_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_error_free (transport_error);
          *error = interrupted_error (state);
          return FALSE;
        }

      g_debug ("%s %s: attempt %u failed: %s", _nexor_request_get_method (state->request),
               g_uri_get_path (soup_message_get_uri (message)), state->attempt,
               transport_error->message);

      if (!retries_left ||
          !(is_connect_error (transport_error) || (idempotent && is_mid_response_error (transport_error))))
        {
          *error = transport_error;
          return FALSE;
        }

      failure = transport_error;
      wait_ms = backoff_ms (state->attempt);
    }
  else
    {
      status = soup_message_get_status (message);
      g_debug ("%s %s -> %u (attempt %u, %.1f ms)", _nexor_request_get_method (state->request),
               g_uri_get_path (soup_message_get_uri (message)), status, state->attempt,
               (g_get_monotonic_time () - state->started_us) / 1000.0);

      if (SOUP_STATUS_IS_SUCCESSFUL (status))
        {
          g_autoptr(JsonNode) root = _nexor_json_parse_bytes (body, error);

          if (root != NULL)
            *result = _nexor_request_parse (state->request, root, error);
          return FALSE;
        }

      failure = http_error (self, message, body);
      wait_ms = parse_retry_after (message);

      if (status == 429 && wait_ms > MAX_RETRY_AFTER_MS)
        {
          *error = g_error_new (NEXOR_ERROR, NEXOR_ERROR_RATE_LIMITED,
                                "%s (the server asks to wait %" G_GINT64_FORMAT " s, longer than 60 s)",
                                failure->message, wait_ms / 1000);
          return FALSE;
        }

      if (!retries_left || !idempotent || !is_retryable_status (status))
        {
          *error = g_steal_pointer (&failure);
          return FALSE;
        }

      if (wait_ms < 0)
        wait_ms = backoff_ms (state->attempt);
      wait_ms = MIN (wait_ms, MAX_RETRY_AFTER_MS);
    }

  if (state->timeout_s > 0 &&
      g_get_monotonic_time () + wait_ms * 1000 > state->started_us + (gint64) state->timeout_s * G_USEC_PER_SEC)
    {
      *error = g_error_new (NEXOR_ERROR, NEXOR_ERROR_TIMEOUT,
                            "The request did not finish within %u s: %s",
                            state->timeout_s, failure->message);
      return FALSE;
    }

  *delay_ms = (guint) wait_ms;
  g_debug ("retrying in %u ms", *delay_ms);
  return TRUE;
}

static void send_attempt (GTask *task);

static gboolean
send_attempt_source_func (gpointer user_data)
{
  send_attempt (user_data);
  return G_SOURCE_REMOVE;
}

static gboolean
wait_cancelled (GCancellable *cancellable,
                gpointer      user_data)
{
  send_attempt (user_data);  /* finds the cancellable cancelled and returns */
  return G_SOURCE_REMOVE;
}

static void
on_send_and_read (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  NexorClient *self = g_task_get_source_object (task);
  SendState *state = g_task_get_task_data (task);
  g_autoptr(SoupMessage) message = g_steal_pointer (&state->message);
  g_autoptr(GError) transport_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  gpointer value = NULL;
  guint delay_ms = 0;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &transport_error);

  if (judge_attempt (self, state, message, body, g_steal_pointer (&transport_error),
                     &value, &error, &delay_ms))
    {
      GSource *timer;
      GSource *cancel;

      timer = g_timeout_source_new (delay_ms);
      g_source_set_static_name (timer, "[nexor] retry backoff");
      g_task_attach_source (task, timer, send_attempt_source_func);
      state->wait_source = timer;

      /* A cancel or the deadline ends the wait at once. */
      cancel = g_cancellable_source_new (state->cancellable);
      g_task_attach_source (task, cancel, G_SOURCE_FUNC (wait_cancelled));
      state->wait_cancel_source = cancel;
      return;
    }

  if (value != NULL)
    g_task_return_pointer (task, value, g_object_unref);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
send_attempt (GTask *task)
{
  NexorClient *self = g_task_get_source_object (task);
  SendState *state = g_task_get_task_data (task);
  GError *error = NULL;

  clear_wait (state);

  if (g_cancellable_is_cancelled (state->cancellable))
    {
      g_task_return_error (task, interrupted_error (state));
      return;
    }

  state->message = build_message (self, state->request, &error);
  if (state->message == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  state->attempt++;
  soup_session_send_and_read_async (self->session, state->message, G_PRIORITY_DEFAULT,
                                    state->cancellable, on_send_and_read, g_object_ref (task));
}

static gboolean
check_request (NexorClient   *self,
               NexorRequest  *request,
               GError       **error)
{
  const GError *request_error = _nexor_request_get_error (request);

  if (request_error != NULL)
    {
      g_propagate_error (error, g_error_copy (request_error));
      return FALSE;
    }
  if (self->config_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->config_error));
      return FALSE;
    }

  return TRUE;
}

/*
 * _nexor_client_send_async:
 * @request: (transfer full): what to send
 *
 * Sends @request, with the retry policy and the deadline, and parses the
 * answer with the request's parser. The task returns exactly once.
 */
void
_nexor_client_send_async (NexorClient         *self,
                          NexorRequest        *request,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data,
                          gpointer             source_tag)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  if (!check_request (self, request, &error))
    {
      _nexor_request_free (request);
      g_task_return_error (task, error);
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    {
      _nexor_request_free (request);
      return;
    }

  g_task_set_task_data (task, send_state_new (self, request, cancellable),
                        (GDestroyNotify) send_state_free);
  send_attempt (task);
}

gpointer
_nexor_client_send_finish (NexorClient   *self,
                           GAsyncResult  *result,
                           gpointer       source_tag,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Sleeps for @ms unless @cancellable is cancelled first. */
static void
wait_cancellable (GCancellable *cancellable,
                  guint         ms)
{
  GPollFD pollfd;

  if (g_cancellable_make_pollfd (cancellable, &pollfd))
    {
      g_poll (&pollfd, 1, (int) ms);
      g_cancellable_release_fd (cancellable);
    }
}

/*
 * _nexor_client_send:
 * @request: (transfer full): what to send
 *
 * The blocking twin of _nexor_client_send_async(): the same policy, with
 * libsoup's own blocking I/O.
 */
gpointer
_nexor_client_send (NexorClient   *self,
                    NexorRequest  *request,
                    GCancellable  *cancellable,
                    GError       **error)
{
  SendState *state;
  gpointer value = NULL;
  GError *local_error = NULL;

  if (!check_request (self, request, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      _nexor_request_free (request);
      return NULL;
    }

  state = send_state_new (self, request, cancellable);

  for (;;)
    {
      g_autoptr(SoupMessage) message = NULL;
      g_autoptr(GBytes) body = NULL;
      GError *transport_error = NULL;
      guint delay_ms = 0;

      if (g_cancellable_is_cancelled (state->cancellable))
        {
          local_error = interrupted_error (state);
          break;
        }

      message = build_message (self, state->request, &local_error);
      if (message == NULL)
        break;

      state->attempt++;
      body = soup_session_send_and_read (self->session, message, state->cancellable, &transport_error);

      if (!judge_attempt (self, state, message, body, transport_error, &value, &local_error, &delay_ms))
        break;

      wait_cancellable (state->cancellable, delay_ms);
    }

  send_state_free (state);

  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return value;
}

/* ---------------------------------------------------------------------------
 * Leads
 * ------------------------------------------------------------------------- */

static NexorRequest *
get_lead_request (const char *id)
{
  NexorRequest *request = _nexor_request_new ("GET", (NexorResponseParser) _nexor_lead_new_from_response);

  _nexor_request_add_segment (request, "leads");
  _nexor_request_add_id_segment (request, "lead", id);
  return request;
}

/**
 * nexor_client_get_lead_async:
 * @self: a [class@Nexor.Client]
 * @id: the lead's id, a UUID
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @callback: (scope async): called when the lead is fetched or the call failed
 * @user_data: (closure): data for @callback
 *
 * Fetches a lead, with its campaign, active workflow run, status, tags and
 * collected variables (`GET /leads/{id}`).
 *
 * An @id that is not a UUID fails with %NEXOR_ERROR_INVALID_ARGUMENT without
 * sending a request. @callback runs in the thread-default main context of the
 * calling thread; call [method@Nexor.Client.get_lead_finish] there.
 */
void
nexor_client_get_lead_async (NexorClient         *self,
                             const char          *id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  _nexor_client_send_async (self, get_lead_request (id), cancellable, callback, user_data,
                            nexor_client_get_lead_async);
}

/**
 * nexor_client_get_lead_finish:
 * @self: a [class@Nexor.Client]
 * @result: the result passed to the callback
 * @error: return location for an error
 *
 * Finishes [method@Nexor.Client.get_lead_async].
 *
 * Returns: (transfer full): the lead, or %NULL with @error set: in the
 *   [error@Nexor.Error] domain (for example %NEXOR_ERROR_NOT_FOUND), a
 *   transport error, or %G_IO_ERROR_CANCELLED
 */
NexorLead *
nexor_client_get_lead_finish (NexorClient   *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return _nexor_client_send_finish (self, result, nexor_client_get_lead_async, error);
}

/**
 * nexor_client_get_lead:
 * @self: a [class@Nexor.Client]
 * @id: the lead's id, a UUID
 * @cancellable: (nullable): a [class@Gio.Cancellable]
 * @error: return location for an error
 *
 * Fetches a lead, blocking the calling thread; see
 * [method@Nexor.Client.get_lead_async].
 *
 * Returns: (transfer full): the lead, or %NULL with @error set
 */
NexorLead *
nexor_client_get_lead (NexorClient   *self,
                       const char    *id,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return _nexor_client_send (self, get_lead_request (id), cancellable, error);
}
