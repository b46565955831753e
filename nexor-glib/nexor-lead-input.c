/* nexor-lead-input.c: what to write to a lead
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-i18n-private.h"

#include "nexor-error.h"
#include "nexor-input-private.h"
#include "nexor-json-private.h"
#include "nexor-lead-input-private.h"

/**
 * NexorLeadInput:
 *
 * What to write to a lead: the input of [method@Nexor.Client.create_lead],
 * [method@Nexor.Client.create_leads] and [method@Nexor.Client.update_lead].
 *
 * Only the properties that were set are sent. Setting a property to %NULL is
 * not the same as leaving it unset: it sends JSON `null`, which on update
 * clears the field. [method@Nexor.LeadInput.unset] makes a property unset
 * again and [method@Nexor.LeadInput.is_set] tells them apart.
 *
 * ```c
 * g_autoptr(NexorLeadInput) input = nexor_lead_input_new ();
 *
 * nexor_lead_input_set_first_name (input, "Ana");
 * nexor_lead_input_set_title (input, NULL);   // sends "title": null
 * ```
 *
 * ```python
 * lead = Nexor.LeadInput(first_name="Ana", email="ana@example.com")
 * ```
 *
 * ```js
 * const lead = new Nexor.LeadInput({first_name: 'Ana', email: 'ana@example.com'});
 * ```
 *
 * Since: 0.1
 */

struct _NexorLeadInput
{
  GObject parent_instance;

  JsonObject *values;  /* by body member: absent is unset, null is null */
};

enum {
  PROP_0,
  PROP_FIRST_NAME,
  PROP_LAST_NAME,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_COMPANY,
  PROP_TITLE,
  PROP_SOURCE,
  PROP_CAMPAIGN_ID,
  PROP_WORKFLOW_ID,
  PROP_EXTERNAL_ID,
  PROP_METADATA,
  PROP_FORCE_FIRST_MESSAGE,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

static GType
get_string_type (void)
{
  return G_TYPE_STRING;
}

/* In the order of the PROP_ ids, which is also the order of the body. */
static const NexorInputField nexor_lead_input_fields[] = {
  { "first-name", "first_name", get_string_type },
  { "last-name", "last_name", get_string_type },
  { "email", "email", get_string_type },
  { "phone", "phone", get_string_type },
  { "company", "company", get_string_type },
  { "title", "title", get_string_type },
  { "source", "source", get_string_type },
  { "campaign-id", "campaign_id", get_string_type },
  { "workflow-id", "workflow_id", get_string_type },
  { "external-id", "external_id", get_string_type },
  { "metadata", "metadata", json_object_get_type },
  { "force-first-message", "force_first_message", json_object_get_type },
};

G_STATIC_ASSERT (G_N_ELEMENTS (nexor_lead_input_fields) == N_PROPS - 1);

G_DEFINE_FINAL_TYPE (NexorLeadInput, nexor_lead_input, G_TYPE_OBJECT)

static void
nexor_lead_input_finalize (GObject *object)
{
  NexorLeadInput *self = NEXOR_LEAD_INPUT (object);

  g_clear_pointer (&self->values, json_object_unref);

  G_OBJECT_CLASS (nexor_lead_input_parent_class)->finalize (object);
}

static void
nexor_lead_input_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  NexorLeadInput *self = NEXOR_LEAD_INPUT (object);

  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  _nexor_input_get_value (self->values, &nexor_lead_input_fields[prop_id - 1], value);
}

static void
nexor_lead_input_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  NexorLeadInput *self = NEXOR_LEAD_INPUT (object);

  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (_nexor_input_set_value (self->values, &nexor_lead_input_fields[prop_id - 1], value))
    g_object_notify_by_pspec (object, pspec);
}

/**
 * NexorLeadInput:first-name:
 *
 * The lead's first name; required to create a lead.
 *
 * Setting it to %NULL sends an explicit JSON `null`; see
 * [method@Nexor.LeadInput.unset].
 *
 * Since: 0.1
 */
