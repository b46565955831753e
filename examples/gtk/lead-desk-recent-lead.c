/* lead-desk-recent-lead.c: a lead the user opened before
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "lead-desk-recent-lead.h"

struct _LeadDeskRecentLead
{
  GObject parent_instance;

  char *id;
  char *name;
  char *company;
};

G_DEFINE_FINAL_TYPE (LeadDeskRecentLead, lead_desk_recent_lead, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_COMPANY,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static void
lead_desk_recent_lead_finalize (GObject *object)
{
  LeadDeskRecentLead *self = LEAD_DESK_RECENT_LEAD (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->company);

  G_OBJECT_CLASS (lead_desk_recent_lead_parent_class)->finalize (object);
}

static void
lead_desk_recent_lead_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LeadDeskRecentLead *self = LEAD_DESK_RECENT_LEAD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_COMPANY:
      g_value_set_string (value, self->company);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lead_desk_recent_lead_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LeadDeskRecentLead *self = LEAD_DESK_RECENT_LEAD (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_COMPANY:
      self->company = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lead_desk_recent_lead_class_init (LeadDeskRecentLeadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lead_desk_recent_lead_finalize;
  object_class->get_property = lead_desk_recent_lead_get_property;
  object_class->set_property = lead_desk_recent_lead_set_property;

  props[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  props[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  props[PROP_COMPANY] =
    g_param_spec_string ("company", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
lead_desk_recent_lead_init (LeadDeskRecentLead *self)
{
}

LeadDeskRecentLead *
lead_desk_recent_lead_new (const char *id,
                           const char *name,
                           const char *company)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (LEAD_DESK_TYPE_RECENT_LEAD,
                       "id", id,
                       "name", name,
                       "company", company,
                       NULL);
}

const char *
lead_desk_recent_lead_get_id (LeadDeskRecentLead *self)
{
  g_return_val_if_fail (LEAD_DESK_IS_RECENT_LEAD (self), NULL);

  return self->id;
}

const char *
lead_desk_recent_lead_get_name (LeadDeskRecentLead *self)
{
  g_return_val_if_fail (LEAD_DESK_IS_RECENT_LEAD (self), NULL);

  return self->name;
}

const char *
lead_desk_recent_lead_get_company (LeadDeskRecentLead *self)
{
  g_return_val_if_fail (LEAD_DESK_IS_RECENT_LEAD (self), NULL);

  return self->company;
}
