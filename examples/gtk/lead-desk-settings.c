/* lead-desk-settings.c: the server URL and the recent leads, kept in a key file
 *
 * A key file rather than GSettings: the example then runs from the build
 * directory without installing and compiling a schema first.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <glib/gi18n.h>
#include <errno.h>

#include "lead-desk-settings.h"
#include "lead-desk-recent-lead.h"

#define MAX_RECENT_LEADS 12
#define GROUP_CONNECTION "connection"
#define GROUP_RECENT "recent"
#define LEAD_GROUP_PREFIX "lead "

struct _LeadDeskSettings
{
  GObject parent_instance;

  char *path;
  char *base_url;
  GListStore *recent_leads;
};

G_DEFINE_FINAL_TYPE (LeadDeskSettings, lead_desk_settings, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_BASE_URL,
  PROP_RECENT_LEADS,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static void
load (LeadDeskSettings *self)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) order = NULL;

  if (!g_key_file_load_from_file (key_file, self->path, G_KEY_FILE_NONE, &error))
    {
      /* A missing file is the first run; a broken one is replaced on the
       * next save, which is all a user could do about it anyway. */
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_debug ("Ignoring %s: %s", self->path, error->message);
      return;
    }

  self->base_url = g_key_file_get_string (key_file, GROUP_CONNECTION, "base-url", NULL);
  if (self->base_url != NULL && *self->base_url == '\0')
    g_clear_pointer (&self->base_url, g_free);

  order = g_key_file_get_string_list (key_file, GROUP_RECENT, "order", NULL, NULL);
  for (guint i = 0; order != NULL && order[i] != NULL && i < MAX_RECENT_LEADS; i++)
    {
      g_autofree char *group = g_strconcat (LEAD_GROUP_PREFIX, order[i], NULL);
      g_autofree char *name = g_key_file_get_string (key_file, group, "name", NULL);
      g_autofree char *company = g_key_file_get_string (key_file, group, "company", NULL);
      g_autoptr(LeadDeskRecentLead) lead = NULL;

      if (*order[i] == '\0')
        continue;

      lead = lead_desk_recent_lead_new (order[i], name, company);
      g_list_store_append (self->recent_leads, lead);
    }
}

static void
lead_desk_settings_constructed (GObject *object)
{
  LeadDeskSettings *self = LEAD_DESK_SETTINGS (object);

  G_OBJECT_CLASS (lead_desk_settings_parent_class)->constructed (object);

  load (self);
}

static void
lead_desk_settings_finalize (GObject *object)
{
  LeadDeskSettings *self = LEAD_DESK_SETTINGS (object);

  g_free (self->path);
  g_free (self->base_url);
  g_clear_object (&self->recent_leads);

  G_OBJECT_CLASS (lead_desk_settings_parent_class)->finalize (object);
}

static void
lead_desk_settings_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LeadDeskSettings *self = LEAD_DESK_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_RECENT_LEADS:
      g_value_set_object (value, self->recent_leads);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lead_desk_settings_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LeadDeskSettings *self = LEAD_DESK_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    case PROP_BASE_URL:
      lead_desk_settings_set_base_url (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lead_desk_settings_class_init (LeadDeskSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = lead_desk_settings_constructed;
  object_class->finalize = lead_desk_settings_finalize;
  object_class->get_property = lead_desk_settings_get_property;
  object_class->set_property = lead_desk_settings_set_property;

  props[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  props[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  props[PROP_RECENT_LEADS] =
    g_param_spec_object ("recent-leads", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
lead_desk_settings_init (LeadDeskSettings *self)
{
  self->recent_leads = g_list_store_new (LEAD_DESK_TYPE_RECENT_LEAD);
}

/**
 * lead_desk_settings_new:
 * @path: the key file; it need not exist yet
 *
 * Returns: (transfer full): the settings stored in @path
 */
LeadDeskSettings *
lead_desk_settings_new (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_object_new (LEAD_DESK_TYPE_SETTINGS, "path", path, NULL);
}

const char *
lead_desk_settings_get_path (LeadDeskSettings *self)
{
  g_return_val_if_fail (LEAD_DESK_IS_SETTINGS (self), NULL);

  return self->path;
}

/**
 * lead_desk_settings_get_base_url:
 *
 * Returns: (nullable): the server the user chose, or %NULL for the default
 */
const char *
lead_desk_settings_get_base_url (LeadDeskSettings *self)
{
  g_return_val_if_fail (LEAD_DESK_IS_SETTINGS (self), NULL);

  return self->base_url;
}

void
lead_desk_settings_set_base_url (LeadDeskSettings *self,
                                 const char       *base_url)
{
  g_return_if_fail (LEAD_DESK_IS_SETTINGS (self));

  if (base_url != NULL && *base_url == '\0')
    base_url = NULL;

  if (g_strcmp0 (self->base_url, base_url) == 0)
    return;

  g_free (self->base_url);
  self->base_url = g_strdup (base_url);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_BASE_URL]);
}

/**
 * lead_desk_settings_get_recent_leads:
 *
 * Returns: (transfer none): the recently opened leads, most recent first, as
 *   [class@LeadDesk.RecentLead] items
 */
GListModel *
lead_desk_settings_get_recent_leads (LeadDeskSettings *self)
{
  g_return_val_if_fail (LEAD_DESK_IS_SETTINGS (self), NULL);

  return G_LIST_MODEL (self->recent_leads);
}

/**
 * lead_desk_settings_add_recent_lead:
 *
 * Puts the lead first in the recent leads, replacing an older entry for the
 * same id, and forgets the oldest beyond a dozen.
 */
void
lead_desk_settings_add_recent_lead (LeadDeskSettings *self,
                                    const char       *id,
                                    const char       *name,
                                    const char       *company)
{
  g_autoptr(LeadDeskRecentLead) lead = NULL;
  guint n_items;

  g_return_if_fail (LEAD_DESK_IS_SETTINGS (self));
  g_return_if_fail (id != NULL);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->recent_leads));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(LeadDeskRecentLead) old = g_list_model_get_item (G_LIST_MODEL (self->recent_leads), i);

      if (g_strcmp0 (lead_desk_recent_lead_get_id (old), id) == 0)
        {
          g_list_store_remove (self->recent_leads, i);
          break;
        }
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->recent_leads));
  if (n_items >= MAX_RECENT_LEADS)
    g_list_store_splice (self->recent_leads, MAX_RECENT_LEADS - 1,
                         n_items - (MAX_RECENT_LEADS - 1), NULL, 0);

  lead = lead_desk_recent_lead_new (id, name, company);
  g_list_store_insert (self->recent_leads, 0, lead);
}