/**
 * NexorLeadInput:last-name:
 *
 * The lead's last name.
 *
 * Setting it to %NULL sends an explicit JSON `null`; see
 * [method@Nexor.LeadInput.unset].
 *
 * Since: 0.1
 */
/**
 * NexorLeadInput:email:
 *
 * The lead's email address. Creating a lead whose email matches an existing lead
 * updates that lead instead.
 *
 * Setting it to %NULL sends an explicit JSON `null`; see
 * [method@Nexor.LeadInput.unset].
 *
 * Since: 0.1
 */
/**
 * NexorLeadInput:phone:
 *
 * The lead's phone number, such as `+56912345678`; needed when the workflow has call
 * steps.
 *
 * Setting it to %NULL sends an explicit JSON `null`; see
 * [method@Nexor.LeadInput.unset].
 *
 * Since: 0.1
 */
/**
 * NexorLeadInput:company:
 *
 * The lead's company.
 *
 * Setting it to %NULL sends an explicit JSON `null`; see
 * [method@Nexor.LeadInput.unset].
 *
 * Since: 0.1
 */
/**
 * NexorLeadInput:title:
 *
 * The lead's job title.
 *
 * Setting it to %NULL sends an explicit JSON `null`; see
 * [method@Nexor.LeadInput.unset].
 *
 * Since: 0.1
 */
/**
 * NexorLeadInput:source:
 *
 * Where the lead came from, such as `website`; the server uses `api` when it is not
 * given.
 *
 * Setting it to %NULL sends an explicit JSON `null`; see
 * [method@Nexor.LeadInput.unset].
 *
 * Since: 0.1
 */
/**
 * NexorLeadInput:campaign-id:
 *
 * The id of the campaign the lead belongs to, a UUID; on update, null takes the lead
 * out of its campaign.
 *
 * Setting it to %NULL sends an explicit JSON `null`; see
 * [method@Nexor.LeadInput.unset].
 *
 * Since: 0.1
 */
/**
 * NexorLeadInput:workflow-id:
 *
 * On create only: the id of a workflow to enroll the lead in, a UUID. To move an
 * existing lead, use [method@Nexor.Client.assign_lead_workflow].
 *
 * Setting it to %NULL sends an explicit JSON `null`; see
 * [method@Nexor.LeadInput.unset].
 *
 * Since: 0.1
 */
/**
 * NexorLeadInput:external-id:
 *
 * The lead's id in another system, such as a CRM.
 *
 * Setting it to %NULL sends an explicit JSON `null`; see
 * [method@Nexor.LeadInput.unset].
 *
 * Since: 0.1
 */
/**
 * NexorLeadInput:metadata:
 *
 * Free-form data to store on the lead. On update it is merged into the lead's metadata
 * one level deep: keys it names are replaced, others are kept.
 *
 * Setting it to %NULL sends an explicit JSON `null`; see
 * [method@Nexor.LeadInput.unset].
 *
 * Since: 0.1
 */
/**
 * NexorLeadInput:force-first-message:
 *
 * On create only, with [property@Nexor.LeadInput:workflow-id]: a message that replaces
 * the workflow's first contact, as an object with `channel` (`whatsapp` or `email`),
 * `content`, and for email `subject` and optionally `sender_id`.
 *
 * Setting it to %NULL sends an explicit JSON `null`; see
 * [method@Nexor.LeadInput.unset].
 *
 * Since: 0.1
 */
static void
nexor_lead_input_class_init (NexorLeadInputClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nexor_lead_input_finalize;
  object_class->get_property = nexor_lead_input_get_property;
  object_class->set_property = nexor_lead_input_set_property;

  _nexor_input_install_properties (object_class, nexor_lead_input_fields, N_PROPS - 1, props);
}

static void
nexor_lead_input_init (NexorLeadInput *self)
{
  self->values = json_object_new ();
}

