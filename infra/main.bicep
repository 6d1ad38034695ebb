// 第4次熊本市地域福祉計画 progress pipeline: everything it needs in one resource group.
// Nothing is public but the open data; no key is stored anywhere (managed identity throughout).
targetScope = 'resourceGroup'

@description('azd environment name; names every resource.')
@minLength(3)
@maxLength(20)
param environmentName string

@description('Azure region.')
param location string = resourceGroup().location

@description('The default plan (two-part upload paths, verbs without --plan): a plan id of the plan set.')
param defaultPlanId string = 'kumamoto-welfare-4'

@description('A folder of plan-definition files inside the app (rarely needed: plan files go to the private `plans` container, read at start-up); empty for none.')
param plansPath string = ''

@description('Object ids of the Entra ID groups or users (the plan secretariat) who maintain the plan files in the `plans` container.')
param planMaintainers array = []

@description('NCRONTAB schedule of the nightly run, in UTC: 17:00 UTC is 02:00 JST.')
param nightlySchedule string = '0 0 17 * * *'

@description('Most instances the Flex Consumption plan scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Departments that upload, each with the Entra ID principal that uploads for it.')
param departments array = []

@description('Each plan\'s secretariat (事務局): [{ planId, principalId }], the Entra ID group that reviews the plan\'s uploads, writes commentary and confirms its fiscal years in the portal (RULES.md §14).')
param secretariats array = []

@description('The portal\'s Entra ID app registration (client id); its access tokens are validated by the app. Empty: no one can sign in to the portal.')
param portalClientId string = ''

@description('Name of the Key Vault secret holding the portal app registration\'s client secret (browser sign-in, docs/portal.md).')
param portalClientSecretName string = 'portal-client-secret'

@description('The Entra ID tenant of the portal\'s app registration.')
param portalTenantId string = tenant().tenantId

@description('The portal\'s public origin (https://host, no path) where Front Door, a proxy or a custom domain stands in front of the app; the sign-in and sign-out redirect URIs are made from it. Empty: https://<the function app\'s default host name>.')
param portalPublicOrigin string = ''

@description('Email for alerts; empty for none.')
param alertEmail string = ''

@description('CKAN portal base URL (for example https://data.bodik.jp); empty to publish to blob storage only.')
param ckanBaseUrl string = ''

@description('The default plan\'s CKAN dataset (package) id or name (app setting Ckan__DatasetId).')
param ckanDatasetId string = ''

@description('Plan id → its CKAN dataset (package) id or name, for example { "kumamoto-welfare-5": "welfare-plan-5-progress" }: one app setting Ckan__Datasets__{planId} each; a plan without a dataset is not pushed.')
param ckanDatasets { *: string } = {}

@description('Existing Key Vault holding the CKAN API token; needed when ckanBaseUrl is set.')
param keyVaultName string = ''

@description('Name of the Key Vault secret with the CKAN API token.')
param ckanTokenSecretName string = 'ckan-api-token'

var token = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName))
var name = '${environmentName}-${take(token, 6)}'
var storageName = take('st${replace(environmentName, '-', '')}${token}', 24)
var deploymentContainerName = 'app-package-${take(token, 8)}'
var tags = { 'azd-env-name': environmentName, project: 'kumamoto-welfare-pipeline' }

@description('Reminders by e-mail (functions/RULES.md §12): the Entra application (client) id whose secret is the SMTP password of Azure Communication Services Email; empty: no e-mail resources and no reminders sent.')
param emailSmtpAppId string = ''

@description('The object id of that application\'s service principal (Enterprise application).')
param emailSmtpPrincipalId string = ''

@description('The SMTP user name created for it (Reminders__Smtp__UserName).')
param emailSmtpUserName string = 'pipeline-reminders'

@description('The Key Vault secret holding the application\'s client secret (the SMTP password).')
param smtpPasswordSecretName string = 'smtp-password'

