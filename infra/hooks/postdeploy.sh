#!/bin/sh
# Subscribes the blob trigger (Event Grid source) to BlobCreated events under the uploads container.
# azd sets AZURE_RESOURCE_GROUP, FUNCTION_APP_NAME, FUNCTION_APP_HOST and EVENT_GRID_TOPIC_NAME from the Bicep outputs.
set -eu
key=$(az functionapp keys list --resource-group "$AZURE_RESOURCE_GROUP" --name "$FUNCTION_APP_NAME" \
  --query "systemKeys.blobs_extension" --output tsv)
if [ -z "$key" ]; then
  echo "The blobs_extension key is not there yet: is the code deployed? Run 'azd deploy' and then this hook again." >&2
  exit 1
fi
endpoint="https://${FUNCTION_APP_HOST}/runtime/webhooks/blobs?functionName=Host.Functions.IngestUpload&code=${key}"
az eventgrid system-topic event-subscription create \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --system-topic-name "$EVENT_GRID_TOPIC_NAME" \
  --name uploads-blob-created \
  --endpoint-type webhook \
  --endpoint "$endpoint" \
  --included-event-types Microsoft.Storage.BlobCreated \
  --subject-begins-with /blobServices/default/containers/uploads/ \
  --max-delivery-attempts 30 \
  --event-ttl 1440 \
  --output none
echo "Event Grid: BlobCreated under /containers/uploads/ → ${FUNCTION_APP_NAME} IngestUpload"