/**
 * nexor_lead_input_new:
 *
 * Creates an input with no property set.
 *
 * Returns: (transfer full): a new [class@Nexor.LeadInput]
 *
 * Since: 0.1
 */
NexorLeadInput *
nexor_lead_input_new (void)
{
  return g_object_new (NEXOR_TYPE_LEAD_INPUT, NULL);
}

static const NexorInputField *
find_field (const char *property_name)
{
  return _nexor_input_find_field (nexor_lead_input_fields, N_PROPS - 1, property_name);
}

/**
 * nexor_lead_input_is_set:
 * @self: a [class@Nexor.LeadInput]
 * @property_name: the name of a property, such as `last-name`; the spelling with
 *   underscores works too
 *
 * Checks whether a property is set, to a value or to null, and so will be
 * sent.
 *
 * Returns: whether the property is set
 *
 * Since: 0.1
 */
gboolean
nexor_lead_input_is_set (NexorLeadInput *self,
                         const char     *property_name)
{
  const NexorInputField *field;

  g_return_val_if_fail (NEXOR_IS_LEAD_INPUT (self), FALSE);
  g_return_val_if_fail (property_name != NULL, FALSE);

  field = find_field (property_name);
  g_return_val_if_fail (field != NULL, FALSE);

  return _nexor_input_is_set (self->values, field->json_name);
}

/**
 * nexor_lead_input_is_null:
 * @self: a [class@Nexor.LeadInput]
 * @property_name: the name of a property, such as `last-name`; the spelling with
 *   underscores works too
 *
 * Checks whether a property is set to null, and so will be sent as JSON
 * `null`. A property that is unset is not null.
 *
 * Returns: whether the property is set to null
 *
 * Since: 0.1
 */
gboolean
nexor_lead_input_is_null (NexorLeadInput *self,
                          const char     *property_name)
{
  const NexorInputField *field;

  g_return_val_if_fail (NEXOR_IS_LEAD_INPUT (self), FALSE);
  g_return_val_if_fail (property_name != NULL, FALSE);

  field = find_field (property_name);
  g_return_val_if_fail (field != NULL, FALSE);

  return _nexor_input_is_null (self->values, field->json_name);
}

/**
 * nexor_lead_input_unset:
 * @self: a [class@Nexor.LeadInput]
 * @property_name: the name of a property, such as `last-name`; the spelling with
 *   underscores works too
 *
 * Makes a property unset again, so it is not sent at all. Compare setting it
 * to %NULL, which sends JSON `null`.
 *
 * Since: 0.1
 */
void
nexor_lead_input_unset (NexorLeadInput *self,
                        const char     *property_name)
{
  const NexorInputField *field;

  g_return_if_fail (NEXOR_IS_LEAD_INPUT (self));
  g_return_if_fail (property_name != NULL);

  field = find_field (property_name);
  g_return_if_fail (field != NULL);

  if (_nexor_input_unset (self->values, field))
    g_object_notify_by_pspec (G_OBJECT (self), props[field - nexor_lead_input_fields + 1]);
}

