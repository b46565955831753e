/* bench-responder.c: a canned HTTP/1.1 keep-alive server for the benchmarks
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   bench-responder --body FILE [--port N]
 *
 * Answers every `GET /api/public/leads/…` with the same prebuilt response
 * (200, application/json, the bytes of FILE), on as many keep-alive
 * connections as clients open, from one thread with epoll. It prints its URL
 * on the first line of stdout and serves until SIGTERM or SIGINT.
 *
 * It has to be cheap enough never to be the bottleneck of a client benchmark,
 * and to prove it: `GET /_bench/stats` answers how many lead requests it has
 * served and its own user and system CPU time, so the runner can report the
 * responder's CPU per request next to each client's.
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

#define MAX_EVENTS 256
#define IN_CAP 16384          /* a request head larger than this is refused */
#define LEAD_PREFIX "/api/public/leads/"

typedef struct {
  int fd;
  char in[IN_CAP];
  size_t in_len;
  char *out;                  /* unsent response bytes, when the socket was full */
  size_t out_len;
  size_t out_off;
  int close_after;
} Conn;

static volatile sig_atomic_t stop;
static char *lead_response;
static size_t lead_response_len;
static unsigned long long served;

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

static void
build_lead_response (const char *body,
                     size_t      body_len)
{
  char head[256];
  int head_len = snprintf (head, sizeof head,
                           "HTTP/1.1 200 OK\r\n"
                           "Content-Type: application/json; charset=utf-8\r\n"
                           "Content-Length: %zu\r\n"
                           "\r\n", body_len);

  lead_response_len = (size_t) head_len + body_len;
  lead_response = malloc (lead_response_len);
  memcpy (lead_response, head, (size_t) head_len);
  memcpy (lead_response + head_len, body, body_len);
}

static void
conn_free (int  epfd,
           Conn *conn)
{
  epoll_ctl (epfd, EPOLL_CTL_DEL, conn->fd, NULL);
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
          ssize_t n = send (conn->fd, data, len, MSG_NOSIGNAL);

          if (n < 0)
            {
              if (errno == EINTR)
                continue;
              if (errno == EAGAIN || errno == EWOULDBLOCK)
                break;
              return -1;
            }
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
      ssize_t n = send (conn->fd, conn->out + conn->out_off, conn->out_len - conn->out_off,
                        MSG_NOSIGNAL);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          if (errno == EAGAIN || errno == EWOULDBLOCK)
            return 0;
          return -1;
        }
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

      if (strncmp (head, "GET " LEAD_PREFIX, strlen ("GET " LEAD_PREFIX)) == 0)
        {
          served++;
          if (conn_send (epfd, conn, lead_response, lead_response_len) < 0)
            return -1;
        }
      else if (strncmp (head, "GET /_bench/stats ", strlen ("GET /_bench/stats ")) == 0)
        {
          struct rusage ru;
          char body[256];
          char response[512];
          int body_len;
          int len;

          getrusage (RUSAGE_SELF, &ru);
          body_len = snprintf (body, sizeof body,
                               "{\"requests\":%llu,\"user_us\":%lld,\"sys_us\":%lld}\n",
                               served, timeval_us (ru.ru_utime), timeval_us (ru.ru_stime));
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
      ssize_t n = recv (conn->fd, conn->in + conn->in_len, IN_CAP - conn->in_len, 0);

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
      conn->in_len += (size_t) n;
      if (conn_handle_input (epfd, conn) < 0)
        return -1;
      if (conn->close_after)
        return 0;
    }
}

int
main (int    argc,
      char **argv)
{
  const char *body_path = NULL;
  int port = 0;
  int listen_fd;
  int epfd;
  int one = 1;
  struct sockaddr_in addr = { .sin_family = AF_INET };
  socklen_t addr_len = sizeof addr;
  struct epoll_event ev;
  struct epoll_event events[MAX_EVENTS];
  struct sigaction sa = { .sa_handler = on_signal };
  size_t body_len;
  char *body;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--body") == 0 && i + 1 < argc)
        body_path = argv[++i];
      else if (strcmp (argv[i], "--port") == 0 && i + 1 < argc)
        port = atoi (argv[++i]);
      else
        {
          fprintf (stderr, "usage: %s --body FILE [--port N]\n", argv[0]);
          return 2;
        }
    }
  if (body_path == NULL)
    {
      fprintf (stderr, "usage: %s --body FILE [--port N]\n", argv[0]);
      return 2;
    }

  body = read_file (body_path, &body_len);
  build_lead_response (body, body_len);
  free (body);

  sigaction (SIGTERM, &sa, NULL);
  sigaction (SIGINT, &sa, NULL);
  signal (SIGPIPE, SIG_IGN);

  listen_fd = socket (AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  setsockopt (listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  addr.sin_port = htons ((uint16_t) port);
  if (bind (listen_fd, (struct sockaddr *) &addr, sizeof addr) != 0 ||
      listen (listen_fd, 1024) != 0 ||
      getsockname (listen_fd, (struct sockaddr *) &addr, &addr_len) != 0)
    {
      perror ("bench-responder: listen");
      return 1;
    }

  printf ("http://127.0.0.1:%d\n", ntohs (addr.sin_port));
  fflush (stdout);

  epfd = epoll_create1 (EPOLL_CLOEXEC);
  ev.events = EPOLLIN;
  ev.data.ptr = NULL;   /* NULL marks the listening socket */
  epoll_ctl (epfd, EPOLL_CTL_ADD, listen_fd, &ev);

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

          if (conn == NULL)
            {
              int fd;

              while ((fd = accept4 (listen_fd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC)) >= 0)
                {
                  Conn *c = calloc (1, sizeof *c);
                  struct epoll_event cev = { .events = EPOLLIN };

                  setsockopt (fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                  c->fd = fd;
                  cev.data.ptr = c;
                  epoll_ctl (epfd, EPOLL_CTL_ADD, fd, &cev);
                }
              continue;
            }

          if ((events[i].events & EPOLLOUT) && conn_flush (epfd, conn) < 0)
            {
              conn_free (epfd, conn);
              continue;
            }
          if ((events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)) && conn_read (epfd, conn) < 0)
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
