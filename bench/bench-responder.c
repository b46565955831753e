/* bench-responder.c: a canned HTTP/1.1 keep-alive server for the benchmarks
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   bench-responder --body FILE [--port N] [--create-body FILE] [--history-body FILE]
 *                   [--tls-cert PEM --tls-key PEM [--tls-port N]]
 *
 * Answers every `GET /api/public/leads/…` with the same prebuilt response
 * (200, application/json, the bytes of FILE), every `POST /api/public/leads`
 * with the bytes of --create-body (201) and every
 * `GET /api/public/leads/…/history…` with --history-body (where every
 * `@@@@@@` becomes the request's offset, six digits, so that each page has
 * entries of its own, as a client that checks for a repeated page wants),
 * on as many
 * keep-alive connections as clients open, from one thread with epoll. It
 * prints its URL on the first line of stdout and serves until SIGTERM or
 * SIGINT.
 *
 * With --tls-cert and --tls-key it also serves https on a second port (its
 * URL is the second line of stdout), with OpenSSL. The server pins what every
 * client negotiates, so that all of them pay for the same handshake and the
 * same record protection: TLS 1.3 only, TLS_AES_128_GCM_SHA256 only, key
 * exchange on X25519 only (BENCH_TLS_* below). /_bench/stats reports what the
 * handshakes really negotiated.
 *
 * It has to be cheap enough never to be the bottleneck of a client benchmark,
 * and to prove it: `GET /_bench/stats` answers how many requests it has
 * served, how many connections it has accepted, and its own user and system
 * CPU time, so the runner can report the responder's CPU per request and the
 * connections a client opened next to each client's CPU.
 *
 * No GLib here on purpose: the server must not share code, or costs, with the
 * clients it is measuring.
 */

#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <openssl/err.h>
#include <openssl/ssl.h>

#define MAX_EVENTS 256
#define IN_CAP 16384          /* a request head larger than this is refused */
#define LEAD_PREFIX "/api/public/leads/"

/* What every https client of the benchmarks negotiates. */
#define BENCH_TLS_VERSION TLS1_3_VERSION
#define BENCH_TLS_CIPHERSUITES "TLS_AES_128_GCM_SHA256"
#define BENCH_TLS_GROUPS "X25519"

/* epoll data of the two listening sockets */
static char plain_listener_tag, tls_listener_tag;

typedef struct {
  int fd;
  char in[IN_CAP];
  size_t in_len;
  char *out;                  /* unsent response bytes, when the socket was full */
  size_t out_len;
  size_t out_off;
  int close_after;
  SSL *ssl;                   /* NULL on the plain port */
  int counted;                /* its handshake's parameters are in the stats */
} Conn;

static volatile sig_atomic_t stop;
static char *lead_response;
static size_t lead_response_len;
static unsigned long long served;
static unsigned long long served_create;
static unsigned long long served_history;
static unsigned long long accepted;
static unsigned long long accepted_tls;
static unsigned long long tls_resumed;
static char tls_negotiated[128] = "";
static SSL_CTX *tls_ctx;
static struct { char *data; size_t len; } create_response, history_response;
#define MAX_MARKS 4096
static char *history_marks[MAX_MARKS];   /* where the offset goes in history_response */
static size_t n_history_marks;

static const char not_found[] =
  "HTTP/1.1 404 Not Found\r\n"
  "Content-Type: application/json\r\n"
  "Content-Length: 43\r\n"
  "\r\n"
  "{\"success\":false,\"error\":\"Lead not found\"}\n";

static const char bad_request[] =
  "HTTP/1.1 400 Bad Request\r\n"
  "Content-Length: 0\r\n"
  "Connection: close\r\n"
  "\r\n";

static void
on_signal (int sig)
{
  (void) sig;
  stop = 1;
}

static char *
read_file (const char *path,
           size_t     *len)
{
  FILE *f = fopen (path, "rb");
  struct stat st;
  char *data;

  if (f == NULL || fstat (fileno (f), &st) != 0)
    {
      perror (path);
      exit (1);
    }
  data = malloc ((size_t) st.st_size + 1);
  if (data == NULL || fread (data, 1, (size_t) st.st_size, f) != (size_t) st.st_size)
    {
      fprintf (stderr, "%s: cannot read\n", path);
      exit (1);
    }
  fclose (f);
  *len = (size_t) st.st_size;
  return data;
}

