/* nexor-client.c: the entry point to the Nexor API, and its request core
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "nexor-client-private.h"
#include "nexor-error-private.h"
#include "nexor-json-private.h"
#include "nexor-json-source-private.h"
#include "nexor-text-private.h"

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
 * Requests that never reached the server (the connection was refused, or
 * broke before the request was written) and requests the server says it
 * did not process (HTTP 408, 425, 429) are retried, whatever the operation;
 * requests that are safe to repeat are also retried after HTTP 500, 502,
 * 503 or 504 or a connection lost mid-response. Retries are at most
 * [property@Nexor.Client:max-retries], with exponential backoff and jitter,
 * honouring `Retry-After` up to 60 seconds;
 * [signal@Nexor.Client::retry-scheduled] announces each one. A wait the
 * client does not make travels with the call's error:
 * [func@Nexor.Error.get_retry_after].
 *
 * An operation that is not safe to repeat, such as creating a lead, is
 * never sent twice once it was sent: if it then fails (the connection
 * breaks, the deadline passes, the server answers 500, 502, 503 or 504),
 * the call fails with %NEXOR_ERROR_OUTCOME_UNKNOWN, since the server may
 * have applied it; check before repeating it.
 *
 * The key is sent to the base URL's origin only: redirects are never
 * followed, and a 3xx answer fails with %NEXOR_ERROR_INVALID_RESPONSE naming
 * the `Location`. The whole call, retries and waits included, is bounded by
 * [property@Nexor.Client:timeout]; a response body over 32 MiB is refused
 * with %NEXOR_ERROR_INVALID_RESPONSE. The errors guide details the policy.
 *
 * Since: 0.1
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
  GTlsDatabase *tls_database; /* NULL: the system's trust store */
  GError *config_error; /* a bad base URL or key: every call fails with it */

  guint timeout;       /* atomic */
  guint max_retries;   /* atomic */

  /* Test hooks (nexor-client-private.h); set before the first call. */
  NexorTestRandomFunc test_random;
  NexorTestWaitFunc test_wait;
  gpointer test_data;
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
  PROP_TLS_DATABASE,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

