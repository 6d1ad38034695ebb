// A Flex Consumption function app (dotnet-isolated 10.0) running as a user-assigned identity, with
// identity-based settings only: no connection string carries a key.
param name string
param location string
param tags object
param identityId string
param identityClientId string
param storageAccountName string
param deploymentContainerName string
param applicationInsightsConnectionString string
param defaultPlanId string
param plansPath string

@description('The portal\'s Entra ID app registration (client id); empty for no portal sign-in.')
param portalClientId string

@description('The tenant whose tokens the portal accepts.')
param portalTenantId string

@description('Entra ID groups and the plan/department each acts for (the departments parameter of main.bicep).')
param portalGroups portalGroup[]

@description('Key Vault secret URI of the portal app registration\'s client secret (browser sign-in); empty: bearer tokens only.')
param portalClientSecretUri string

type portalGroup = { groupId: string, planId: string, departmentId: string }
param nightlySchedule string
param maximumInstanceCount int
param ckanBaseUrl string
@description('The default plan\'s CKAN dataset (Ckan__DatasetId); empty where ckanDatasets names it or it is not pushed.')
param ckanDatasetId string
@description('Plan id → its CKAN dataset (package) id or name, one app setting Ckan__Datasets__{planId} each (README, "Settings").')
param ckanDatasets ckanDatasetMap
@description('Key Vault secret URI of the CKAN API token; empty when no portal push is configured.')
param ckanTokenSecretUri string

var storageSuffix = environment().suffixes.storage
type ckanDatasetMap = { *: string }

// One dataset per plan: a plan without one is not pushed (README, "Settings").
var ckanSettings = empty(ckanBaseUrl) ? [] : concat([
  { name: 'Ckan__BaseUrl', value: ckanBaseUrl }
  { name: 'Ckan__DatasetId', value: ckanDatasetId }
  { name: 'Ckan__ApiToken', value: '@Microsoft.KeyVault(SecretUri=${ckanTokenSecretUri})' }
], map(items(ckanDatasets), dataset => { name: 'Ckan__Datasets__${dataset.key}', value: dataset.value }))

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${name}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

// Who may use the portal (README "The department portal"). Microsoft's Flex Consumption documentation says App
// Service Authentication (EasyAuth) is not supported there and does not block unauthenticated callers, so the app
// validates Entra ID access tokens itself (audience: the app registration) and never trusts X-MS-CLIENT-PRINCIPAL.
var portalSettings = concat([
  { name: 'Portal__TrustPlatformHeader', value: 'false' }
  { name: 'Portal__TenantId', value: empty(portalClientId) ? '' : portalTenantId }
  { name: 'Portal__ClientId', value: portalClientId }
], empty(portalClientSecretUri) ? [] : [
  // The browser sign-in redeems codes with this secret (README "Signing in"); a Key Vault reference, never a value.
  { name: 'Portal__ClientSecret', value: '@Microsoft.KeyVault(SecretUri=${portalClientSecretUri})' }
], flatten(map(range(0, length(portalGroups)), i => [
  { name: 'Portal__Groups__${i}__GroupId', value: portalGroups[i].groupId }
  { name: 'Portal__Groups__${i}__PlanId', value: portalGroups[i].planId }
  { name: 'Portal__Groups__${i}__DepartmentId', value: portalGroups[i].departmentId }
])))

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: 'func-${name}'
  location: location
  tags: union(tags, { 'azd-service-name': 'functions' })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      cors: { allowedOrigins: [ '*' ] }
      appSettings: concat([
        { name: 'AzureWebJobsStorage__blobServiceUri', value: 'https://${storageAccountName}.blob.${storageSuffix}' }
        { name: 'AzureWebJobsStorage__queueServiceUri', value: 'https://${storageAccountName}.queue.${storageSuffix}' }
        { name: 'AzureWebJobsStorage__tableServiceUri', value: 'https://${storageAccountName}.table.${storageSuffix}' }
        { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
        { name: 'AzureWebJobsStorage__clientId', value: identityClientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsightsConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }
        // 17:00 UTC = 02:00 JST. Flex Consumption ignores WEBSITE_TIME_ZONE: schedules are UTC.
        { name: 'NightlyAggregationSchedule', value: nightlySchedule }
        { name: 'Pipeline__DefaultPlanId', value: defaultPlanId }
      ], empty(plansPath) ? [] : [ { name: 'Pipeline__PlansPath', value: plansPath } ], ckanSettings, portalSettings)
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: 'https://${storageAccountName}.blob.${storageSuffix}/${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: 2048
      }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
  }
}

output id string = app.id
output name string = app.name
output defaultHostName string = app.properties.defaultHostName
