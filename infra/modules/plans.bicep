// Who maintains the plan files (RULES.md §7): the plan secretariat writes to the private `plans`
// container, and nowhere else; the app reads it with its own identity at start-up (Pipeline__PlansContainer).
param storageAccountName string

@description('Object ids of the Entra ID groups or users who add and correct plan-definition files.')
param maintainers array

var blobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName

  resource blobs 'blobServices' existing = {
    name: 'default'

    resource plans 'containers' existing = {
      name: 'plans'
    }
  }
}

resource write 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for principalId in maintainers: {
  name: guid(storage::blobs::plans.id, principalId, blobDataContributor)
  scope: storage::blobs::plans
  properties: {
    principalId: principalId
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataContributor)
  }
}]
