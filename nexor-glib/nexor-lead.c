/* nexor-lead.c: a sales lead
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-i18n-private.h"

#include "nexor-json-private.h"

#include "nexor-error.h"
#include "nexor-lead-private.h"
#include "nexor-campaign-private.h"
#include "nexor-tag-private.h"
#include "nexor-user-private.h"
#include "nexor-variable-private.h"
#include "nexor-workflow-private.h"
#include "nexor-workflow-run-private.h"
#include "nexor-workflow-status-private.h"
#include "nexor-resource-private.h"
#include "nexor-frozen-list-private.h"
#include "nexor-text-private.h"

/**
 * NexorLead:
 *
 * A sales lead, as returned by [method@Nexor.Client.get_lead]: who the person
 * is, where they came from, the workflow run an AI agent is working them in,
 * and the values the agent has collected from them.
 *
 * A lead is an immutable snapshot of the server's answer: fetch it again to
 * see changes. Every member the server sent, including those this version of
 * the library does not model, is kept in [method@Nexor.Lead.dup_json]. So is
 * an optional member the library could not read (a date that is no date, a
 * string where a number belongs): its property is left unset instead of
 * failing the whole answer; only a missing or unreadable `id` does.
 *
 * Both documented shapes of the Get Lead response are understood: the current
 * `{"success": true, "lead": {…}, "variables": {…}}` and the legacy bare lead
 * object (`activeWorkflowRun`, with `workflow`, `currentStatus` and
 * `assigned_user` beside it); they give the same objects.
 *
 * Since: 0.1
 */

struct _NexorLead
{
  GObject parent_instance;
  NexorJsonSource json;

  char *id;
  char *first_name;
  char *last_name;
  char *email;
  char *phone;
  char *source;
  char *company;
  char *title;
  JsonObject *metadata;
  GListModel *tags;
  NexorCampaign *campaign;
  char *campaign_id;
  NexorWorkflowRun *active_workflow_run;
  NexorUser *assigned_user;
  GDateTime *created_at;
  GDateTime *updated_at;
  GListModel *variables;
};

/**
 * NexorLead:id:
 *
 * The lead's id, a UUID.
 *
 * Since: 0.1
 */
/**
 * NexorLead:first-name:
 *
 * The lead's first name.
 *
 * Since: 0.1
 */
/**
 * NexorLead:last-name:
 *
 * The lead's last name.
 *
 * Since: 0.1
 */
/**
 * NexorLead:email:
 *
 * The lead's email address.
 *
 * Since: 0.1
 */
/**
 * NexorLead:phone:
 *
 * The lead's phone number, such as `+56912345678`.
 *
 * Since: 0.1
 */
/**
 * NexorLead:source:
 *
 * Where the lead came from, such as `api`, `website` or `meta_ads`.
 *
 * Since: 0.1
 */
/**
 * NexorLead:company:
 *
 * The lead's company.
 *
 * Since: 0.1
 */
/**
 * NexorLead:title:
 *
 * The lead's job title.
 *
 * Since: 0.1
 */
/**
 * NexorLead:metadata:
 *
 * Free-form data stored on the lead, as a JSON object.
 *
 * Since: 0.1
 */
/**
 * NexorLead:tags:
 *
 * The tags on the lead, a [iface@Gio.ListModel] of [class@Nexor.Tag]; empty
 * when the lead has none.
 *
 * Since: 0.1
 */
/**
 * NexorLead:campaign:
 *
 * The campaign the lead belongs to.
 *
 * Since: 0.1
 */
/**
 * NexorLead:campaign-id:
 *
 * The id of the campaign the lead belongs to. The update calls answer with a
 * flat `campaign_id` instead of the `campaign` object of Get Lead; this
 * property reads either, so it is set whenever the answer names a campaign.
 *
 * Since: 0.1
 */
/**
 * NexorLead:active-workflow-run:
 *
 * The lead's currently active workflow run, with its workflow and the lead's
 * current status in it.
 *
 * Since: 0.1
 */
/**
 * NexorLead:assigned-user:
 *
 * The user the lead is assigned to; the server sends it only for workflows
 * whose goal type is `appointment`.
 *
 * Since: 0.1
 */
