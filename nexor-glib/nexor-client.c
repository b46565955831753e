/* nexor-client.c: the entry point to the Nexor API: the client object, its
 * properties and the checks of its base URL and key
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-i18n-private.h"

#include <string.h>

#include "nexor-client-private.h"
#include "nexor-error-private.h"
#include "nexor-json-private.h"
#include "nexor-log-private.h"
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
 * g_autoptr(GError) error = NULL;
 * g_autoptr(NexorClient) client = nexor_client_new (g_getenv ("NEXOR_API_KEY"), &error);
 * g_autoptr(NexorLead) lead = NULL;
 *
 * if (client == NULL)
 *   return fail (error);   // no key, or an unusable one: nothing was sent
 * lead = nexor_client_get_lead (client, id, NULL, &error);
 * ```
 *
 * A client implements [iface@Gio.Initable]: a base URL or key it cannot use
 * fails when the client is built, with %NEXOR_ERROR_INVALID_ARGUMENT (or
 * %NEXOR_ERROR_UNAUTHORIZED for a missing key), not at its first call.
 * [ctor@Nexor.Client.new], [ctor@Nexor.Client.new_for_url] and
 * [ctor@Nexor.Client.new_from_environment] do that, and raise the error in
 * Python and throw it in JavaScript. The generic constructors
 * (`g_object_new()`, Python's `Nexor.Client(base_url=…)`, GJS's
 * `new Nexor.Client({…})`) do not initialize the object (PyGObject 3.42 and
 * GJS 1.74 never call [method@Gio.Initable.init]): call `init()` on the
 * client, or use [func@Gio.Initable.new]. A client that was not initialized,
 * or whose initialization failed, is still safe to use: every call fails
 * with the same error, and nothing is sent.
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
/* The client's own session: connections in all, and to one host. */
#define MAX_CONNS 64
#define MAX_CONNS_PER_HOST 32

struct _NexorClient
{
  GObject parent_instance;

  char *base_url;      /* without a trailing slash */
  char *api_key;
  char *user_agent;
  SoupSession *session;
  gboolean own_session;
  GTlsDatabase *tls_database; /* NULL: the system's trust store */
  GError *config_error; /* a bad base URL or key: init and every call fail with it */

  guint timeout;       /* atomic */
  guint max_retries;   /* atomic */

  /* When the connections that last carried this client's requests went
   * idle again: the pool holds at most max-conns of them, and a connection
   * not found here is simply not warm, so the oldest entry makes room. */
  GMutex idle_lock;
  struct {
    guint64 connection_id;   /* 0: free */
    gint64 since_us;
    gint64 bound_us;         /* from the server's Keep-Alive timeout; -1: the client's bound */
  } idle_since[MAX_CONNS];

  /* Test hooks (nexor-client-private.h); set before the first call. */
  NexorTestHooks test_hooks;
};

static void nexor_client_initable_iface_init (GInitableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NexorClient, nexor_client, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_INITABLE, nexor_client_initable_iface_init))

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
                   _("Invalid base URL “%s”: %s"), base_url, local_error->message);
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0)
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                   _("Invalid base URL “%s”: the scheme must be https"), base_url);
      return FALSE;
    }

  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                   _("Invalid base URL “%s”: it has no host"), base_url);
      return FALSE;
    }

  /* The key travels in a header: plain HTTP is only acceptable on this machine. */
  if (g_strcmp0 (scheme, "http") == 0 && !host_is_loopback (g_uri_get_host (uri)))
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                   _("Refusing plain-HTTP base URL “%s”: the API key would travel unencrypted; "
                   "use https, or http only to a loopback address"), base_url);
      return FALSE;
    }

  if (g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                   _("Invalid base URL “%s”: it may not have a query or fragment"), base_url);
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
                           _("No API key: set NEXOR_API_KEY or pass a key to the client "
                           "(keys look like nxr_live_…)"));
      return FALSE;
    }

  /* A control character or space would break, or inject into, the header. */
  for (const char *p = api_key; *p != '\0'; p++)
    {
      if (*p <= ' ' || *p >= 0x7f)
        {
          g_set_error_literal (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                               _("The API key contains spaces, control characters or "
                               "non-ASCII characters and cannot be sent"));
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
                         _("NexorClient:tls-database applies only to the session the client "
                         "makes: set it on the given session instead (SoupSession:tls-database)"));
  self->config_error = g_steal_pointer (&error);

  /* libsoup allows changing a session only before its first request, in its
   * own thread: configure it completely here and never again. */
  if (self->session == NULL)
    {
      self->session = soup_session_new_with_options ("user-agent", self->user_agent,
                                                     "timeout", IDLE_IO_TIMEOUT_S,
                                                     "idle-timeout", 60,
                                                     "max-conns", MAX_CONNS,
                                                     "max-conns-per-host", MAX_CONNS_PER_HOST,
                                                     NULL);
      self->own_session = TRUE;
      /* Only when given: libsoup takes a NULL database as "verify nothing
       * against anything", not as "the default". */
      if (self->tls_database != NULL)
        soup_session_set_tls_database (self->session, self->tls_database);
      _nexor_log_attach (self->session, self->api_key);
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
  g_mutex_clear (&self->idle_lock);
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
   * `nexor-emulator`; otherwise building the client fails with
   * %NEXOR_ERROR_INVALID_ARGUMENT (see [iface@Gio.Initable]).
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
   * Without a key building the client fails with %NEXOR_ERROR_UNAUTHORIZED
   * (see [iface@Gio.Initable]).
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
  g_mutex_init (&self->idle_lock);
  self->test_hooks.warm_idle_us = NEXOR_WARM_IDLE_MS * 1000;
}

/* The checks ran in constructed(), where a property's value is first
 * known; init only reports them. So it costs nothing, may be called again,
 * and a client built with g_object_new() and never initialized still
 * fails each call with the same error instead of misbehaving. */
static gboolean
nexor_client_initable_init (GInitable     *initable,
                            GCancellable  *cancellable,
                            GError       **error)
{
  NexorClient *self = NEXOR_CLIENT (initable);

  if (self->config_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->config_error));
      return FALSE;
    }

  return TRUE;
}