gboolean
_nexor_lead_input_check (NexorLeadInput         *self,
                         NexorLeadInputPurpose   purpose,
                         GError                **error)
{
  const NexorInputField *fields = nexor_lead_input_fields;
  gboolean creating = purpose != NEXOR_LEAD_INPUT_UPDATE;

  g_return_val_if_fail (NEXOR_IS_LEAD_INPUT (self), FALSE);

  if (purpose == NEXOR_LEAD_INPUT_ROUTE && nexor_lead_input_is_set (self, "workflow-id"))
    {
      g_set_error_literal (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                           _("Invalid lead input: a routed lead cannot name its workflow; "
                             "the processor's rules choose it"));
      return FALSE;
    }

  if (!_nexor_input_check_utf8 (self->values, fields, N_PROPS - 1, "lead input", error))
    return FALSE;

  /* The API requires a first name on create and never accepts null for it. */
  if (!_nexor_input_require_text (self->values, &fields[PROP_FIRST_NAME - 1], creating,
                                  "lead input", error))
    return FALSE;

  if (creating)
    {
      if (_nexor_input_is_set (self->values, "force_first_message") &&
          !_nexor_input_is_null (self->values, "force_first_message") &&
          _nexor_input_get_string (self->values, &fields[PROP_WORKFLOW_ID - 1]) == NULL)
        {
          g_set_error_literal (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                               _("Invalid lead input: “force-first-message” needs a “workflow-id”"));
          return FALSE;
        }
    }
  else
    {
      /* Update does not take these; sending them would be silently ignored. */
      static const guint create_only[] = { PROP_WORKFLOW_ID, PROP_FORCE_FIRST_MESSAGE };

      for (guint i = 0; i < G_N_ELEMENTS (create_only); i++)
        if (_nexor_input_is_set (self->values, fields[create_only[i] - 1].json_name))
          {
            g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                         _("Invalid lead input: “%s” can only be given when creating a lead; "
                         "use nexor_client_assign_lead_workflow() to move a lead"),
                         fields[create_only[i] - 1].property);
            return FALSE;
          }
    }

  return TRUE;
}

JsonNode *
_nexor_lead_input_to_json (NexorLeadInput *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD_INPUT (self), NULL);

  return _nexor_input_to_json (self->values, nexor_lead_input_fields, N_PROPS - 1);
}

/**
 * nexor_lead_input_get_first_name:
 * @self: a [class@Nexor.LeadInput]
 *
 * Gets the [property@Nexor.LeadInput:first-name] property.
 *
 * Returns: (nullable): the value, or %NULL when it is unset or set to null
 *
 * Since: 0.1
 */
const char *
nexor_lead_input_get_first_name (NexorLeadInput *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_lead_input_fields[PROP_FIRST_NAME - 1]);
}

/**
 * nexor_lead_input_set_first_name:
 * @self: a [class@Nexor.LeadInput]
 * @first_name: (nullable): the new value, or %NULL to send JSON `null`
 *
 * Sets the [property@Nexor.LeadInput:first-name] property.
 *
 * Since: 0.1
 */
void
nexor_lead_input_set_first_name (NexorLeadInput *self,
                                 const char     *first_name)
{
  g_return_if_fail (NEXOR_IS_LEAD_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_lead_input_fields[PROP_FIRST_NAME - 1], first_name))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_FIRST_NAME]);
}

/**
 * nexor_lead_input_get_last_name:
 * @self: a [class@Nexor.LeadInput]
 *
 * Gets the [property@Nexor.LeadInput:last-name] property.
 *
 * Returns: (nullable): the value, or %NULL when it is unset or set to null
 *
 * Since: 0.1
 */
const char *
nexor_lead_input_get_last_name (NexorLeadInput *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_lead_input_fields[PROP_LAST_NAME - 1]);
}

/**
 * nexor_lead_input_set_last_name:
 * @self: a [class@Nexor.LeadInput]
 * @last_name: (nullable): the new value, or %NULL to send JSON `null`
 *
 * Sets the [property@Nexor.LeadInput:last-name] property.
 *
 * Since: 0.1
 */
void
nexor_lead_input_set_last_name (NexorLeadInput *self,
                                const char     *last_name)
{
  g_return_if_fail (NEXOR_IS_LEAD_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_lead_input_fields[PROP_LAST_NAME - 1], last_name))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_LAST_NAME]);
}

/**
 * nexor_lead_input_get_email:
 * @self: a [class@Nexor.LeadInput]
 *
 * Gets the [property@Nexor.LeadInput:email] property.
 *
 * Returns: (nullable): the value, or %NULL when it is unset or set to null
 *
 * Since: 0.1
 */
const char *
nexor_lead_input_get_email (NexorLeadInput *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_lead_input_fields[PROP_EMAIL - 1]);
}