enum {
  SIGNAL_RETRY_SCHEDULED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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
  /* Silently verifying with another trust store than the one asked for
   * would be worse than failing. */
  if (error == NULL && self->session != NULL && self->tls_database != NULL)
    g_set_error_literal (&error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                         "NexorClient:tls-database applies only to the session the client "
                         "makes: set it on the given session instead (SoupSession:tls-database)");
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
      /* Only when given: libsoup takes a NULL database as "verify nothing
       * against anything", not as "the default". */
      if (self->tls_database != NULL)
        soup_session_set_tls_database (self->session, self->tls_database);
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
  g_clear_object (&self->tls_database);
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
    case PROP_TLS_DATABASE:
      g_value_set_object (value, self->tls_database);
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
    case PROP_TLS_DATABASE:
      self->tls_database = g_value_dup_object (value);
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
   *
   * Since: 0.1
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
   *
   * Since: 0.1
   */
  props[PROP_API_KEY] =
    g_param_spec_string ("api-key", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * NexorClient:user-agent:
   *
   * The `User-Agent` sent with every request; `nexor-glib/VERSION` unless set.
   *
   * Since: 0.1
   */
  props[PROP_USER_AGENT] =
    g_param_spec_string ("user-agent", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * NexorClient:timeout:
   *
   * The deadline of a whole call in seconds, retries and waits included, or 0
   * for none. A call that runs out of time fails with %NEXOR_ERROR_TIMEOUT.
   *
   * Since: 0.1
   */
  props[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 0, G_MAXUINT / 1000, DEFAULT_TIMEOUT_S,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * NexorClient:max-retries:
   *
   * How many times a failed request may be retried, when retrying is safe.
   *
   * Since: 0.1
   */
  props[PROP_MAX_RETRIES] =
    g_param_spec_uint ("max-retries", NULL, NULL, 0, 10, DEFAULT_MAX_RETRIES,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  /**
   * NexorClient:session:
   *
   * The [class@Soup.Session] requests are sent with. One is made when none is
   * given; a given session is used as it is, with the trust store it was
   * given (set [property@Soup.Session:tls-database] on it, not
   * [property@Nexor.Client:tls-database], which then makes every call fail
   * with %NEXOR_ERROR_INVALID_ARGUMENT).
   *
   * Since: 0.1
   */
  props[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, SOUP_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * NexorClient:tls-database:
   *
   * The certificate authorities the client trusts for `https`, or %NULL
   * for the system's trust store.
   *
   * Give a [iface@Gio.TlsFileDatabase] to trust a private authority, or the
   * self-signed certificate of `nexor-emulator --tls`; it replaces the
   * system's store rather than adding to it. In Python:
   *
   * ```python
   * client = Nexor.Client(base_url=url, api_key=key,
   *                       tls_database=Gio.TlsFileDatabase.new(ca_file))
   * ```
   *
   * [ctor@Nexor.Client.new_from_environment] sets it from `NEXOR_CA_FILE`.
   * It applies to the session the client makes; with a given
   * [property@Nexor.Client:session], set the session's own
   * [property@Soup.Session:tls-database] instead: giving both makes every
   * call fail with %NEXOR_ERROR_INVALID_ARGUMENT.
   *
   * A certificate that fails validation ends the call before any byte of
   * the request is sent, with %G_TLS_ERROR_BAD_CERTIFICATE and a message
   * that says why (unknown authority, wrong host, expired, not yet valid,
   * revoked or insecure).
   *
   * Since: 0.1
   */
  props[PROP_TLS_DATABASE] =
    g_param_spec_object ("tls-database", NULL, NULL, G_TYPE_TLS_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, props);

  /**
   * NexorClient::retry-scheduled:
   * @self: the client
   * @attempt: the number of the attempt that will be sent after the wait:
   *   2 for the first retry
   * @delay_ms: how long the client waits before it, in milliseconds
   * @error: why the previous attempt failed, for example a
   *   %NEXOR_ERROR_SERVER error for an HTTP 503
   *
   * Emitted when a call failed in a way that is safe to retry and the client
   * is about to wait @delay_ms before trying again, so that an application
   * can say “retrying in 3 s”.
   *
   * For an `_async` call it is emitted in the thread-default main context of
   * the thread that started the call, where its callback also runs; for a
   * blocking call it is emitted in the calling thread, before the wait.
   * Cancelling the call's [class@Gio.Cancellable] from the handler ends the
   * wait at once.
   *
   * Since: 0.1
   */
  signals[SIGNAL_RETRY_SCHEDULED] =
    g_signal_new ("retry-scheduled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_ERROR);
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
 */
NexorClient *
nexor_client_new_for_url (const char *base_url,
                          const char *api_key)
{
  g_return_val_if_fail (base_url != NULL, NULL);

  return g_object_new (NEXOR_TYPE_CLIENT, "base-url", base_url, "api-key", api_key, NULL);
}

/* A trust store from a PEM file of certificates. GTlsFileDatabase itself
 * accepts a file with no certificate in it, which would then trust nothing
 * and fail every call far from the cause: that is refused here. It also
 * wants an absolute path (glib-networking warns and trusts nothing
 * otherwise), so a relative one is resolved against the current directory. */
static GTlsDatabase *
load_ca_file (const char  *path,
              const char  *source,
              GError     **error)
{
  g_autofree char *shown = g_filename_display_name (path);
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autoptr(GError) local_error = NULL;
  GList *certificates;
  GTlsDatabase *database;

  certificates = g_tls_certificate_list_new_from_file (absolute, &local_error);
  if (local_error == NULL && certificates == NULL)
    g_set_error_literal (&local_error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE,
                         "it holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
  g_list_free_full (certificates, g_object_unref);

  database = local_error == NULL ? g_tls_file_database_new (absolute, &local_error) : NULL;
  if (database == NULL)
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                   "Cannot use the CA file “%s” from %s: %s", shown, source, local_error->message);
      return NULL;
    }

  return database;
}

/**
 * nexor_client_new_from_environment:
 * @error: return location for an error
 *
 * Creates a client from the environment: the key from `NEXOR_API_KEY`, the
 * base URL from `NEXOR_BASE_URL` when it is set, and, when
 * `NEXOR_CA_FILE` names a PEM file of certificates, a
 * [property@Nexor.Client:tls-database] that trusts those instead of the
 * system's trust store (the file that `nexor-emulator --tls --tls-ca-out
 * FILE` writes, or a private authority).
 *
 * Returns: (transfer full) (nullable): a new client, or %NULL if the key is
 *   missing, the URL is unusable, or the `NEXOR_CA_FILE` is missing,
 *   unreadable or holds no certificate (%NEXOR_ERROR_INVALID_ARGUMENT)
 *
 * Since: 0.1
 */
NexorClient *
nexor_client_new_from_environment (GError **error)
{
  const char *base_url = g_getenv ("NEXOR_BASE_URL");
  const char *ca_file = g_getenv ("NEXOR_CA_FILE");
  g_autoptr(GTlsDatabase) tls_database = NULL;
  g_autoptr(NexorClient) self = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (base_url != NULL && *base_url == '\0')
    base_url = NULL;

  if (ca_file != NULL && *ca_file != '\0')
    {
      tls_database = load_ca_file (ca_file, "NEXOR_CA_FILE", error);
      if (tls_database == NULL)
        return NULL;
    }

  self = g_object_new (NEXOR_TYPE_CLIENT,
                       "base-url", base_url ? base_url : NEXOR_DEFAULT_BASE_URL,
                       "api-key", g_getenv ("NEXOR_API_KEY"),
                       "tls-database", tls_database,
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
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
 *
 * Since: 0.1
 */
SoupSession *
nexor_client_get_session (NexorClient *self)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return self->session;
}

/**
 * nexor_client_get_tls_database:
 * @self: a [class@Nexor.Client]
 *
 * Gets the [property@Nexor.Client:tls-database] property.
 *
 * Returns: (transfer none) (nullable): the trust store the client was
 *   given, or %NULL for the system's
 *
 * Since: 0.1
 */
GTlsDatabase *
nexor_client_get_tls_database (NexorClient *self)
{
  g_return_val_if_fail (NEXOR_IS_CLIENT (self), NULL);

  return self->tls_database;
}

void
_nexor_client_set_test_hooks (NexorClient         *self,
                              NexorTestRandomFunc  random_func,
                              NexorTestWaitFunc    wait_func,
                              gpointer             user_data)
{
  g_return_if_fail (NEXOR_IS_CLIENT (self));

  self->test_random = random_func;
  self->test_wait = wait_func;
  self->test_data = user_data;
}

/* ---------------------------------------------------------------------------
 * Deadlines: one timer thread cancels calls that run out of time, for the
 * blocking calls (which have no main context) and the async ones alike.
 * ------------------------------------------------------------------------- */

/* The timer thread sleeps until the earliest deadline it knows of, and a new
 * deadline wakes it only when it is earlier than that, which with one timeout
 * per client almost never happens: starting and stopping a call's deadline is
 * a mutex and a list link. (A GSource per call woke the thread twice per call,
 * a fifth of a keep-alive round trip's CPU; see docs/performance.md.) */
typedef struct {
  GCancellable *cancellable;
  gint64 expiry;            /* monotonic µs; 0 for no deadline */
  GList link;               /* in the queue while armed */
  gboolean queued;
  gint fired;
} Deadline;

static GMutex deadlines_lock;
static GCond deadlines_cond;
static GQueue deadlines = G_QUEUE_INIT;   /* sorted by expiry */
static gint64 timer_wakes_at = G_MAXINT64;

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

static gpointer
timer_thread_main (gpointer data)
{
  g_mutex_lock (&deadlines_lock);
  for (;;)
    {
      gint64 now = g_get_monotonic_time ();
      Deadline *head;

      while ((head = g_queue_peek_head (&deadlines)) != NULL && head->expiry <= now)
        {
          g_queue_unlink (&deadlines, &head->link);
          head->queued = FALSE;
          g_atomic_int_set (&head->fired, TRUE);
          g_atomic_rc_box_acquire (head);
          g_mutex_unlock (&deadlines_lock);
          g_cancellable_cancel (head->cancellable);
          deadline_unref (head);
          g_mutex_lock (&deadlines_lock);
        }

      timer_wakes_at = head != NULL ? head->expiry : G_MAXINT64;
      if (head != NULL)
        g_cond_wait_until (&deadlines_cond, &deadlines_lock, timer_wakes_at);
      else
        g_cond_wait (&deadlines_cond, &deadlines_lock);
    }

  return NULL;
}

static void
ensure_timer_thread (void)
{
  static gsize started;

  if (g_once_init_enter (&started))
    {
      g_thread_unref (g_thread_new ("nexor-timer", timer_thread_main, NULL));
      g_once_init_leave (&started, 1);
    }
}

static Deadline *
deadline_start (GCancellable *cancellable,
                guint         seconds)
{
  Deadline *deadline = g_atomic_rc_box_new0 (Deadline);
  GList *after;

  deadline->cancellable = g_object_ref (cancellable);
  deadline->link.data = deadline;
  if (seconds == 0)
    return deadline;

  ensure_timer_thread ();
  deadline->expiry = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;

  g_mutex_lock (&deadlines_lock);
  /* Usually the latest: insert from the tail. */
  for (after = deadlines.tail; after != NULL && ((Deadline *) after->data)->expiry > deadline->expiry;
       after = after->prev)
    ;
  if (after != NULL)
    g_queue_insert_after_link (&deadlines, after, &deadline->link);
  else
    g_queue_push_head_link (&deadlines, &deadline->link);
  deadline->queued = TRUE;
  if (deadline->expiry < timer_wakes_at)
    {
      timer_wakes_at = deadline->expiry;
      g_cond_signal (&deadlines_cond);
    }
  g_mutex_unlock (&deadlines_lock);

  return deadline;
}

static void
deadline_stop (Deadline *deadline)
{
  if (deadline->expiry != 0)
    {
      g_mutex_lock (&deadlines_lock);
      if (deadline->queued)
        {
          g_queue_unlink (&deadlines, &deadline->link);
          deadline->queued = FALSE;
        }
      g_mutex_unlock (&deadlines_lock);
    }
  deadline_unref (deadline);
}

/* ---------------------------------------------------------------------------
 * The request core
 * ------------------------------------------------------------------------- */

/* An error body is only read for the server's message: its start is enough. */
#define MAX_ERROR_BODY_SIZE (64 * 1024)
#define READ_CHUNK_SIZE (64 * 1024)

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
  gint64 virtual_us;                 /* waits the test hooks skipped */

  /* The attempt in flight */
  SoupMessage *message;
  gulong wrote_body_handler;
  gboolean request_sent;             /* all written: a failure from here on is ambiguous */
  GInputStream *stream;              /* the response body, being read */
  GByteArray *body;                  /* what was read of it */
  gsize body_limit;
  gsize read_offset;                 /* where the read in flight writes */
  goffset content_length;            /* as announced, or -1 */
  gboolean success;                  /* a 2xx: the body is the result */

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
on_wrote_body (SoupMessage *message,
               gpointer     user_data)
{
  SendState *state = user_data;

  state->request_sent = TRUE;
}

/* Takes @message. */
static void
attempt_start (SendState   *state,
               SoupMessage *message)
{
  state->message = message;
  state->request_sent = FALSE;
  state->wrote_body_handler = g_signal_connect (message, "wrote-body",
                                                G_CALLBACK (on_wrote_body), state);
  state->attempt++;
}

/* Closing a body that was not read to its end drops the connection rather
 * than draining it: an oversized or endless body costs nothing more. */
static void
attempt_clear (SendState *state,
               gboolean   async)
{
  if (state->stream != NULL)
    {
      if (async)
        g_input_stream_close_async (state->stream, G_PRIORITY_DEFAULT, NULL, NULL, NULL);
      else
        g_input_stream_close (state->stream, NULL, NULL);
      g_clear_object (&state->stream);
    }
  g_clear_pointer (&state->body, g_byte_array_unref);
  if (state->message != NULL)
    {
      g_clear_signal_handler (&state->wrote_body_handler, state->message);
      g_clear_object (&state->message);
    }
}

static void
send_state_free (SendState *state)
{
  clear_wait (state);
  attempt_clear (state, FALSE);
  deadline_stop (state->deadline);
  if (state->caller_cancellable != NULL)
    {
      g_cancellable_disconnect (state->caller_cancellable, state->caller_handler);
      g_object_unref (state->caller_cancellable);
    }
  g_clear_object (&state->cancellable);
  _nexor_request_free (state->request);
  g_free (state);
}

/* The call's clock: real time plus the waits the test hooks skipped. */
static gint64
state_now_us (SendState *state)
{
  return g_get_monotonic_time () + state->virtual_us;
}

/* The call was cancelled, by its caller or by its deadline. @ambiguous: an
 * attempt not safe to repeat was in flight with its request written, so the
 * server may have acted on it. A caller's own cancel is always reported as
 * such: the caller chose to stop, and knows what it had asked for. */
static GError *
interrupted_error (SendState *state,
                   gboolean   ambiguous)
{
  if (g_atomic_int_get (&state->deadline->fired) && ambiguous)
    return g_error_new (NEXOR_ERROR, NEXOR_ERROR_OUTCOME_UNKNOWN,
                        "The request was sent but its answer did not come within %u s "
                        "(attempt %u): it may have been applied; check before repeating it",
                        state->timeout_s, state->attempt);
  if (g_atomic_int_get (&state->deadline->fired))
    return g_error_new (NEXOR_ERROR, NEXOR_ERROR_TIMEOUT,
                        "The request did not finish within %u s (attempt %u)",
                        state->timeout_s, state->attempt);

  return g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Operation was cancelled");
}

/* ---------------------------------------------------------------------------
 * Certificates: libsoup reports only G_TLS_ERROR_BAD_CERTIFICATE; the
 * reasons come from the handshake, through the message.
 * ------------------------------------------------------------------------- */

static GQuark
certificate_errors_quark (void)
{
  return g_quark_from_static_string ("nexor-certificate-errors");
}

/* Declines, so that the handshake fails (or a handler of the caller's own
 * session decides): it only notes why the certificate was refused. */
static gboolean
on_accept_certificate (SoupMessage          *message,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       gpointer              user_data)
{
  g_object_set_qdata (G_OBJECT (message), certificate_errors_quark (), GUINT_TO_POINTER (errors));
  return FALSE;
}

/* Takes @failure; a refused certificate comes back with the same domain and
 * code, transport errors passing through as such, and a message that says
 * why in words. */
static GError *
explain_certificate_error (SoupMessage *message,
                           GError      *failure)
{
  GTlsCertificateFlags flags;
  GUri *uri = soup_message_get_uri (message);
  g_autofree char *host = NULL;
  GString *why;
  GError *explained;

  if (!g_error_matches (failure, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
    return failure;

  flags = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (message), certificate_errors_quark ()));
  host = g_uri_get_port (uri) > 0
    ? g_strdup_printf ("%s:%d", g_uri_get_host (uri), g_uri_get_port (uri))
    : g_strdup (g_uri_get_host (uri));
  why = g_string_new (NULL);

#define REASON(flag, text) \
  if (flags & (flag)) \
    g_string_append_printf (why, "%s" text, why->len > 0 ? "; " : "")

  REASON (G_TLS_CERTIFICATE_UNKNOWN_CA,
          "it is not signed by a certificate authority this client trusts "
          "(a private or self-signed certificate, such as nexor-emulator's, "
          "must be trusted with NexorClient:tls-database or NEXOR_CA_FILE)");
  REASON (G_TLS_CERTIFICATE_BAD_IDENTITY, "it was not issued for this host name");
  REASON (G_TLS_CERTIFICATE_NOT_ACTIVATED, "it is not valid yet (check this computer's clock)");
  REASON (G_TLS_CERTIFICATE_EXPIRED, "it has expired");
  REASON (G_TLS_CERTIFICATE_REVOKED, "it has been revoked");
  REASON (G_TLS_CERTIFICATE_INSECURE, "it uses an insecure algorithm");
  REASON (G_TLS_CERTIFICATE_GENERIC_ERROR,
          "it could not be verified against the trusted certificates (a signature that "
          "does not match, or a malformed certificate)");
#undef REASON

  if (why->len == 0)
    g_string_append (why, failure->message);

  explained = g_error_new (failure->domain, failure->code,
                           "The TLS certificate of %s was refused, and nothing was sent: %s",
                           host, why->str);
  g_string_free (why, TRUE);
  g_error_free (failure);
  return explained;
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
  g_signal_connect (message, "accept-certificate", G_CALLBACK (on_accept_certificate), NULL);
  headers = soup_message_get_request_headers (message);
  soup_message_headers_replace (headers, "X-API-Key", self->api_key);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (!self->own_session)
    soup_message_headers_replace (headers, "User-Agent", self->user_agent);

  body = _nexor_request_get_body (request);
  if (body != NULL)
    soup_message_set_request_body_from_bytes (message, "application/json", body);

  /* The key goes to the base URL's origin only, and the API documents no
   * redirect: a 3xx is returned to the core, which refuses it, instead of
   * libsoup following it with the X-API-Key header to wherever it points
   * (libsoup strips only Authorization on a cross-origin redirect). A flag
   * on the message, so that it holds for an injected session too. */
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);

  /* Lets libsoup itself re-send it on a keep-alive connection the server
   * had already closed; it does so for GET, PUT and DELETE on its own. */
  if (_nexor_request_get_idempotent (request))
    soup_message_add_flags (message, SOUP_MESSAGE_IDEMPOTENT);

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

/* A connection that broke, stalled or spoke garbage; not a refusal such as
 * a bad certificate, an unknown host or a body over the limit. */
static gboolean
is_transient_io_error (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED) ||
         g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_PARSING);
}

/* Until the whole request is written the server cannot have acted on it,
 * so any request may go again; after that only one that is safe to repeat,
 * since the server may have done the work and lost only the answer. */
static gboolean
is_retryable_transport_error (const GError *error,
                              gboolean      request_sent,
                              gboolean      idempotent)
{
  if (is_connect_error (error))
    return TRUE;

  return is_transient_io_error (error) && (!request_sent || idempotent);
}

/* The server says it did not act on the request: repeating it is safe
 * whatever the operation. */
static gboolean
is_unprocessed_status (guint status)
{
  return status == 408 || status == 425 || status == 429;
}

/* A failure that may have come after the work was done: repeated only for
 * an operation that is safe to repeat. */
static gboolean
is_ambiguous_status (guint status)
{
  return status == 500 || status == 502 || status == 503 || status == 504;
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

          return _nexor_quote (both, -1, NEXOR_QUOTE_SERVER_TEXT_CHARS);
        }
      if (title != NULL || message != NULL)
        return _nexor_quote (title != NULL ? title : message, -1, NEXOR_QUOTE_SERVER_TEXT_CHARS);
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

/* Text from the server, fit to quote in a message: valid UTF-8, no control
 * characters, at most @max_chars characters, and never the key. */
static char *
quote_untrusted (NexorClient *self,
                 const char  *text,
                 guint        max_chars)
{
  /* Redacted before it is cut, so that no part of the key survives a cut. */
  g_autofree char *redacted = redact (text, self->api_key);

  return _nexor_quote (redacted, -1, max_chars);
}

static GError *
http_error (NexorClient *self,
            SoupMessage *message,
            GBytes      *body)
{
  guint status = soup_message_get_status (message);
  const char *reason = soup_message_get_reason_phrase (message);
  g_autofree char *detail = describe_error_body (body);
  g_autofree char *shown_reason = NULL;
  g_autofree char *text = NULL;
  g_autofree char *safe = NULL;

  if (reason == NULL || *reason == '\0')
    reason = soup_status_get_phrase (status);
  /* A reason phrase may hold any byte from 0x80 up (obs-text). */
  shown_reason = quote_untrusted (self, reason, NEXOR_QUOTE_CHARS);

  if (detail != NULL)
    text = g_strdup_printf ("HTTP %u: %s", status, detail);
  else
    text = g_strdup_printf ("HTTP %u %s", status, shown_reason);

  safe = redact (text, self->api_key);
  return g_error_new_literal (NEXOR_ERROR, error_code_for_status (status), safe);
}

/* The documented API never redirects: a 3xx comes from something else at
 * the base URL (a moved server, a proxy, a portal), and following it would
 * send the key there. Reported like any answer that is not the API's. */
static GError *
redirect_error (NexorClient *self,
                SoupMessage *message)
{
  guint status = soup_message_get_status (message);
  const char *location = soup_message_headers_get_one (soup_message_get_response_headers (message),
                                                       "Location");
  const char *reason = soup_status_get_phrase (status);
  g_autofree char *shown = location != NULL ? quote_untrusted (self, location, 200) : NULL;

  if (shown == NULL)
    return g_error_new (NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
                        "HTTP %u %s: a redirect, without a Location; redirects are not followed "
                        "(the Nexor API sends none): check the base URL",
                        status, reason ? reason : "");

  return g_error_new (NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
                      "HTTP %u %s: the server redirects to “%s”; redirects are not followed "
                      "(the Nexor API sends none): check the base URL",
                      status, reason ? reason : "", shown);
}

/* The failure of a request not safe to repeat, once it was sent and no
 * answer settled what became of it. Keeps the cause's words. */
static GError *
outcome_unknown_error (const GError *cause)
{
  return g_error_new (NEXOR_ERROR, NEXOR_ERROR_OUTCOME_UNKNOWN,
                      "%s; the request was sent and may have been applied: check before "
                      "repeating it", cause->message);
}

/* Puts the wait the server asked for, if any, on the error that ends the
 * call: it belongs to this call alone. */
static GError *
take_retry_after (GError *error,
                  gint64  retry_after_ms)
{
  if (retry_after_ms <= 0 || error->domain != NEXOR_ERROR)
    return error;

  return _nexor_error_take_retry_after (error, (guint) MIN ((retry_after_ms + 999) / 1000, G_MAXUINT));
}

/* Milliseconds the server asked us to wait, or -1 when it named no usable
 * wait. An HTTP date is measured from the response's own Date header, when
 * there is one, so that a skewed local clock does not matter. */
static gint64
parse_retry_after (SoupMessage *message)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);
  const char *value = soup_message_headers_get_one (headers, "Retry-After");
  g_autofree char *trimmed = NULL;
  g_autoptr(GDateTime) date = NULL;
  guint64 seconds;

  if (value == NULL)
    return -1;

  trimmed = g_strstrip (g_strdup (value));
  if (g_ascii_string_to_unsigned (trimmed, 10, 0, G_MAXUINT32, &seconds, NULL))
    return (gint64) seconds * 1000;

  /* Not in the RFC, but sent by some servers: “1.5”. */
  if (g_ascii_isdigit (trimmed[0]) && strspn (trimmed, "0123456789.") == strlen (trimmed))
    {
      char *end = NULL;
      double fractional = g_ascii_strtod (trimmed, &end);

      if (end != NULL && *end == '\0' && fractional >= 0 && fractional <= G_MAXUINT32)
        return (gint64) (fractional * 1000);
      return -1;
    }

  date = soup_date_time_new_from_http_string (trimmed);
  if (date != NULL)
    {
      const char *now_text = soup_message_headers_get_one (headers, "Date");
      g_autoptr(GDateTime) now = now_text ? soup_date_time_new_from_http_string (now_text) : NULL;

      if (now == NULL)
        now = g_date_time_new_now_utc ();
      return MAX (g_date_time_difference (date, now) / 1000, 0);
    }

  return -1;
}

/* min(8 s, 0.5 s × 2^(retry-1)), times a random 50–100 %. */
static guint
backoff_ms (NexorClient *self,
            guint        retry)
{
  double nominal = MIN (8000.0, 500.0 * (double) (1u << MIN (retry - 1, 16u)));
  double draw;

  if (self->test_random != NULL)
    draw = CLAMP (self->test_random (self->test_data), 0.0, 1.0);
  else
    draw = g_random_double ();

  return (guint) (nominal * (0.5 + 0.5 * draw));
}

/* The server asked for a wait the client will not make: the caller gets
 * the status's own error at once, with the wait, and can reschedule. */
static GError *
refuse_wait (guint         status,
             const GError *failure,
             gint64        wait_ms,
             const char   *why)
{
  return take_retry_after (g_error_new (NEXOR_ERROR, error_code_for_status (status),
                                        "%s: the server asks for a wait %s",
                                        failure->message, why),
                           wait_ms);
}

/* Annotates a body that would not parse with its Content-Type, the first
 * clue to a proxy or portal page answering in the API's place. */
static GError *
describe_unparsable (SoupMessage *message,
                     GError      *error)
{
  const char *type = soup_message_headers_get_content_type (soup_message_get_response_headers (message),
                                                             NULL);
  GError *annotated;
  GString *shown;

  if (type == NULL || !g_error_matches (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE))
    return error;

  shown = g_string_new (NULL);
  for (const char *p = type; *p != '\0' && shown->len < 64; p++)
    g_string_append_c (shown, g_ascii_isprint (*p) ? *p : '?');

  annotated = g_error_new (error->domain, error->code, "%s (Content-Type: %s)",
                           error->message, shown->str);
  g_string_free (shown, TRUE);
  g_error_free (error);
  return annotated;
}

/* Judges one attempt. Returns TRUE to try again after *delay_ms, having
 * emitted NexorClient::retry-scheduled; otherwise FALSE with either *result
 * or *error set. Takes @failure, the attempt's transport error if any.
 *
 * What may go again: a request that never reached the server, and one the
 * server said it did not process (408, 425, 429), whatever the operation;
 * one that failed after it was sent (500, 502, 503, 504, a connection lost)
 * only if the operation is safe to repeat, and otherwise the caller learns
 * that the outcome is unknown. */
static gboolean
judge_attempt (NexorClient  *self,
               SendState    *state,
               GBytes       *body,
               GError       *failure_in,
               gpointer     *result,
               GError      **error,
               guint        *delay_ms)
{
  SoupMessage *message = state->message;
  gboolean retries_left = state->attempt <= state->max_retries;
  gboolean idempotent = _nexor_request_get_idempotent (state->request);
  g_autoptr(GError) failure = failure_in;
  gint64 retry_after_ms = -1;
  gint64 wait_ms;
  guint status = 0;

  if (failure != NULL)
    {
      guint answered = soup_message_get_status (message);
      /* An answer proves the request arrived, whatever the signals said. */
      gboolean sent = state->request_sent || answered != SOUP_STATUS_NONE;
      /* Whether the server may have acted on it: a 4xx status line already
       * said it did not, whatever became of the rest of the answer. */
      gboolean ambiguous = sent && !idempotent && !(answered >= 400 && answered < 500);

      if (g_error_matches (failure, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          *error = interrupted_error (state, ambiguous);
          return FALSE;
        }

      g_debug ("%s %s: attempt %u failed%s: %s", _nexor_request_get_method (state->request),
               g_uri_get_path (soup_message_get_uri (message)), state->attempt,
               sent ? " after the request was sent" : "", failure->message);

      /* A 408, 425 or 429 whose body broke off still said "not processed". */
      if (!retries_left ||
          !is_retryable_transport_error (failure, sent && !is_unprocessed_status (answered), idempotent))
        {
          /* The library's own refusals (a body over the limit) are not
           * about the server's side. */
          if (ambiguous && failure->domain != NEXOR_ERROR)
            *error = outcome_unknown_error (failure);
          else
            *error = explain_certificate_error (message, g_steal_pointer (&failure));
          return FALSE;
        }
    }
  else
    {
      status = soup_message_get_status (message);
      /* GLib 2.74 formats a message before its writer drops it: on every
       * response, that was a noticeable part of the request core's cost. */
      if (!g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
        g_debug ("%s %s -> %u (attempt %u, %.1f ms)", _nexor_request_get_method (state->request),
                 g_uri_get_path (soup_message_get_uri (message)), status, state->attempt,
                 (g_get_monotonic_time () - state->started_us) / 1000.0);

      if (SOUP_STATUS_IS_SUCCESSFUL (status))
        {
          GError *parse_error = NULL;
          g_autoptr(NexorJsonDocument) document = _nexor_json_document_parse (body, &parse_error);

          if (document != NULL)
            {
              /* Resources built in the document's scope keep the body and
               * their span in it instead of the tree, which goes with the
               * document: the tree is most of what a held resource cost. */
              NexorJsonDocument *previous = _nexor_json_document_enter (document);

              *result = _nexor_request_parse (state->request, _nexor_json_document_get_root (document), error);
              _nexor_json_document_leave (previous);
            }
          else
            *error = describe_unparsable (message, parse_error);
          return FALSE;
        }

      if (SOUP_STATUS_IS_REDIRECTION (status))
        {
          *error = redirect_error (self, message);
          return FALSE;
        }

      failure = http_error (self, message, body);
      retry_after_ms = parse_retry_after (message);

      if (is_ambiguous_status (status) && !idempotent)
        *error = take_retry_after (outcome_unknown_error (failure), retry_after_ms);
      else if (!is_unprocessed_status (status) && !is_ambiguous_status (status))
        *error = take_retry_after (g_steal_pointer (&failure), retry_after_ms);
      else if (retry_after_ms > MAX_RETRY_AFTER_MS)
        *error = refuse_wait (status, failure, retry_after_ms, "longer than 60 s");
      else if (!retries_left)
        *error = take_retry_after (g_steal_pointer (&failure), retry_after_ms);

      if (*error != NULL)
        return FALSE;
    }

  wait_ms = retry_after_ms >= 0 ? retry_after_ms : backoff_ms (self, state->attempt);

  if (state->timeout_s > 0 &&
      state_now_us (state) + wait_ms * 1000 > state->started_us + (gint64) state->timeout_s * G_USEC_PER_SEC)
    {
      if (retry_after_ms >= 0)
        {
          /* The server's own wait does not fit: let the caller reschedule. */
          *error = refuse_wait (status, failure, retry_after_ms,
                                "longer than the call's deadline allows");
        }
      else
        {
          *error = g_error_new (NEXOR_ERROR, NEXOR_ERROR_TIMEOUT,
                                "The request did not finish within %u s: %s",
                                state->timeout_s, failure->message);
        }
      return FALSE;
    }

  *delay_ms = (guint) wait_ms;
  g_debug ("retrying in %u ms", *delay_ms);
  g_signal_emit (self, signals[SIGNAL_RETRY_SCHEDULED], 0, state->attempt + 1, *delay_ms, failure);
  return TRUE;
}

/* ---------------------------------------------------------------------------
 * Reading a response body, with a cap: shared by the blocking and the
 * asynchronous paths, which differ only in how they wait for bytes.
 * ------------------------------------------------------------------------- */

typedef enum {
  BODY_MORE,
  BODY_DONE,
  BODY_FAILED,
} BodyProgress;

/* Called once the status and headers are in: refuses a body announced over
 * the limit before a byte of it is read. */
static gboolean
body_begin (SendState  *state,
            GError    **error)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (state->message);

  state->success = SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (state->message));
  state->body_limit = state->success ? NEXOR_MAX_BODY_SIZE : MAX_ERROR_BODY_SIZE;
  state->content_length = -1;
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    state->content_length = soup_message_headers_get_content_length (headers);

  if (state->success && state->content_length > NEXOR_MAX_BODY_SIZE)
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
                   "Invalid response: the body is %" G_GOFFSET_FORMAT " bytes, over the "
                   "limit of %u MiB", state->content_length, NEXOR_MAX_BODY_SIZE / (1024 * 1024));
      return FALSE;
    }

  /* Sized from Content-Length when there is one, so that the usual body is
   * read into one allocation. */
  state->body = g_byte_array_sized_new (state->content_length >= 0
                                        ? (guint) MIN ((gsize) state->content_length, state->body_limit) + 1
                                        : 16 * 1024);
  return TRUE;
}

/* Where the next read goes and how much it may bring: never more than one
 * byte past the limit, so an oversized body is noticed without being held. */
static guint8 *
body_reserve (SendState *state,
              gsize     *count)
{
  gsize offset = state->body->len;
  gsize want;

  if (state->content_length >= 0 && (gsize) state->content_length >= offset)
    want = (gsize) state->content_length - offset + 1;
  else
    want = READ_CHUNK_SIZE;
  want = MIN (want, state->body_limit + 1 - offset);

  g_byte_array_set_size (state->body, (guint) (offset + want));
  state->read_offset = offset;
  *count = want;
  return state->body->data + offset;
}

static BodyProgress
body_advance (SendState  *state,
              gssize      nread,
              GError    **error)
{
  g_byte_array_set_size (state->body, (guint) (state->read_offset + MAX (nread, 0)));

  if (nread < 0)
    return BODY_FAILED;
  if (nread == 0)
    return BODY_DONE;
  if (state->body->len <= state->body_limit)
    return BODY_MORE;

  if (!state->success)
    {
      g_byte_array_set_size (state->body, (guint) state->body_limit);
      return BODY_DONE;
    }

  g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
               "Invalid response: the body is over the limit of %u MiB",
               NEXOR_MAX_BODY_SIZE / (1024 * 1024));
  return BODY_FAILED;
}

