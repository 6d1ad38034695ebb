// Each department of each plan writes only under its own prefix of `uploads` and reads only its own
// reports (RULES.md §2, §7): `{planId}/{departmentId}/`, and for the default plan also the older
// two-part `{departmentId}/`. Role assignments on the containers with an ABAC condition on the blob path.
param storageAccountName string

@description('The default plan: its departments may also use the two-part path {departmentId}/.')
param defaultPlanId string

@description('Departments and the Entra ID principals (usually a group) that upload for them.')
param departments departmentAccess[]

type departmentAccess = {
  @description('The plan the department uploads for; omitted, the default plan. The portal maps the group to this plan/department pair.')
  planId: string?
  @description('The department id within its plan (for example shakyo).')
  id: string
  @description('Object id of the Entra ID group or user that uploads for the department.')
  principalId: string
  principalType: ('Group' | 'User' | 'ServicePrincipal')?
}

var blobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
var blobDataReader = '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
var blobPath = '@Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path]'

// The path condition of each department: its plan's prefix, and the two-part prefix for the default plan.
var prefixes = [for department in departments: (department.?planId ?? defaultPlanId) == defaultPlanId
  ? '(${blobPath} StringStartsWith \'${defaultPlanId}/${department.id}/\' OR ${blobPath} StringStartsWith \'${department.id}/\')'
  : '(${blobPath} StringStartsWith \'${department.?planId ?? defaultPlanId}/${department.id}/\')']

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

resource write 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for (department, i) in departments: {
  name: guid(storage::blobs::uploads.id, department.principalId, department.?planId ?? defaultPlanId, department.id, 'write')
  scope: storage::blobs::uploads
  properties: {
    principalId: department.principalId
    principalType: department.?principalType ?? 'Group'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataContributor)
    description: 'Department ${department.id} of ${department.?planId ?? defaultPlanId}: its own prefix of uploads only'
    conditionVersion: '2.0'
    condition: '((!(ActionMatches{\'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read\'}) AND !(ActionMatches{\'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write\'}) AND !(ActionMatches{\'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action\'}) AND !(ActionMatches{\'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete\'})) OR ${prefixes[i]})'
  }
}]

resource read 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for (department, i) in departments: {
  name: guid(storage::blobs::reports.id, department.principalId, department.?planId ?? defaultPlanId, department.id, 'read')
  scope: storage::blobs::reports
  properties: {
    principalId: department.principalId
    principalType: department.?principalType ?? 'Group'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', blobDataReader)
    description: 'Department ${department.id} of ${department.?planId ?? defaultPlanId}: its own prefix of upload-reports only'
    conditionVersion: '2.0'
    condition: '((!(ActionMatches{\'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read\'})) OR ${prefixes[i]})'
  }
}]