/**
 * nexor_lead_input_set_email:
 * @self: a [class@Nexor.LeadInput]
 * @email: (nullable): the new value, or %NULL to send JSON `null`
 *
 * Sets the [property@Nexor.LeadInput:email] property.
 *
 * Since: 0.1
 */
void
nexor_lead_input_set_email (NexorLeadInput *self,
                            const char     *email)
{
  g_return_if_fail (NEXOR_IS_LEAD_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_lead_input_fields[PROP_EMAIL - 1], email))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_EMAIL]);
}

/**
 * nexor_lead_input_get_phone:
 * @self: a [class@Nexor.LeadInput]
 *
 * Gets the [property@Nexor.LeadInput:phone] property.
 *
 * Returns: (nullable): the value, or %NULL when it is unset or set to null
 *
 * Since: 0.1
 */
const char *
nexor_lead_input_get_phone (NexorLeadInput *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_lead_input_fields[PROP_PHONE - 1]);
}

/**
 * nexor_lead_input_set_phone:
 * @self: a [class@Nexor.LeadInput]
 * @phone: (nullable): the new value, or %NULL to send JSON `null`
 *
 * Sets the [property@Nexor.LeadInput:phone] property.
 *
 * Since: 0.1
 */
void
nexor_lead_input_set_phone (NexorLeadInput *self,
                            const char     *phone)
{
  g_return_if_fail (NEXOR_IS_LEAD_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_lead_input_fields[PROP_PHONE - 1], phone))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_PHONE]);
}

/**
 * nexor_lead_input_get_company:
 * @self: a [class@Nexor.LeadInput]
 *
 * Gets the [property@Nexor.LeadInput:company] property.
 *
 * Returns: (nullable): the value, or %NULL when it is unset or set to null
 *
 * Since: 0.1
 */
const char *
nexor_lead_input_get_company (NexorLeadInput *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_lead_input_fields[PROP_COMPANY - 1]);
}

/**
 * nexor_lead_input_set_company:
 * @self: a [class@Nexor.LeadInput]
 * @company: (nullable): the new value, or %NULL to send JSON `null`
 *
 * Sets the [property@Nexor.LeadInput:company] property.
 *
 * Since: 0.1
 */
void
nexor_lead_input_set_company (NexorLeadInput *self,
                              const char     *company)
{
  g_return_if_fail (NEXOR_IS_LEAD_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_lead_input_fields[PROP_COMPANY - 1], company))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_COMPANY]);
}

/**
 * nexor_lead_input_get_title:
 * @self: a [class@Nexor.LeadInput]
 *
 * Gets the [property@Nexor.LeadInput:title] property.
 *
 * Returns: (nullable): the value, or %NULL when it is unset or set to null
 *
 * Since: 0.1
 */
const char *
nexor_lead_input_get_title (NexorLeadInput *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_lead_input_fields[PROP_TITLE - 1]);
}

/**
 * nexor_lead_input_set_title:
 * @self: a [class@Nexor.LeadInput]
 * @title: (nullable): the new value, or %NULL to send JSON `null`
 *
 * Sets the [property@Nexor.LeadInput:title] property.
 *
 * Since: 0.1
 */
void
nexor_lead_input_set_title (NexorLeadInput *self,
                            const char     *title)
{
  g_return_if_fail (NEXOR_IS_LEAD_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_lead_input_fields[PROP_TITLE - 1], title))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_TITLE]);
}

/**
 * nexor_lead_input_get_source:
 * @self: a [class@Nexor.LeadInput]
 *
 * Gets the [property@Nexor.LeadInput:source] property.
 *
 * Returns: (nullable): the value, or %NULL when it is unset or set to null
 *
 * Since: 0.1
 */
const char *
nexor_lead_input_get_source (NexorLeadInput *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_lead_input_fields[PROP_SOURCE - 1]);
}

/**
 * nexor_lead_input_set_source:
 * @self: a [class@Nexor.LeadInput]
 * @source: (nullable): the new value, or %NULL to send JSON `null`
 *
 * Sets the [property@Nexor.LeadInput:source] property.
 *
 * Since: 0.1
 */
