/* nexor-cli-recent.c: the ids a user worked with lately, for completion
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "nexor-cli.h"
#include "nexor-cli-recent.h"

/* $XDG_CACHE_HOME/nexor/recent-ids, mode 0600: one "KIND<TAB>UUID" line per
 * id, oldest first. It holds ids only, never a key or anything the server
 * said about them; a cache, so that any trouble with it is silently
 * ignored, and it never grows past a few kilobytes. */
#define MAX_IDS_PER_KIND 50
#define MAX_FILE_SIZE    (64 * 1024)

static GPtrArray *noted;      /* "kind\tid" to add, in order */
static GPtrArray *forgotten;  /* "kind\tid" to remove */

static char *
recent_ids_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "nexor", "recent-ids", NULL);
}

static gboolean
is_uuid_text (const char *id)
{
  if (strlen (id) != 36)
    return FALSE;
  for (guint i = 0; i < 36; i++)
    {
      if (i == 8 || i == 13 || i == 18 || i == 23)
        {
          if (id[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isxdigit (id[i]))
        {
          return FALSE;
        }
    }

  return TRUE;
}

static void
add_line (GPtrArray  **lines,
          const char  *kind,
          const char  *id)
{
  if (id == NULL || !is_uuid_text (id))
    return;
  if (*lines == NULL)
    *lines = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (*lines, g_strconcat (kind, "\t", id, NULL));
}

void
nexor_cli_recent_note (const char *kind,
                       const char *id)
{
  add_line (&noted, kind, id);
}

void
nexor_cli_recent_forget (const char *kind,
                         const char *id)
{
  add_line (&forgotten, kind, id);
}

/* The lines of the file that are well-formed, oldest first; with
 * @out_contents, the file as it was read (NULL when it was not). */
static GPtrArray *
load_lines (char **out_contents)
{
  g_autofree char *path = recent_ids_path ();
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);
  GStatBuf st;
  gsize length;

  if (out_contents != NULL)
    *out_contents = NULL;
  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size > MAX_FILE_SIZE ||
      !g_file_get_contents (path, &contents, &length, NULL) ||
      memchr (contents, '\0', length) != NULL)
    return result;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *tab = strchr (lines[i], '\t');

      if (tab != NULL && tab > lines[i] && is_uuid_text (tab + 1))
        g_ptr_array_add (result, g_strdup (lines[i]));
    }

  if (out_contents != NULL)
    *out_contents = g_steal_pointer (&contents);
  return result;
}

/* Keeps @line, newest first, unless it was forgotten, is kept already or
 * its kind has MAX_IDS_PER_KIND newer ones. */
static void
keep_line (const char *line,
           GHashTable *forgotten_set,
           GHashTable *seen,
           GHashTable *per_kind,
           GPtrArray  *kept)
{
  g_autofree char *kind = NULL;
  guint count;

  if (g_hash_table_contains (forgotten_set, line) || !g_hash_table_add (seen, (gpointer) line))
    return;
  kind = g_strndup (line, strchr (line, '\t') - line);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (per_kind, kind));
  if (count >= MAX_IDS_PER_KIND)
    return;
  g_hash_table_insert (per_kind, g_steal_pointer (&kind), GUINT_TO_POINTER (count + 1));
  g_ptr_array_add (kept, (gpointer) line);
}

/* Writes @contents to @path through a new file renamed over it, so that a
 * reader sees the old list or the new one, never part of one. Without an
 * fsync: this is a cache for completion, and after a crash an old or empty
 * list costs only suggestions, where two syncs cost every command half a
 * millisecond or, on a busy disk, much more. */
static gboolean
replace_file (const char  *path,
              const char  *contents,
              gsize        length)
{
  g_autofree char *temporary = g_strconcat (path, ".XXXXXX", NULL);
  gsize written = 0;
  int fd;

  fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    return FALSE;
  while (written < length)
    {
      gssize n = write (fd, contents + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      written += (gsize) n;
    }
  if (!g_close (fd, NULL) || written < length || g_rename (temporary, path) != 0)
    {
      g_unlink (temporary);
      return FALSE;
    }

  return TRUE;
}

void
nexor_cli_recent_save (void)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GHashTable) forgotten_set = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GHashTable) per_kind = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autofree char *directory = NULL;

  if (noted == NULL && forgotten == NULL)
    return;

  /* Newest first: what this command noted (seen again, an id moves to the
   * most recent place), then the file's lines; in sets, since a bulk create
   * notes thousands. */
  lines = load_lines (&contents);
  forgotten_set = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; forgotten != NULL && i < forgotten->len; i++)
    g_hash_table_add (forgotten_set, forgotten->pdata[i]);
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  per_kind = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  kept = g_ptr_array_new ();
  for (guint i = noted != NULL ? noted->len : 0; i > 0; i--)
    keep_line (noted->pdata[i - 1], forgotten_set, seen, per_kind, kept);
  for (guint i = lines->len; i > 0; i--)
    keep_line (lines->pdata[i - 1], forgotten_set, seen, per_kind, kept);

  out = g_string_new (NULL);
  for (guint i = kept->len; i > 0; i--)
    g_string_append_printf (out, "%s\n", (const char *) kept->pdata[i - 1]);

  /* Looking at the same lead again changes nothing: no write at all. */
  if (contents == NULL || !g_str_equal (contents, out->str))
    {
      path = recent_ids_path ();
      directory = g_path_get_dirname (path);
      if (g_mkdir_with_parents (directory, 0700) != 0)
        g_debug ("cannot create %s: %s", directory, g_strerror (errno));
      else if (!replace_file (path, out->str, out->len))
        g_debug ("cannot write %s", path);
    }

  g_clear_pointer (&noted, g_ptr_array_unref);
  g_clear_pointer (&forgotten, g_ptr_array_unref);
}

GStrv
nexor_cli_recent_load (const char *kind)
{
  g_autoptr(GPtrArray) lines = load_lines (NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gsize kind_len = strlen (kind);

  for (guint i = lines->len; i > 0; i--)
    {
      const char *line = lines->pdata[i - 1];

      if (strncmp (line, kind, kind_len) == 0 && line[kind_len] == '\t' &&
          g_hash_table_add (seen, (gpointer) (line + kind_len + 1)))
        g_strv_builder_add (builder, line + kind_len + 1);
    }

  return g_strv_builder_end (builder);
}

void
nexor_cli_recent_clear (void)
{
  g_clear_pointer (&noted, g_ptr_array_unref);
  g_clear_pointer (&forgotten, g_ptr_array_unref);
}