static GBytes *
body_take (SendState *state)
{
  gsize length = state->body->len;
  guint8 *data = g_byte_array_free (g_steal_pointer (&state->body), FALSE);

  /* The array grew in powers of two, or by whole read chunks without a
   * Content-Length; resources built from the body keep it for as long as
   * they live, so it gives the slack back. */
  return g_bytes_new_take (g_realloc (data, length), length);
}

/* ---------------------------------------------------------------------------
 * Asynchronous calls
 * ------------------------------------------------------------------------- */

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
schedule_wait (GTask *task,
               guint  delay_ms)
{
  NexorClient *self = g_task_get_source_object (task);
  SendState *state = g_task_get_task_data (task);
  GSource *timer;
  GSource *cancel;

  if (self->test_wait != NULL)
    {
      self->test_wait (delay_ms, self->test_data);
      state->virtual_us += (gint64) delay_ms * 1000;
      delay_ms = 0;
    }

  timer = g_timeout_source_new (delay_ms);
  g_source_set_static_name (timer, "[nexor] retry backoff");
  g_task_attach_source (task, timer, send_attempt_source_func);
  state->wait_source = timer;

  /* A cancel or the deadline ends the wait at once. */
  cancel = g_cancellable_source_new (state->cancellable);
  g_task_attach_source (task, cancel, G_SOURCE_FUNC (wait_cancelled));
  state->wait_cancel_source = cancel;
}