static void
nexor_client_initable_iface_init (GInitableIface *iface)
{
  iface->init = nexor_client_initable_init;
}

/**
 * nexor_client_new:
 * @api_key: (nullable): the API key, such as `nxr_live_…`; %NULL fails with
 *   %NEXOR_ERROR_UNAUTHORIZED
 * @error: return location for an error
 *
 * Creates a client of the production API.
 *
 * An unusable @api_key fails here, as [method@Gio.Initable.init] does: a
 * missing or empty key with %NEXOR_ERROR_UNAUTHORIZED, one with spaces,
 * control or non-ASCII characters with %NEXOR_ERROR_INVALID_ARGUMENT.
 *
 * Returns: (transfer full): a new client, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorClient *
nexor_client_new (const char  *api_key,
                  GError     **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_initable_new (NEXOR_TYPE_CLIENT, NULL, error, "api-key", api_key, NULL);
}

/**
 * nexor_client_new_for_url:
 * @base_url: the base URL of the API, such as
 *   `http://127.0.0.1:8765/api/public` for a local `nexor-emulator`
 * @api_key: (nullable): the API key; %NULL fails with %NEXOR_ERROR_UNAUTHORIZED
 * @error: return location for an error
 *
 * Creates a client of the API at @base_url.
 *
 * An unusable @base_url or @api_key fails here, as
 * [method@Gio.Initable.init] does: a URL that does not parse, is not
 * `https://` (or `http://` to this machine), or has a query or fragment
 * with %NEXOR_ERROR_INVALID_ARGUMENT; a key as [ctor@Nexor.Client.new]
 * says. Nothing is sent.
 *
 * Returns: (transfer full): a new client, or %NULL with @error set
 *
 * Since: 0.1
 */
NexorClient *
nexor_client_new_for_url (const char  *base_url,
                          const char  *api_key,
                          GError     **error)
{
  g_return_val_if_fail (base_url != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_initable_new (NEXOR_TYPE_CLIENT, NULL, error, "base-url", base_url, "api-key", api_key, NULL);
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
                         _("it holds no PEM certificate (-----BEGIN CERTIFICATE-----)"));
  g_list_free_full (certificates, g_object_unref);

  database = local_error == NULL ? g_tls_file_database_new (absolute, &local_error) : NULL;
  if (database == NULL)
    {
      g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                   _("Cannot use the CA file “%s” from %s: %s"), shown, source, local_error->message);
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

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (base_url != NULL && *base_url == '\0')
    base_url = NULL;

  if (ca_file != NULL && *ca_file != '\0')
    {
      tls_database = load_ca_file (ca_file, "NEXOR_CA_FILE", error);
      if (tls_database == NULL)
        return NULL;
    }

  return g_initable_new (NEXOR_TYPE_CLIENT, NULL, error,
                         "base-url", base_url ? base_url : NEXOR_DEFAULT_BASE_URL,
                         "api-key", g_getenv ("NEXOR_API_KEY"),
                         "tls-database", tls_database,
                         NULL);
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

  self->test_hooks.random = random_func;
  self->test_hooks.wait = wait_func;
  self->test_hooks.data = user_data;
}

