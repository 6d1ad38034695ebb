# Subscribes the blob trigger (Event Grid source) to BlobCreated events under the uploads container.
# azd sets AZURE_RESOURCE_GROUP, FUNCTION_APP_NAME, FUNCTION_APP_HOST and EVENT_GRID_TOPIC_NAME from the Bicep outputs.
$ErrorActionPreference = 'Stop'
$key = az functionapp keys list --resource-group $env:AZURE_RESOURCE_GROUP --name $env:FUNCTION_APP_NAME `
  --query "systemKeys.blobs_extension" --output tsv
if (-not $key) {
  Write-Error "The blobs_extension key is not there yet: is the code deployed? Run 'azd deploy' and then this hook again."
  exit 1
}
$endpoint = "https://$($env:FUNCTION_APP_HOST)/runtime/webhooks/blobs?functionName=Host.Functions.IngestUpload&code=$key"
az eventgrid system-topic event-subscription create `
  --resource-group $env:AZURE_RESOURCE_GROUP `
  --system-topic-name $env:EVENT_GRID_TOPIC_NAME `
  --name uploads-blob-created `
  --endpoint-type webhook `
  --endpoint $endpoint `
  --included-event-types Microsoft.Storage.BlobCreated `
  --subject-begins-with /blobServices/default/containers/uploads/ `
  --max-delivery-attempts 30 `
  --event-ttl 1440 `
  --output none
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
Write-Host "Event Grid: BlobCreated under /containers/uploads/ -> $($env:FUNCTION_APP_NAME) IngestUpload"