static char *
build_response (const char *status,
                const char *body,
                size_t      body_len,
                size_t     *out_len)
{
  char head[256];
  int head_len = snprintf (head, sizeof head,
                           "HTTP/1.1 %s\r\n"
                           "Content-Type: application/json; charset=utf-8\r\n"
                           "Content-Length: %zu\r\n"
                           "\r\n", status, body_len);
  char *response = malloc ((size_t) head_len + body_len);

  memcpy (response, head, (size_t) head_len);
  memcpy (response + head_len, body, body_len);
  *out_len = (size_t) head_len + body_len;
  return response;
}

static char *
build_response_from_file (const char *status,
                          const char *path,
                          size_t     *out_len)
{
  size_t body_len;
  char *body = read_file (path, &body_len);
  char *response = build_response (status, body, body_len, out_len);

  free (body);
  return response;
}

static SSL_CTX *
tls_context_new (const char *cert,
                 const char *key)
{
  SSL_CTX *ctx = SSL_CTX_new (TLS_server_method ());

  if (ctx == NULL ||
      !SSL_CTX_set_min_proto_version (ctx, BENCH_TLS_VERSION) ||
      !SSL_CTX_set_max_proto_version (ctx, BENCH_TLS_VERSION) ||
      !SSL_CTX_set_ciphersuites (ctx, BENCH_TLS_CIPHERSUITES) ||
      !SSL_CTX_set1_groups_list (ctx, BENCH_TLS_GROUPS) ||
      SSL_CTX_use_certificate_chain_file (ctx, cert) != 1 ||
      SSL_CTX_use_PrivateKey_file (ctx, key, SSL_FILETYPE_PEM) != 1 ||
      SSL_CTX_check_private_key (ctx) != 1)
    {
      fprintf (stderr, "bench-responder: cannot set up TLS with %s and %s\n", cert, key);
      ERR_print_errors_fp (stderr);
      exit (1);
    }
  /* Partial writes keep the send path that of the plain port: what did not
   * fit waits in conn->out. */
  SSL_CTX_set_mode (ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
  return ctx;
}

/* Records what a finished handshake negotiated, once per connection. */
static void
tls_count (Conn *conn)
{
  const SSL_CIPHER *cipher;
  char text[128];

  if (conn->counted || !SSL_is_init_finished (conn->ssl))
    return;
  conn->counted = 1;
  if (SSL_session_reused (conn->ssl))
    tls_resumed++;
  cipher = SSL_get_current_cipher (conn->ssl);
  snprintf (text, sizeof text, "%s %s %s", SSL_get_version (conn->ssl),
            cipher != NULL ? SSL_CIPHER_get_name (cipher) : "?",
            SSL_group_to_name (conn->ssl, SSL_get_negotiated_group (conn->ssl)) ?: "?");
  if (tls_negotiated[0] == '\0')
    memcpy (tls_negotiated, text, sizeof text);
  else if (strcmp (tls_negotiated, text) != 0)
    snprintf (tls_negotiated, sizeof tls_negotiated, "mixed");
}

/* send() or SSL_write(): bytes written, 0 when the socket is full, -1 on error. */
static ssize_t
conn_write (Conn       *conn,
            const char *data,
            size_t      len)
{
  if (conn->ssl == NULL)
    {
      for (;;)
        {
          ssize_t n = send (conn->fd, data, len, MSG_NOSIGNAL);

          if (n >= 0)
            return n;
          if (errno == EINTR)
            continue;
          return (errno == EAGAIN || errno == EWOULDBLOCK) ? 0 : -1;
        }
    }
  else
    {
      int n = SSL_write (conn->ssl, data, (int) len);

      if (n > 0)
        return n;
      switch (SSL_get_error (conn->ssl, n))
        {
        case SSL_ERROR_WANT_WRITE:
        case SSL_ERROR_WANT_READ:
          return 0;
        default:
          return -1;
        }
    }
}

static void
conn_free (int  epfd,
           Conn *conn)
{
  epoll_ctl (epfd, EPOLL_CTL_DEL, conn->fd, NULL);
  if (conn->ssl != NULL)
    SSL_free (conn->ssl);
  close (conn->fd);
  free (conn->out);
  free (conn);
}

/* Queues @data after anything still unsent; returns -1 if the peer is gone. */
static int
conn_send (int         epfd,
           Conn       *conn,
           const char *data,
           size_t      len)
{
  if (conn->out_len == conn->out_off)
    {
      while (len > 0)
        {
          ssize_t n = conn_write (conn, data, len);

          if (n < 0)
            return -1;
          if (n == 0)
            break;
          data += n;
          len -= (size_t) n;
        }
      if (len == 0)
        return 0;
      conn->out_len = conn->out_off = 0;
    }

  conn->out = realloc (conn->out, conn->out_len + len);
  memcpy (conn->out + conn->out_len, data, len);
  conn->out_len += len;

  {
    struct epoll_event ev = { .events = EPOLLIN | EPOLLOUT, .data.ptr = conn };
    epoll_ctl (epfd, EPOLL_CTL_MOD, conn->fd, &ev);
  }
  return 0;
}

static int
conn_flush (int   epfd,
            Conn *conn)
{
  while (conn->out_off < conn->out_len)
    {
      ssize_t n = conn_write (conn, conn->out + conn->out_off, conn->out_len - conn->out_off);

      if (n < 0)
        return -1;
      if (n == 0)
        return 0;
      conn->out_off += (size_t) n;
    }

  conn->out_len = conn->out_off = 0;
  {
    struct epoll_event ev = { .events = EPOLLIN, .data.ptr = conn };
    epoll_ctl (epfd, EPOLL_CTL_MOD, conn->fd, &ev);
  }
  return conn->close_after ? -1 : 0;
}

static long long
timeval_us (struct timeval tv)
{
  return (long long) tv.tv_sec * 1000000 + tv.tv_usec;
}

/* Finds header @name in the head [start, end) and returns its value, or NULL. */
static const char *
find_header (const char *head,
             const char *end,
             const char *name,
             size_t     *value_len)
{
  size_t name_len = strlen (name);
  const char *line = memchr (head, '\n', (size_t) (end - head));

  while (line != NULL && line + 1 < end)
    {
      const char *start = line + 1;
      const char *eol = memchr (start, '\n', (size_t) (end - start));

      if (eol == NULL)
        eol = end;
      if ((size_t) (eol - start) > name_len && start[name_len] == ':' &&
          strncasecmp (start, name, name_len) == 0)
        {
          const char *v = start + name_len + 1;

          while (v < eol && (*v == ' ' || *v == '\t'))
            v++;
          *value_len = (size_t) (eol - v);
          while (*value_len > 0 && (v[*value_len - 1] == '\r' || v[*value_len - 1] == ' '))
            (*value_len)--;
          return v;
        }
      line = eol < end ? eol : NULL;
    }

  return NULL;
}

/* Answers every complete request in the input buffer; -1 closes the connection. */
static int
conn_handle_input (int   epfd,
                   Conn *conn)
{
  size_t off = 0;

  for (;;)
    {
      char *head = conn->in + off;
      size_t avail = conn->in_len - off;
      char *end = memmem (head, avail, "\r\n\r\n", 4);
      const char *value;
      size_t value_len = 0;
      size_t request_len;
      size_t content_length = 0;

      if (end == NULL)
        break;
      end += 4;
      request_len = (size_t) (end - head);

      value = find_header (head, end, "Content-Length", &value_len);
      if (value != NULL)
        content_length = strtoul (value, NULL, 10);
      if (request_len + content_length > avail)
        {
          if (request_len + content_length > IN_CAP)
            {
              conn_send (epfd, conn, bad_request, sizeof bad_request - 1);
              return -1;
            }
          break;
        }
      request_len += content_length;

      value = find_header (head, end, "Connection", &value_len);
      if (value != NULL && value_len == 5 && strncasecmp (value, "close", 5) == 0)
        conn->close_after = 1;

      const char *eol = memchr (head, '\n', (size_t) (end - head));
      int is_history = eol != NULL && memmem (head, (size_t) (eol - head), "/history", 8) != NULL;

      if (history_response.data != NULL && is_history &&
          strncmp (head, "GET " LEAD_PREFIX, strlen ("GET " LEAD_PREFIX)) == 0)
        {
          const char *offset = memmem (head, (size_t) (eol - head), "offset=", 7);
          char digits[8];

          snprintf (digits, sizeof digits, "%06lu",
                    offset != NULL ? strtoul (offset + 7, NULL, 10) % 1000000 : 0UL);
          for (size_t m = 0; m < n_history_marks; m++)
            memcpy (history_marks[m], digits, 6);
          served_history++;
          if (conn_send (epfd, conn, history_response.data, history_response.len) < 0)
            return -1;
        }
      else if (create_response.data != NULL &&
               strncmp (head, "POST /api/public/leads ", strlen ("POST /api/public/leads ")) == 0)
        {
          served_create++;
          if (conn_send (epfd, conn, create_response.data, create_response.len) < 0)
            return -1;
        }
      else if (strncmp (head, "GET " LEAD_PREFIX, strlen ("GET " LEAD_PREFIX)) == 0)
        {
          served++;
          if (conn_send (epfd, conn, lead_response, lead_response_len) < 0)
            return -1;
        }
      else if (strncmp (head, "GET /_bench/stats ", strlen ("GET /_bench/stats ")) == 0)
        {
          struct rusage ru;
          char body[512];
          char response[768];
          int body_len;
          int len;

          getrusage (RUSAGE_SELF, &ru);
          body_len = snprintf (body, sizeof body,
                               "{\"requests\":%llu,\"creates\":%llu,\"history_pages\":%llu,"
                               "\"connections\":%llu,\"tls_connections\":%llu,\"tls_resumed\":%llu,"
                               "\"tls\":\"%s\",\"user_us\":%lld,\"sys_us\":%lld}\n",
                               served + served_create + served_history, served_create,
                               served_history, accepted, accepted_tls, tls_resumed, tls_negotiated,
                               timeval_us (ru.ru_utime), timeval_us (ru.ru_stime));
          len = snprintf (response, sizeof response,
                          "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Content-Length: %d\r\n\r\n%s", body_len, body);
          if (conn_send (epfd, conn, response, (size_t) len) < 0)
            return -1;
        }
      else if (conn_send (epfd, conn, not_found, sizeof not_found - 1) < 0)
        return -1;

      off += request_len;
      if (conn->close_after)
        return conn->out_len > conn->out_off ? 0 : -1;
    }

  if (off > 0)
    {
      memmove (conn->in, conn->in + off, conn->in_len - off);
      conn->in_len -= off;
    }
  if (conn->in_len == IN_CAP)
    {
      conn_send (epfd, conn, bad_request, sizeof bad_request - 1);
      return -1;
    }
  return 0;
}

static int
conn_read (int   epfd,
           Conn *conn)
{
  for (;;)
    {
      ssize_t n;

      if (conn->ssl != NULL)
        {
          int r = SSL_read (conn->ssl, conn->in + conn->in_len, (int) (IN_CAP - conn->in_len));

          tls_count (conn);
          if (r <= 0)
            {
              switch (SSL_get_error (conn->ssl, r))
                {
                case SSL_ERROR_WANT_READ:
                  return 0;
                case SSL_ERROR_WANT_WRITE:
                  {
                    /* A handshake flight did not fit: go on when it can be sent. */
                    struct epoll_event ev = { .events = EPOLLIN | EPOLLOUT, .data.ptr = conn };
                    epoll_ctl (epfd, EPOLL_CTL_MOD, conn->fd, &ev);
                    return 0;
                  }
                default:
                  return -1;
                }
            }
          n = r;
        }
      else
        {
          n = recv (conn->fd, conn->in + conn->in_len, IN_CAP - conn->in_len, 0);
          if (n == 0)
            return -1;
          if (n < 0)
            {
              if (errno == EINTR)
                continue;
              if (errno == EAGAIN || errno == EWOULDBLOCK)
                return 0;
              return -1;
            }
        }
      conn->in_len += (size_t) n;
      if (conn_handle_input (epfd, conn) < 0)
        return -1;
      if (conn->close_after)
        return 0;
    }
}

static int
listen_on (int port,
           int *out_port)
{
  int one = 1;
  struct sockaddr_in addr = { .sin_family = AF_INET };
  socklen_t addr_len = sizeof addr;
  int fd = socket (AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);

  setsockopt (fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  addr.sin_port = htons ((uint16_t) port);
  if (bind (fd, (struct sockaddr *) &addr, sizeof addr) != 0 ||
      listen (fd, 1024) != 0 ||
      getsockname (fd, (struct sockaddr *) &addr, &addr_len) != 0)
    {
      perror ("bench-responder: listen");
      exit (1);
    }
  *out_port = ntohs (addr.sin_port);
  return fd;
}

static void
accept_all (int   epfd,
            int   listen_fd,
            int   tls)
{
  int one = 1;
  int fd;

  while ((fd = accept4 (listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0)
    {
      Conn *c = calloc (1, sizeof *c);
      struct epoll_event cev = { .events = EPOLLIN };

      accepted++;
      setsockopt (fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      c->fd = fd;
      if (tls)
        {
          accepted_tls++;
          c->ssl = SSL_new (tls_ctx);
          SSL_set_fd (c->ssl, fd);
          SSL_set_accept_state (c->ssl);
        }
      cev.data.ptr = c;
      epoll_ctl (epfd, EPOLL_CTL_ADD, fd, &cev);
    }
}

static int
usage (const char *argv0)
{
  fprintf (stderr, "usage: %s --body FILE [--port N] [--create-body FILE] [--history-body FILE]\n"
                   "       [--tls-cert PEM --tls-key PEM [--tls-port N]]\n", argv0);
  return 2;
}

int
main (int    argc,
      char **argv)
{
  const char *body_path = NULL, *create_path = NULL, *history_path = NULL;
  const char *tls_cert = NULL, *tls_key = NULL;
  int port = 0, tls_port = 0;
  int listen_fd, tls_fd = -1;
  int epfd;
  struct epoll_event ev;
  struct epoll_event events[MAX_EVENTS];
  struct sigaction sa = { .sa_handler = on_signal };

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--body") == 0 && i + 1 < argc)
        body_path = argv[++i];
      else if (strcmp (argv[i], "--port") == 0 && i + 1 < argc)
        port = atoi (argv[++i]);
      else if (strcmp (argv[i], "--create-body") == 0 && i + 1 < argc)
        create_path = argv[++i];
      else if (strcmp (argv[i], "--history-body") == 0 && i + 1 < argc)
        history_path = argv[++i];
      else if (strcmp (argv[i], "--tls-cert") == 0 && i + 1 < argc)
        tls_cert = argv[++i];
      else if (strcmp (argv[i], "--tls-key") == 0 && i + 1 < argc)
        tls_key = argv[++i];
      else if (strcmp (argv[i], "--tls-port") == 0 && i + 1 < argc)
        tls_port = atoi (argv[++i]);
      else
        return usage (argv[0]);
    }
  if (body_path == NULL || (tls_cert == NULL) != (tls_key == NULL))
    return usage (argv[0]);

  lead_response = build_response_from_file ("200 OK", body_path, &lead_response_len);
  if (create_path != NULL)
    create_response.data = build_response_from_file ("201 Created", create_path, &create_response.len);
  if (history_path != NULL)
    {
      history_response.data = build_response_from_file ("200 OK", history_path, &history_response.len);
      for (char *at = history_response.data;
           n_history_marks < MAX_MARKS &&
           (at = memmem (at, history_response.len - (size_t) (at - history_response.data), "@@@@@@", 6)) != NULL;
           at += 6)
        history_marks[n_history_marks++] = at;
    }
  if (tls_cert != NULL)
    tls_ctx = tls_context_new (tls_cert, tls_key);

  sigaction (SIGTERM, &sa, NULL);
  sigaction (SIGINT, &sa, NULL);
  signal (SIGPIPE, SIG_IGN);

  epfd = epoll_create1 (EPOLL_CLOEXEC);
  listen_fd = listen_on (port, &port);
  ev.events = EPOLLIN;
  ev.data.ptr = &plain_listener_tag;
  epoll_ctl (epfd, EPOLL_CTL_ADD, listen_fd, &ev);
  printf ("http://127.0.0.1:%d\n", port);
  if (tls_ctx != NULL)
    {
      tls_fd = listen_on (tls_port, &tls_port);
      ev.data.ptr = &tls_listener_tag;
      epoll_ctl (epfd, EPOLL_CTL_ADD, tls_fd, &ev);
      printf ("https://127.0.0.1:%d\n", tls_port);
    }
  fflush (stdout);

  while (!stop)
    {
      int n = epoll_wait (epfd, events, MAX_EVENTS, -1);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          perror ("bench-responder: epoll_wait");
          return 1;
        }

      for (int i = 0; i < n; i++)
        {
          Conn *conn = events[i].data.ptr;

          if (events[i].data.ptr == &plain_listener_tag)
            {
              accept_all (epfd, listen_fd, 0);
              continue;
            }
          if (events[i].data.ptr == &tls_listener_tag)
            {
              accept_all (epfd, tls_fd, 1);
              continue;
            }

          if ((events[i].events & EPOLLOUT) && conn_flush (epfd, conn) < 0)
            {
              conn_free (epfd, conn);
              continue;
            }
          if ((events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR | EPOLLOUT)) &&
              conn_read (epfd, conn) < 0)
            {
              conn_free (epfd, conn);
              continue;
            }
          if (conn->close_after && conn->out_off == conn->out_len)
            conn_free (epfd, conn);
        }
    }

  return 0;
}