/* Ends an attempt: judges it, then returns the task or schedules the next
 * attempt. Takes @task's reference, @body and @failure. */
static void
attempt_done (GTask  *task,
              GBytes *body,
              GError *failure)
{
  g_autoptr(GTask) owned_task = task;
  g_autoptr(GBytes) owned_body = body;
  NexorClient *self = g_task_get_source_object (task);
  SendState *state = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gpointer value = NULL;
  guint delay_ms = 0;
  gboolean again;

  again = judge_attempt (self, state, owned_body, failure, &value, &error, &delay_ms);
  attempt_clear (state, TRUE);

  if (again)
    schedule_wait (task, delay_ms);
  else if (value != NULL)
    g_task_return_pointer (task, value, g_object_unref);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void read_body_async (GTask *task);

static void
on_body_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  SendState *state = g_task_get_task_data (task);
  GError *error = NULL;
  gssize nread;

  nread = g_input_stream_read_finish (G_INPUT_STREAM (source), result, &error);

  switch (body_advance (state, nread, &error))
    {
    case BODY_MORE:
      read_body_async (task);
      break;
    case BODY_DONE:
      attempt_done (task, body_take (state), NULL);
      break;
    case BODY_FAILED:
    default:
      attempt_done (task, NULL, error);
      break;
    }
}