/**
 * NexorLead:created-at:
 *
 * When the lead was created.
 *
 * Since: 0.1
 */
/**
 * NexorLead:updated-at:
 *
 * When the lead was last changed.
 *
 * Since: 0.1
 */
/**
 * NexorLead:variables:
 *
 * The values collected from the lead, a [iface@Gio.ListModel] of
 * [class@Nexor.Variable] in the order the server sent them; empty when there
 * are none.
 *
 * Since: 0.1
 */
static const NexorField nexor_lead_fields[] = {
  { "id", NEXOR_FIELD_NAMES ("id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorLead, id), TRUE, 0.0, NULL, NULL },
  { "first-name", NEXOR_FIELD_NAMES ("first_name", "firstName"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorLead, first_name), FALSE, 0.0, NULL, NULL },
  { "last-name", NEXOR_FIELD_NAMES ("last_name", "lastName"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorLead, last_name), FALSE, 0.0, NULL, NULL },
  { "email", NEXOR_FIELD_NAMES ("email"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorLead, email), FALSE, 0.0, NULL, NULL },
  { "phone", NEXOR_FIELD_NAMES ("phone"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorLead, phone), FALSE, 0.0, NULL, NULL },
  { "source", NEXOR_FIELD_NAMES ("source"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorLead, source), FALSE, 0.0, NULL, NULL },
  { "company", NEXOR_FIELD_NAMES ("company"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorLead, company), FALSE, 0.0, NULL, NULL },
  { "title", NEXOR_FIELD_NAMES ("title"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorLead, title), FALSE, 0.0, NULL, NULL },
  { "metadata", NEXOR_FIELD_NAMES ("metadata"), NEXOR_FIELD_JSON_OBJECT,
    G_STRUCT_OFFSET (NexorLead, metadata), FALSE, 0.0, NULL, NULL },
  { "tags", NEXOR_FIELD_NAMES ("tags"), NEXOR_FIELD_LIST,
    G_STRUCT_OFFSET (NexorLead, tags), FALSE, 0.0,
    nexor_tag_get_type, (NexorResourceParseFunc) _nexor_tag_new_from_json },
  { "campaign", NEXOR_FIELD_NAMES ("campaign"), NEXOR_FIELD_RESOURCE,
    G_STRUCT_OFFSET (NexorLead, campaign), FALSE, 0.0,
    nexor_campaign_get_type, (NexorResourceParseFunc) _nexor_campaign_new_from_json },
  { "campaign-id", NEXOR_FIELD_NAMES ("campaign_id", "campaignId"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorLead, campaign_id), FALSE, 0.0, NULL, NULL },
  { "active-workflow-run", NEXOR_FIELD_NAMES ("active_workflow_run", "activeWorkflowRun"), NEXOR_FIELD_RESOURCE,
    G_STRUCT_OFFSET (NexorLead, active_workflow_run), FALSE, 0.0,
    nexor_workflow_run_get_type, (NexorResourceParseFunc) _nexor_workflow_run_new_from_json },
  { "assigned-user", NEXOR_FIELD_NAMES ("assigned_user", "assignedUser"), NEXOR_FIELD_RESOURCE,
    G_STRUCT_OFFSET (NexorLead, assigned_user), FALSE, 0.0,
    nexor_user_get_type, (NexorResourceParseFunc) _nexor_user_new_from_json },
  { "created-at", NEXOR_FIELD_NAMES ("created_at", "createdAt"), NEXOR_FIELD_DATETIME,
    G_STRUCT_OFFSET (NexorLead, created_at), FALSE, 0.0, NULL, NULL },
  { "updated-at", NEXOR_FIELD_NAMES ("updated_at", "updatedAt"), NEXOR_FIELD_DATETIME,
    G_STRUCT_OFFSET (NexorLead, updated_at), FALSE, 0.0, NULL, NULL },
  /* Not a member of the lead object: filled from the "variables" map. */
  { "variables", NEXOR_FIELD_NAMES (NULL), NEXOR_FIELD_LIST,
    G_STRUCT_OFFSET (NexorLead, variables), FALSE, 0.0, nexor_variable_get_type, NULL },
};

NEXOR_DEFINE_RESOURCE (NexorLead, nexor_lead, nexor_lead_fields)

/* Variables are optional members of the answer, each on its own: one that
 * cannot be read is left out (and stays in the lead's raw JSON). */
static void
parse_variables (NexorLead         *self,
                 JsonObject        *variables,
                 NexorJsonDocument *document)
{
  g_autoptr(GList) names = json_object_get_members (variables);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (const GList *l = names; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *node = json_object_get_member (variables, name);
      g_autoptr(NexorVariable) variable = NULL;
      g_autoptr(GError) why = NULL;

      if (JSON_NODE_HOLDS_NULL (node))
        continue;
      if (!JSON_NODE_HOLDS_OBJECT (node))
        g_set_error (&why, NEXOR_ERROR, NEXOR_ERROR_INVALID_RESPONSE,
                     _("it should be an object, not %s"), _nexor_json_node_type_name (node));
      else
        variable = _nexor_variable_new_from_json (name, json_node_get_object (node), document, &why);

      if (variable == NULL)
        {
          _nexor_json_skip_member ("lead's variables", name, why);
          continue;
        }

      g_ptr_array_add (items, g_steal_pointer (&variable));
    }

  g_clear_object (&self->variables);
  self->variables = _nexor_frozen_list_new (NEXOR_TYPE_VARIABLE, g_steal_pointer (&items));
}

/* The legacy shape hoists the run's workflow and current status to the lead. */
static void
adopt_legacy_members (NexorLead         *self,
                      JsonObject        *lead,
                      NexorJsonDocument *document)
{
  g_autoptr(NexorWorkflow) workflow = NULL;
  g_autoptr(NexorWorkflowStatus) status = NULL;
  const char *status_name = "currentStatus";
  JsonObject *object;

  if (self->active_workflow_run == NULL)
    return;

  object = _nexor_json_get_optional_object (lead, "lead", "workflow");
  workflow = _nexor_json_parse_optional ((NexorResourceParseFunc) _nexor_workflow_new_from_json,
                                         object, document, "lead", "workflow");

  object = _nexor_json_get_optional_object (lead, "lead", status_name);
  if (object == NULL)
    object = _nexor_json_get_optional_object (lead, "lead", status_name = "current_status");
  status = _nexor_json_parse_optional ((NexorResourceParseFunc) _nexor_workflow_status_new_from_json,
                                       object, document, "lead", status_name);

  _nexor_workflow_run_adopt_legacy (self->active_workflow_run, workflow, status);
}

NexorLead *
_nexor_lead_new_from_json (JsonObject         *lead,
                           JsonObject         *variables,
                           NexorJsonDocument  *document,
                           GError            **error)
{
  g_autoptr(NexorLead) self = NULL;

  g_return_val_if_fail (lead != NULL, NULL);

  self = _nexor_resource_new_from_json (NEXOR_TYPE_LEAD, "lead", nexor_lead_fields,
                                        G_N_ELEMENTS (nexor_lead_fields), lead, document, error);
  if (self == NULL)
    return NULL;

  adopt_legacy_members (self, lead, document);

  if (self->campaign_id == NULL && self->campaign != NULL)
    self->campaign_id = g_strdup (nexor_campaign_get_id (self->campaign));

  if (variables != NULL)
    parse_variables (self, variables, document);

  return g_steal_pointer (&self);
}

NexorLead *
_nexor_lead_new_from_embedded (JsonObject         *lead,
                               NexorJsonDocument  *document,
                               GError            **error)
{
  return _nexor_lead_new_from_json (lead, NULL, document, error);
}

NexorLead *
_nexor_lead_new_from_response (JsonNode           *root,
                               NexorJsonDocument  *document,
                               GError            **error)
{
  JsonObject *lead;
  JsonObject *variables = NULL;

  lead = _nexor_json_unwrap_envelope (root, "lead", "lead", error);
  if (lead == NULL)
    return NULL;

  /* The current shape puts "variables" beside "lead"; accept it inside too. */
  if (lead != json_node_get_object (root))
    variables = _nexor_json_get_optional_object (json_node_get_object (root), "lead response", "variables");
  if (variables == NULL)
    variables = _nexor_json_get_optional_object (lead, "lead", "variables");

  return _nexor_lead_new_from_json (lead, variables, document, error);
}

/**
 * nexor_lead_dup_json:
 * @self: a [class@Nexor.Lead]
 *
 * Gets the lead's JSON object as the server sent it (for the current response
 * shape, the `lead` member), including members this version of the library
 * does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */

/**
 * nexor_lead_get_id:
 * @self: a [class@Nexor.Lead]
 *
 * Gets the [property@Nexor.Lead:id] property.
 *
 * Returns: the lead's id, a UUID
 *
 * Since: 0.1
 */
const char *
nexor_lead_get_id (NexorLead *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD (self), NULL);

  return self->id;
}

/**
 * nexor_lead_get_first_name:
 * @self: a [class@Nexor.Lead]
 *
 * Gets the [property@Nexor.Lead:first-name] property.
 *
 * Returns: (nullable): the first name
 *
 * Since: 0.1
 */
const char *
nexor_lead_get_first_name (NexorLead *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD (self), NULL);

  return self->first_name;
}

