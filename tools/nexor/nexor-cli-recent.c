/* nexor-cli-recent.c: the ids a user worked with lately, for completion
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <errno.h>
#include <string.h>

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

/* The lines of the file that are well-formed, oldest first. */
static GPtrArray *
load_lines (void)
{
  g_autofree char *path = recent_ids_path ();
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);
  GStatBuf st;
  gsize length;

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

  return result;
}

static gboolean
str_ptr_equal (gconstpointer a,
               gconstpointer b)
{
  return g_str_equal (a, b);
}

void
nexor_cli_recent_save (void)
{
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GHashTable) per_kind = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *path = NULL;
  g_autofree char *directory = NULL;
  guint index;

  if (noted == NULL && forgotten == NULL)
    return;

  lines = load_lines ();
  for (guint i = 0; forgotten != NULL && i < forgotten->len; i++)
    while (g_ptr_array_find_with_equal_func (lines, forgotten->pdata[i], str_ptr_equal, &index))
      g_ptr_array_remove_index (lines, index);
  for (guint i = 0; noted != NULL && i < noted->len; i++)
    {
      /* Seen again: it moves to the end, the most recent place. */
      while (g_ptr_array_find_with_equal_func (lines, noted->pdata[i], str_ptr_equal, &index))
        g_ptr_array_remove_index (lines, index);
      if (forgotten == NULL ||
          !g_ptr_array_find_with_equal_func (forgotten, noted->pdata[i], str_ptr_equal, NULL))
        g_ptr_array_add (lines, g_strdup (noted->pdata[i]));
    }

  /* The newest MAX_IDS_PER_KIND of each kind, in their order. */
  per_kind = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  out = g_string_new (NULL);
  for (guint i = lines->len; i > 0; i--)
    {
      const char *line = lines->pdata[i - 1];
      g_autofree char *kind = g_strndup (line, strchr (line, '\t') - line);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (per_kind, kind));

      if (count >= MAX_IDS_PER_KIND)
        {
          g_ptr_array_remove_index (lines, i - 1);
          continue;
        }
      g_hash_table_insert (per_kind, g_steal_pointer (&kind), GUINT_TO_POINTER (count + 1));
    }
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (const char *) lines->pdata[i]);

  path = recent_ids_path ();
  directory = g_path_get_dirname (path);
  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      g_debug ("cannot create %s: %s", directory, g_strerror (errno));
      return;
    }
  if (!g_file_set_contents_full (path, out->str, out->len, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, NULL))
    g_debug ("cannot write %s", path);

  g_clear_pointer (&noted, g_ptr_array_unref);
  g_clear_pointer (&forgotten, g_ptr_array_unref);
}

GStrv
nexor_cli_recent_load (const char *kind)
{
  g_autoptr(GPtrArray) lines = load_lines ();
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