/**
 * lead_desk_settings_update_recent_lead:
 *
 * Gives the recent lead @id a new name and company (%NULL: the same)
 * where it is, without making it the most recent: the lead changed, it was
 * not opened.
 *
 * Returns: whether @id is a recent lead whose name or company changed
 */
gboolean
lead_desk_settings_update_recent_lead (LeadDeskSettings *self,
                                       const char       *id,
                                       const char       *name,
                                       const char       *company)
{
  GListModel *recent;

  g_return_val_if_fail (LEAD_DESK_IS_SETTINGS (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  recent = G_LIST_MODEL (self->recent_leads);
  for (guint i = 0; i < g_list_model_get_n_items (recent); i++)
    {
      g_autoptr(LeadDeskRecentLead) old = g_list_model_get_item (recent, i);
      g_autoptr(LeadDeskRecentLead) lead = NULL;

      if (g_strcmp0 (lead_desk_recent_lead_get_id (old), id) != 0)
        continue;
      if (company == NULL)
        company = lead_desk_recent_lead_get_company (old);
      if (g_strcmp0 (lead_desk_recent_lead_get_name (old), name) == 0 &&
          g_strcmp0 (lead_desk_recent_lead_get_company (old), company) == 0)
        return FALSE;

      lead = lead_desk_recent_lead_new (id, name, company);
      g_list_store_splice (self->recent_leads, i, 1, (gpointer *) &lead, 1);
      return TRUE;
    }

  return FALSE;
}

/**
 * lead_desk_settings_save:
 *
 * Writes the settings to their key file, atomically, creating its folder.
 *
 * Returns: whether the file was written
 */
gboolean
lead_desk_settings_save (LeadDeskSettings  *self,
                         GError           **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autofree char *dir = NULL;
  GListModel *recent = G_LIST_MODEL (self->recent_leads);

  g_return_val_if_fail (LEAD_DESK_IS_SETTINGS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->base_url != NULL)
    g_key_file_set_string (key_file, GROUP_CONNECTION, "base-url", self->base_url);

  for (guint i = 0; i < g_list_model_get_n_items (recent); i++)
    {
      g_autoptr(LeadDeskRecentLead) lead = g_list_model_get_item (recent, i);
      g_autofree char *group = g_strconcat (LEAD_GROUP_PREFIX,
                                            lead_desk_recent_lead_get_id (lead), NULL);

      g_ptr_array_add (order, (gpointer) lead_desk_recent_lead_get_id (lead));
      if (lead_desk_recent_lead_get_name (lead) != NULL)
        g_key_file_set_string (key_file, group, "name", lead_desk_recent_lead_get_name (lead));
      if (lead_desk_recent_lead_get_company (lead) != NULL)
        g_key_file_set_string (key_file, group, "company", lead_desk_recent_lead_get_company (lead));
    }
  if (order->len > 0)
    g_key_file_set_string_list (key_file, GROUP_RECENT, "order",
                                (const char * const *) order->pdata, order->len);

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  return g_key_file_save_to_file (key_file, self->path, error);
}