/* Takes a reference on @task, handed on from read to read. */
static void
read_body_async (GTask *task)
{
  SendState *state = g_task_get_task_data (task);
  gsize count = 0;
  guint8 *buffer = body_reserve (state, &count);

  g_input_stream_read_async (state->stream, buffer, count, G_PRIORITY_DEFAULT,
                             state->cancellable, on_body_read, task);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  SendState *state = g_task_get_task_data (task);
  GError *error = NULL;

  state->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (state->stream == NULL || !body_begin (state, &error))
    {
      attempt_done (task, NULL, error);
      return;
    }

  read_body_async (task);
}

static void
send_attempt (GTask *task)
{
  NexorClient *self = g_task_get_source_object (task);
  SendState *state = g_task_get_task_data (task);
  SoupMessage *message;
  GError *error = NULL;

  clear_wait (state);

  if (g_cancellable_is_cancelled (state->cancellable))
    {
      g_task_return_error (task, interrupted_error (state, FALSE));
      return;
    }

  message = build_message (self, state->request, &error);
  if (message == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  attempt_start (state, message);
  soup_session_send_async (self->session, state->message, G_PRIORITY_DEFAULT,
                           state->cancellable, on_sent, g_object_ref (task));
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

/* ---------------------------------------------------------------------------
 * Blocking calls
 * ------------------------------------------------------------------------- */

/* Sleeps for @ms unless @cancellable is cancelled first. */
static void
wait_cancellable (GCancellable *cancellable,
                  guint         ms)
{
  GPollFD pollfd;

  if (g_cancellable_make_pollfd (cancellable, &pollfd))
    {
      g_poll (&pollfd, 1, (int) MIN (ms, G_MAXINT));
      g_cancellable_release_fd (cancellable);
    }
}

static GBytes *
send_and_read (NexorClient  *self,
               SendState    *state,
               GError      **error)
{
  state->stream = soup_session_send (self->session, state->message, state->cancellable, error);
  if (state->stream == NULL || !body_begin (state, error))
    return NULL;

  for (;;)
    {
      gsize count = 0;
      guint8 *buffer = body_reserve (state, &count);
      gssize nread = g_input_stream_read (state->stream, buffer, count, state->cancellable, error);

      switch (body_advance (state, nread, error))
        {
        case BODY_MORE:
          break;
        case BODY_DONE:
          return body_take (state);
        case BODY_FAILED:
        default:
          return NULL;
        }
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
      g_autoptr(GBytes) body = NULL;
      SoupMessage *message;
      GError *failure = NULL;
      guint delay_ms = 0;
      gboolean again;

      if (g_cancellable_is_cancelled (state->cancellable))
        {
          local_error = interrupted_error (state, FALSE);
          break;
        }

      message = build_message (self, state->request, &local_error);
      if (message == NULL)
        break;

      attempt_start (state, message);
      body = send_and_read (self, state, &failure);
      again = judge_attempt (self, state, body, failure, &value, &local_error, &delay_ms);
      attempt_clear (state, FALSE);
      if (!again)
        break;

      if (self->test_wait != NULL)
        {
          self->test_wait (delay_ms, self->test_data);
          state->virtual_us += (gint64) delay_ms * 1000;
        }
      else
        {
          wait_cancellable (state->cancellable, delay_ms);
        }
    }

  send_state_free (state);

  if (local_error != NULL)
    g_propagate_error (error, local_error);
  return value;
}