/**
 * nexor_lead_get_last_name:
 * @self: a [class@Nexor.Lead]
 *
 * Gets the [property@Nexor.Lead:last-name] property.
 *
 * Returns: (nullable): the last name
 *
 * Since: 0.1
 */
const char *
nexor_lead_get_last_name (NexorLead *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD (self), NULL);

  return self->last_name;
}

/**
 * nexor_lead_get_email:
 * @self: a [class@Nexor.Lead]
 *
 * Gets the [property@Nexor.Lead:email] property.
 *
 * Returns: (nullable): the email address
 *
 * Since: 0.1
 */
const char *
nexor_lead_get_email (NexorLead *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD (self), NULL);

  return self->email;
}

/**
 * nexor_lead_get_phone:
 * @self: a [class@Nexor.Lead]
 *
 * Gets the [property@Nexor.Lead:phone] property.
 *
 * Returns: (nullable): the phone number
 *
 * Since: 0.1
 */
const char *
nexor_lead_get_phone (NexorLead *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD (self), NULL);

  return self->phone;
}

/**
 * nexor_lead_get_source:
 * @self: a [class@Nexor.Lead]
 *
 * Gets the [property@Nexor.Lead:source] property.
 *
 * Returns: (nullable): where the lead came from
 *
 * Since: 0.1
 */