@description('The reminders\' timer in UTC: 00:00 UTC = 09:00 JST (Flex Consumption ignores WEBSITE_TIME_ZONE).')
param remindersSchedule string = '0 0 0 * * *'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${name}'
  location: location
  tags: tags
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: storageName
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: name
    location: location
    tags: tags
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  params: {
    principalId: identity.properties.principalId
    storageAccountName: storage.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    keyVaultName: keyVaultName
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  dependsOn: [ roles ]
  params: {
    name: name
    location: location
    tags: tags
    identityId: identity.id
    identityClientId: identity.properties.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    defaultPlanId: defaultPlanId
    plansPath: plansPath
    portalClientId: portalClientId
    portalTenantId: portalTenantId
    portalPublicOrigin: portalPublicOrigin
    portalClientSecretUri: empty(keyVaultName) || empty(portalClientId) ? '' : 'https://${keyVaultName}${environment().suffixes.keyvaultDns}/secrets/${portalClientSecretName}'
    // The same list as the department role assignments: each group acts for its department in the portal; then each
    // plan's secretariat, which sees every department of its plan (and no storage role: it acts through the portal).
    portalGroups: concat(map(departments, department => {
      groupId: department.principalId
      planId: department.?planId ?? defaultPlanId
      departmentId: department.id
      role: 'department'
    }), map(secretariats, secretariat => {
      groupId: secretariat.principalId
      planId: secretariat.planId
      departmentId: ''
      role: 'secretariat'
    }))
    nightlySchedule: nightlySchedule
    maximumInstanceCount: maximumInstanceCount
    ckanBaseUrl: ckanBaseUrl
    ckanDatasetId: ckanDatasetId
    ckanDatasets: ckanDatasets
    ckanTokenSecretUri: empty(keyVaultName) ? '' : 'https://${keyVaultName}${environment().suffixes.keyvaultDns}/secrets/${ckanTokenSecretName}'
    remindersSchedule: remindersSchedule
    smtpUserName: empty(emailSmtpAppId) ? '' : emailSmtpUserName
    smtpPasswordSecretUri: empty(keyVaultName) || empty(emailSmtpAppId) ? '' : 'https://${keyVaultName}${environment().suffixes.keyvaultDns}/secrets/${smtpPasswordSecretName}'
    reminderFrom: empty(emailSmtpAppId) ? '' : email!.outputs.senderAddress
  }
}

module email 'modules/email.bicep' = if (!empty(emailSmtpAppId)) {
  name: 'email'
  params: {
    name: name
    smtpAppId: emailSmtpAppId
    smtpPrincipalId: emailSmtpPrincipalId
    smtpUserName: emailSmtpUserName
  }
}

module planAccess 'modules/plans.bicep' = {
  name: 'plans'
  params: {
    storageAccountName: storage.outputs.name
    maintainers: planMaintainers
  }
}

module departmentAccess 'modules/departments.bicep' = {
  name: 'departments'
  params: {
    storageAccountName: storage.outputs.name
    defaultPlanId: defaultPlanId
    departments: departments
  }
}

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageName
}

// The blob trigger's Event Grid source: a system topic on the data account. The subscription to the
// blob extension's webhook is created after deployment (azure.yaml postdeploy hook), because the
// blobs_extension key exists only once the code is deployed.
resource topic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: 'evgt-${name}'
  location: location
  tags: tags
  dependsOn: [ storage ]
  properties: {
    source: storageAccount.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  params: {
    name: name
    location: location
    tags: tags
    applicationInsightsId: monitoring.outputs.applicationInsightsId
    alertEmail: alertEmail
  }
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = resourceGroup().name
output FUNCTION_APP_NAME string = functionApp.outputs.name
output FUNCTION_APP_HOST string = functionApp.outputs.defaultHostName
// The two Web redirect URIs to register on the portal's app registration (docs/portal.md).
output PORTAL_SIGN_IN_REDIRECT_URI string = '${functionApp.outputs.portalPublicOrigin}/api/sign-in/entra/callback'
output PORTAL_SIGNED_OUT_URI string = '${functionApp.outputs.portalPublicOrigin}/api/portal/signed-out.html'
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output EVENT_GRID_TOPIC_NAME string = topic.name
output OPEN_DATA_FEED_URL string = '${storage.outputs.blobEndpoint}opendata/feeds/v1/${defaultPlanId}/progress.json'
output OPEN_DATA_INDEX_URL string = '${storage.outputs.blobEndpoint}opendata/feeds/v1/index.json'
output REMINDER_SENDER_ADDRESS string = empty(emailSmtpAppId) ? '' : email!.outputs.senderAddress
