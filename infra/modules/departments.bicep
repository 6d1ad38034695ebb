// Each department writes only under its own prefix of `uploads` and reads only its own reports:
// role assignments on the containers with an ABAC condition on the blob path.
param storageAccountName string

@description('Departments and the Entra ID principals (usually a group) that upload for them.')
param departments departmentAccess[]

type departmentAccess = {
  @description('The department id of the plan, the first segment of its blob paths (for example shakyo).')
  id: string
  @description('Object id of the Entra ID group or user that uploads for the department.')
  principalId: string
  principalType: ('Group' | 'User' | 'ServicePrincipal')?
  @description('The plan the department belongs to; default: the deployment\'s plan. The portal maps the group to this plan/department pair.')
  planId: string?
}

var blobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
var blobDataReader = '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
var blobPath = '@Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path]'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName

  resource blobs 'blobServices' existing = {
    name: 'default'

    resource uploads 'containers' existing = {
      name: 'uploads'
    }

    resource reports 'containers' existing = {
      name: 'upload-reports'
    }
  }
}

resource write 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for department in departments: {
  name: guid(storage::blobs::uploads.id, department.principalId, department.id, 'write')
  scope: storage::blobs::uploads
  properties: {
    principalId: department.principalId
    principalType: department.?principalType ?? 'Group'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataContributor)
    description: 'Department ${department.id}: uploads/${department.id}/ only'
    conditionVersion: '2.0'
    condition: '((!(ActionMatches{\'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read\'}) AND !(ActionMatches{\'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write\'}) AND !(ActionMatches{\'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action\'}) AND !(ActionMatches{\'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete\'})) OR (${blobPath} StringStartsWith \'${department.id}/\'))'
  }
}]

resource read 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for department in departments: {
  name: guid(storage::blobs::reports.id, department.principalId, department.id, 'read')
  scope: storage::blobs::reports
  properties: {
    principalId: department.principalId
    principalType: department.?principalType ?? 'Group'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataReader)
    description: 'Department ${department.id}: upload-reports/${department.id}/ only'
    conditionVersion: '2.0'
    condition: '((!(ActionMatches{\'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read\'})) OR (${blobPath} StringStartsWith \'${department.id}/\'))'
  }
}]