const char *
nexor_lead_get_source (NexorLead *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD (self), NULL);

  return self->source;
}

/**
 * nexor_lead_get_company:
 * @self: a [class@Nexor.Lead]
 *
 * Gets the [property@Nexor.Lead:company] property.
 *
 * Returns: (nullable): the company
 *
 * Since: 0.1
 */
const char *
nexor_lead_get_company (NexorLead *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD (self), NULL);

  return self->company;
}

/**
 * nexor_lead_get_title:
 * @self: a [class@Nexor.Lead]
 *
 * Gets the [property@Nexor.Lead:title] property.
 *
 * Returns: (nullable): the job title
 *
 * Since: 0.1
 */
const char *
nexor_lead_get_title (NexorLead *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD (self), NULL);

  return self->title;
}

/**
 * nexor_lead_dup_metadata:
 * @self: a [class@Nexor.Lead]
 *
 * Gets a copy of the [property@Nexor.Lead:metadata] property. The
 * lead is immutable: changing the returned value does not change it.
 *
 * Returns: (nullable) (transfer full): a new copy of the value, or %NULL
 *   when there is none
 *
 * Since: 0.1
 */
JsonObject *
nexor_lead_dup_metadata (NexorLead *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD (self), NULL);

  return self->metadata != NULL ? _nexor_json_object_deep_copy (self->metadata) : NULL;
}

/**
 * nexor_lead_get_tags:
 * @self: a [class@Nexor.Lead]
 *
 * Gets the [property@Nexor.Lead:tags] property.
 *
 * Returns: (transfer none): a read-only list model of [class@Nexor.Tag]: it implements only
 *   [iface@Gio.ListModel] (no way to add or remove items) and never changes
 *
 * Since: 0.1
 */