void
nexor_lead_input_set_source (NexorLeadInput *self,
                             const char     *source)
{
  g_return_if_fail (NEXOR_IS_LEAD_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_lead_input_fields[PROP_SOURCE - 1], source))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_SOURCE]);
}

/**
 * nexor_lead_input_get_campaign_id:
 * @self: a [class@Nexor.LeadInput]
 *
 * Gets the [property@Nexor.LeadInput:campaign-id] property.
 *
 * Returns: (nullable): the value, or %NULL when it is unset or set to null
 *
 * Since: 0.1
 */
const char *
nexor_lead_input_get_campaign_id (NexorLeadInput *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_lead_input_fields[PROP_CAMPAIGN_ID - 1]);
}

/**
 * nexor_lead_input_set_campaign_id:
 * @self: a [class@Nexor.LeadInput]
 * @campaign_id: (nullable): the new value, or %NULL to send JSON `null`
 *
 * Sets the [property@Nexor.LeadInput:campaign-id] property.
 *
 * Since: 0.1
 */
void
nexor_lead_input_set_campaign_id (NexorLeadInput *self,
                                  const char     *campaign_id)
{
  g_return_if_fail (NEXOR_IS_LEAD_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_lead_input_fields[PROP_CAMPAIGN_ID - 1], campaign_id))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CAMPAIGN_ID]);
}

/**
 * nexor_lead_input_get_workflow_id:
 * @self: a [class@Nexor.LeadInput]
 *
 * Gets the [property@Nexor.LeadInput:workflow-id] property.
 *
 * Returns: (nullable): the value, or %NULL when it is unset or set to null
 *
 * Since: 0.1
 */
const char *
nexor_lead_input_get_workflow_id (NexorLeadInput *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_lead_input_fields[PROP_WORKFLOW_ID - 1]);
}

/**
 * nexor_lead_input_set_workflow_id:
 * @self: a [class@Nexor.LeadInput]
 * @workflow_id: (nullable): the new value, or %NULL to send JSON `null`
 *
 * Sets the [property@Nexor.LeadInput:workflow-id] property.
 *
 * Since: 0.1
 */
void
nexor_lead_input_set_workflow_id (NexorLeadInput *self,
                                  const char     *workflow_id)
{
  g_return_if_fail (NEXOR_IS_LEAD_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_lead_input_fields[PROP_WORKFLOW_ID - 1], workflow_id))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_WORKFLOW_ID]);
}

/**
 * nexor_lead_input_get_external_id:
 * @self: a [class@Nexor.LeadInput]
 *
 * Gets the [property@Nexor.LeadInput:external-id] property.
 *
 * Returns: (nullable): the value, or %NULL when it is unset or set to null
 *
 * Since: 0.1
 */
const char *
nexor_lead_input_get_external_id (NexorLeadInput *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD_INPUT (self), NULL);

  return _nexor_input_get_string (self->values, &nexor_lead_input_fields[PROP_EXTERNAL_ID - 1]);
}

/**
 * nexor_lead_input_set_external_id:
 * @self: a [class@Nexor.LeadInput]
 * @external_id: (nullable): the new value, or %NULL to send JSON `null`
 *
 * Sets the [property@Nexor.LeadInput:external-id] property.
 *
 * Since: 0.1
 */
void
nexor_lead_input_set_external_id (NexorLeadInput *self,
                                  const char     *external_id)
{
  g_return_if_fail (NEXOR_IS_LEAD_INPUT (self));

  if (_nexor_input_set_string (self->values, &nexor_lead_input_fields[PROP_EXTERNAL_ID - 1], external_id))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_EXTERNAL_ID]);
}

