// Azure Communication Services Email for the reminders (functions/RULES.md §12): an Azure-managed sender domain linked to
// a Communication Services resource, an SMTP user name for the Entra application whose client secret is the password,
// and that application's service principal allowed to send. The Entra application and its secret are made outside
// Bicep (infra/README.md, "Reminders by e-mail"): Graph Bicep cannot create client secrets.

@description('Base name of the resources.')
param name string

@description('Where the e-mail data is kept.')
param dataLocation string = 'Japan'

@description('The Entra application (client) id whose client secret is the SMTP password.')
param smtpAppId string

@description('The object id of that application\'s service principal (Enterprise application), not of the app registration.')
param smtpPrincipalId string

@description('The SMTP user name (Reminders__Smtp__UserName).')
param smtpUserName string

resource email 'Microsoft.Communication/emailServices@2025-09-01' = {
  name: '${name}-email'
  location: 'global'
  properties: { dataLocation: dataLocation }
}

// The name must be exactly AzureManagedDomain for an Azure-managed domain (DoNotReply@<guid>.azurecomm.net).
resource domain 'Microsoft.Communication/emailServices/domains@2025-09-01' = {
  parent: email
  name: 'AzureManagedDomain'
  location: 'global'
  properties: { domainManagement: 'AzureManaged', userEngagementTracking: 'Disabled' }
}

resource communication 'Microsoft.Communication/communicationServices@2025-09-01' = {
  name: '${name}-acs'
  location: 'global'
  properties: { dataLocation: dataLocation, linkedDomains: [ domain.id ] }
}

resource smtpUser 'Microsoft.Communication/communicationServices/smtpUsernames@2025-09-01' = {
  parent: communication
  name: 'pipeline'
  properties: { username: smtpUserName, entraApplicationId: smtpAppId, tenantId: tenant().tenantId }
}

// "Communication and Email Service Owner": lets the application send through the SMTP endpoint.
var emailOwnerRoleId = '09976791-48a7-449e-bb21-39d1a415f350'

resource smtpRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(communication.id, smtpPrincipalId, emailOwnerRoleId)
  scope: communication
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', emailOwnerRoleId)
    principalId: smtpPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output senderAddress string = 'DoNotReply@${domain.properties.mailFromSenderDomain}'
output smtpUserName string = smtpUser.properties.username