GListModel *
nexor_lead_get_tags (NexorLead *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD (self), NULL);

  return self->tags;
}

/**
 * nexor_lead_get_campaign:
 * @self: a [class@Nexor.Lead]
 *
 * Gets the [property@Nexor.Lead:campaign] property.
 *
 * Returns: (nullable) (transfer none): the campaign
 *
 * Since: 0.1
 */
NexorCampaign *
nexor_lead_get_campaign (NexorLead *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD (self), NULL);

  return self->campaign;
}

/**
 * nexor_lead_get_campaign_id:
 * @self: a [class@Nexor.Lead]
 *
 * Gets the [property@Nexor.Lead:campaign-id] property: the flat `campaign_id`
 * of an update answer, or else the id of [property@Nexor.Lead:campaign].
 *
 * Returns: (nullable): the campaign id
 *
 * Since: 0.1
 */
const char *
nexor_lead_get_campaign_id (NexorLead *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD (self), NULL);

  return self->campaign_id;
}

/**
 * nexor_lead_get_active_workflow_run:
 * @self: a [class@Nexor.Lead]
 *
 * Gets the [property@Nexor.Lead:active-workflow-run] property.
 *
 * Returns: (nullable) (transfer none): the active workflow run
 *
 * Since: 0.1
 */
NexorWorkflowRun *
nexor_lead_get_active_workflow_run (NexorLead *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD (self), NULL);

  return self->active_workflow_run;
}

/**
 * nexor_lead_get_assigned_user:
 * @self: a [class@Nexor.Lead]
 *
 * Gets the [property@Nexor.Lead:assigned-user] property.
 *
 * Returns: (nullable) (transfer none): the assigned user
 *
 * Since: 0.1
 */
NexorUser *
nexor_lead_get_assigned_user (NexorLead *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD (self), NULL);

  return self->assigned_user;
}

/**
 * nexor_lead_get_created_at:
 * @self: a [class@Nexor.Lead]
 *
 * Gets the [property@Nexor.Lead:created-at] property.
 *
 * Returns: (nullable) (transfer none): when the lead was created
 *
 * Since: 0.1
 */
GDateTime *
nexor_lead_get_created_at (NexorLead *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD (self), NULL);

  return _nexor_field_get_datetime (&self->created_at);
}

/**
 * nexor_lead_get_updated_at:
 * @self: a [class@Nexor.Lead]
 *
 * Gets the [property@Nexor.Lead:updated-at] property.
 *
 * Returns: (nullable) (transfer none): when the lead was last changed
 *
 * Since: 0.1
 */
GDateTime *
nexor_lead_get_updated_at (NexorLead *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD (self), NULL);

  return _nexor_field_get_datetime (&self->updated_at);
}

/**
 * nexor_lead_get_variables:
 * @self: a [class@Nexor.Lead]
 *
 * Gets the [property@Nexor.Lead:variables] property.
 *
 * Returns: (transfer none): a read-only list model of [class@Nexor.Variable]: it implements only
 *   [iface@Gio.ListModel] (no way to add or remove items) and never changes
 *
 * Since: 0.1
 */
GListModel *
nexor_lead_get_variables (NexorLead *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD (self), NULL);

  return self->variables;
}

/**
 * nexor_lead_get_variable:
 * @self: a [class@Nexor.Lead]
 * @name: the name of a variable, such as `edad`
 *
 * Looks up a collected value by name.
 *
 * Returns: (nullable) (transfer none): the variable, or %NULL if the lead has
 *   no variable of that name
 *
 * Since: 0.1
 */
NexorVariable *
nexor_lead_get_variable (NexorLead  *self,
                         const char *name)
{
  guint n;

  g_return_val_if_fail (NEXOR_IS_LEAD (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  n = g_list_model_get_n_items (self->variables);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NexorVariable) variable = g_list_model_get_item (self->variables, i);

      if (g_strcmp0 (nexor_variable_get_name (variable), name) == 0)
        return variable;  /* still owned by the list */
    }

  return NULL;
}