/**
 * nexor_lead_input_dup_metadata:
 * @self: a [class@Nexor.LeadInput]
 *
 * Gets a copy of the [property@Nexor.LeadInput:metadata] property. The input
 * keeps its own copy of the value it was given: changing the returned object
 * does not change the input; give it back with
 * [method@Nexor.LeadInput.set_metadata] to do that.
 *
 * Returns: (nullable) (transfer full): a new object with the value, or %NULL
 *   when it is unset or set to null
 *
 * Since: 0.1
 */
JsonObject *
nexor_lead_input_dup_metadata (NexorLeadInput *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD_INPUT (self), NULL);

  return _nexor_input_dup_object (self->values, &nexor_lead_input_fields[PROP_METADATA - 1]);
}

/**
 * nexor_lead_input_set_metadata:
 * @self: a [class@Nexor.LeadInput]
 * @metadata: (nullable): the new value, or %NULL to send JSON `null`
 *
 * Sets the [property@Nexor.LeadInput:metadata] property. The input keeps a copy
 * of @metadata: changing the object afterwards does not change the input.
 *
 * Since: 0.1
 */
void
nexor_lead_input_set_metadata (NexorLeadInput *self,
                               JsonObject     *metadata)
{
  g_return_if_fail (NEXOR_IS_LEAD_INPUT (self));

  if (_nexor_input_set_object (self->values, &nexor_lead_input_fields[PROP_METADATA - 1], metadata))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_METADATA]);
}

/**
 * nexor_lead_input_dup_force_first_message:
 * @self: a [class@Nexor.LeadInput]
 *
 * Gets a copy of the [property@Nexor.LeadInput:force-first-message] property. The input
 * keeps its own copy of the value it was given: changing the returned object
 * does not change the input; give it back with
 * [method@Nexor.LeadInput.set_force_first_message] to do that.
 *
 * Returns: (nullable) (transfer full): a new object with the value, or %NULL
 *   when it is unset or set to null
 *
 * Since: 0.1
 */
JsonObject *
nexor_lead_input_dup_force_first_message (NexorLeadInput *self)
{
  g_return_val_if_fail (NEXOR_IS_LEAD_INPUT (self), NULL);

  return _nexor_input_dup_object (self->values, &nexor_lead_input_fields[PROP_FORCE_FIRST_MESSAGE - 1]);
}

/**
 * nexor_lead_input_set_force_first_message:
 * @self: a [class@Nexor.LeadInput]
 * @force_first_message: (nullable): the new value, or %NULL to send JSON `null`
 *
 * Sets the [property@Nexor.LeadInput:force-first-message] property. The input keeps a copy
 * of @force_first_message: changing the object afterwards does not change the input.
 *
 * Since: 0.1
 */
void
nexor_lead_input_set_force_first_message (NexorLeadInput *self,
                                          JsonObject     *force_first_message)
{
  g_return_if_fail (NEXOR_IS_LEAD_INPUT (self));

  if (_nexor_input_set_object (self->values, &nexor_lead_input_fields[PROP_FORCE_FIRST_MESSAGE - 1], force_first_message))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_FORCE_FIRST_MESSAGE]);
}

JsonNode *
_nexor_lead_inputs_to_json (GListModel             *leads,
                            NexorLeadInputPurpose   purpose,
                            GError                **error)
{
  guint n = g_list_model_get_n_items (leads);
  g_autoptr(JsonArray) array = json_array_sized_new (n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (leads, i);

      if (!NEXOR_IS_LEAD_INPUT (item))
        {
          g_set_error (error, NEXOR_ERROR, NEXOR_ERROR_INVALID_ARGUMENT,
                       _("Lead %u: expected a NexorLeadInput, not %s"),
                       i, item != NULL ? G_OBJECT_TYPE_NAME (item) : "nothing");
          return NULL;
        }

      if (!_nexor_lead_input_check (NEXOR_LEAD_INPUT (item), purpose, error))
        {
          g_prefix_error (error, _("Lead %u: "), i);
          return NULL;
        }

      json_array_add_element (array, _nexor_lead_input_to_json (NEXOR_LEAD_INPUT (item)));
    }

  return json_node_init_array (json_node_alloc (), array);
}