/* What the transport reads of the client, besides the public getters. */
const char *
_nexor_client_get_api_key (NexorClient *self)
{
  return self->api_key;
}

const GError *
_nexor_client_get_config_error (NexorClient *self)
{
  return self->config_error;
}

gboolean
_nexor_client_owns_session (NexorClient *self)
{
  return self->own_session;
}

const NexorTestHooks *
_nexor_client_get_test_hooks (NexorClient *self)
{
  return &self->test_hooks;
}

void
_nexor_client_set_warm_idle_bound (NexorClient *self,
                                   gint64       bound_us)
{
  self->test_hooks.warm_idle_us = bound_us;
}

gint64
_nexor_keep_alive_bound_us (SoupMessageHeaders *response_headers)
{
  const char *value;
  const char *timeout;
  g_autoptr(GHashTable) params = NULL;
  guint64 seconds = 0;

  if (response_headers == NULL)
    return -1;
  value = soup_message_headers_get_one (response_headers, "Keep-Alive");
  if (value == NULL)
    return -1;

  params = soup_header_parse_param_list (value);
  timeout = g_hash_table_lookup (params, "timeout");
  /* Whatever is not a plain number of seconds states nothing. */
  if (timeout == NULL ||
      !g_ascii_string_to_unsigned (timeout, 10, 0, G_MAXUINT32, &seconds, NULL))
    return -1;

  seconds = MIN (seconds, NEXOR_KEEP_ALIVE_MAX_S);
  return MAX ((gint64) seconds * G_USEC_PER_SEC - NEXOR_KEEP_ALIVE_MARGIN_MS * 1000, 0);
}

void
_nexor_client_note_connection_idle (NexorClient        *self,
                                    guint64             connection_id,
                                    SoupMessageHeaders *response_headers)
{
  gint64 now = g_get_monotonic_time ();
  gint64 bound_us = _nexor_keep_alive_bound_us (response_headers);
  guint slot = 0;

  g_mutex_lock (&self->idle_lock);
  for (guint i = 0; i < G_N_ELEMENTS (self->idle_since); i++)
    {
      if (self->idle_since[i].connection_id == connection_id)
        {
          slot = i;
          break;
        }
      if (self->idle_since[i].since_us < self->idle_since[slot].since_us)
        slot = i;
    }
  self->idle_since[slot].connection_id = connection_id;
  self->idle_since[slot].since_us = now;
  self->idle_since[slot].bound_us = bound_us;
  g_mutex_unlock (&self->idle_lock);
}

/* Whether the connection of entry @i may still carry a write at @now: the
 * bound its server stated (Keep-Alive: timeout) or else the client's own.
 * One rule for "this connection is warm" and "some connection is warm", so
 * a write never asks for a new connection while one it could take exists.
 * Called with idle_lock held. */
static gboolean
idle_entry_is_warm (NexorClient *self,
                    guint        i,
                    gint64       now)
{
  gint64 bound_us = self->idle_since[i].bound_us >= 0 ? self->idle_since[i].bound_us
                                                      : self->test_hooks.warm_idle_us;

  return now - self->idle_since[i].since_us < bound_us;
}

gboolean
_nexor_client_connection_is_warm (NexorClient *self,
                                  guint64      connection_id)
{
  gint64 now = g_get_monotonic_time ();
  gboolean warm = FALSE;

  if (connection_id == 0)
    return FALSE;

  g_mutex_lock (&self->idle_lock);
  for (guint i = 0; i < G_N_ELEMENTS (self->idle_since); i++)
    if (self->idle_since[i].connection_id == connection_id)
      {
        warm = idle_entry_is_warm (self, i, now);
        break;
      }
  g_mutex_unlock (&self->idle_lock);

  return warm;
}

gboolean
_nexor_client_has_warm_connection (NexorClient *self)
{
  gint64 now = g_get_monotonic_time ();
  gboolean warm = FALSE;

  g_mutex_lock (&self->idle_lock);
  for (guint i = 0; i < G_N_ELEMENTS (self->idle_since) && !warm; i++)
    warm = self->idle_since[i].connection_id != 0 && idle_entry_is_warm (self, i, now);
  g_mutex_unlock (&self->idle_lock);

  return warm;
}

void
_nexor_client_emit_retry_scheduled (NexorClient  *self,
                                    guint         attempt,
                                    guint         delay_ms,
                                    const GError *failure)
{
  g_signal_emit (self, signals[SIGNAL_RETRY_SCHEDULED], 0, attempt, delay_ms, failure);
}
