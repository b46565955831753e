/* fuzz-main.c: runs a fuzz target's checks over files, without libFuzzer
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 *   fuzz-json-regress [--check-reached] FILE-OR-DIRECTORY...
 *
 * Linked with a target's LLVMFuzzerTestOneInput() in the ordinary (gcc)
 * build, so the seed corpus and every input that once crashed a target
 * (tests/data/fuzz-*.json, fuzz/corpus/) run in the unit suite, and so under
 * ASan and valgrind in CI. An input that fails aborts, which fails the test.
 *
 * With --check-reached (what the unit suite passes with the whole corpus) it
 * also fails when the target says that some part of it (a parser, a route)
 * was never reached by an input: a part added without seeds, or seeds that
 * stopped reaching it, would otherwise leave it unfuzzed without a sign.
 */

#include <stdint.h>
#include <stdio.h>

#include <glib.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
/* Each target's own: a description of what no input reached so far, or
 * NULL when every part was. */
char *nexor_fuzz_dup_unreached (void);

static guint n_run;

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  /* g_ptr_array_sort() passes pointers to the elements. */
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
run_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  printf ("# %s\n", path);
  fflush (stdout);
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
  n_run++;
}

int
main (int    argc,
      char **argv)
{
  gboolean check_reached = FALSE;
  int first = 1;

  LLVMFuzzerInitialize (&argc, &argv);

  if (argc > 1 && g_str_equal (argv[1], "--check-reached"))
    {
      check_reached = TRUE;
      first = 2;
    }

  for (int i = first; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GDir) dir = g_dir_open (argv[i], 0, NULL);
          g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
          const char *name;

          while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
            g_ptr_array_add (names, g_build_filename (argv[i], name, NULL));
          g_ptr_array_sort (names, compare_paths);
          for (guint j = 0; j < names->len; j++)
            run_file (g_ptr_array_index (names, j));
        }
      else
        {
          run_file (argv[i]);
        }
    }

  if (n_run == 0)
    g_error ("no inputs");
  printf ("1..%d\nok 1 - %u inputs\n", check_reached ? 2 : 1, n_run);

  if (check_reached)
    {
      g_autofree char *unreached = nexor_fuzz_dup_unreached ();

      if (unreached != NULL)
        {
          printf ("not ok 2 - never reached by an input: %s\n", unreached);
          return 1;
        }
      printf ("ok 2 - every part of the target was reached by an input\n");
    }

  return 0;
}
