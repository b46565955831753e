/* nexor-campaign.c: the campaign a lead came from
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "nexor-campaign-private.h"
#include "nexor-resource-private.h"

/**
 * NexorCampaign:
 *
 * The campaign a lead belongs to.
 *
 * Since: 0.1
 */

struct _NexorCampaign
{
  GObject parent_instance;
  NexorJsonSource json;

  char *id;
  char *name;
};

/**
 * NexorCampaign:id:
 *
 * The campaign's id.
 *
 * Since: 0.1
 */
/**
 * NexorCampaign:name:
 *
 * The name of the campaign.
 *
 * Since: 0.1
 */
static const NexorField nexor_campaign_fields[] = {
  { "id", NEXOR_FIELD_NAMES ("id"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorCampaign, id), TRUE, 0.0, NULL, NULL },
  { "name", NEXOR_FIELD_NAMES ("name"), NEXOR_FIELD_STRING,
    G_STRUCT_OFFSET (NexorCampaign, name), FALSE, 0.0, NULL, NULL },
};

NEXOR_DEFINE_RESOURCE (NexorCampaign, nexor_campaign, nexor_campaign_fields)

NexorCampaign *
_nexor_campaign_new_from_json (JsonObject         *object,
                               NexorJsonDocument  *document,
                               GError            **error)
{
  return _nexor_resource_new_from_json (NEXOR_TYPE_CAMPAIGN, "campaign", nexor_campaign_fields,
                                        G_N_ELEMENTS (nexor_campaign_fields), object, document, error);
}

/**
 * nexor_campaign_dup_json:
 * @self: a [class@Nexor.Campaign]
 *
 * Gets the JSON object this campaign was built from, as the server sent it,
 * including members this version of the library does not model.
 *
 * Each call returns a new copy: changing it does not change the resource.
 *
 * Returns: (transfer full): the raw JSON object
 *
 * Since: 0.1
 */

/**
 * nexor_campaign_get_id:
 * @self: a [class@Nexor.Campaign]
 *
 * Gets the [property@Nexor.Campaign:id] property: the campaign's id.
 *
 * Returns: (nullable): the id
 *
 * Since: 0.1
 */
const char *
nexor_campaign_get_id (NexorCampaign *self)
{
  g_return_val_if_fail (NEXOR_IS_CAMPAIGN (self), NULL);

  return self->id;
}

/**
 * nexor_campaign_get_name:
 * @self: a [class@Nexor.Campaign]
 *
 * Gets the [property@Nexor.Campaign:name] property: the name of the campaign.
 *
 * Returns: (nullable): the name
 *
 * Since: 0.1
 */
const char *
nexor_campaign_get_name (NexorCampaign *self)
{
  g_return_val_if_fail (NEXOR_IS_CAMPAIGN (self), NULL);

  return self->name;
}
