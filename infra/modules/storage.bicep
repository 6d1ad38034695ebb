// The data storage account: uploads and reports private, opendata readable anonymously (blobs only,
// never listing), shared-key access off, TLS 1.2, blob versioning and soft delete so no upload is lost.
param name string
param location string
param tags object
@description('Container the Flex Consumption plan deploys the app package from.')
param deploymentContainerName string
@description('Days a deleted or overwritten blob can be restored.')
@minValue(7)
param softDeleteDays int = 30

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  sku: { name: 'Standard_ZRS' }
  kind: 'StorageV2'
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    // Needed for the opendata container's anonymous blob read; every other container stays private.
    allowBlobPublicAccess: true
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: { defaultAction: 'Allow', bypass: 'AzureServices' }
    encryption: {
      keySource: 'Microsoft.Storage'
      services: { blob: { enabled: true }, file: { enabled: true }, table: { enabled: true }, queue: { enabled: true } }
    }
  }

  resource blobs 'blobServices' = {
    name: 'default'
    properties: {
      isVersioningEnabled: true
      changeFeed: { enabled: true, retentionInDays: softDeleteDays }
      deleteRetentionPolicy: { enabled: true, days: softDeleteDays }
      containerDeleteRetentionPolicy: { enabled: true, days: softDeleteDays }
      restorePolicy: { enabled: true, days: softDeleteDays - 1 }
      cors: {
        corsRules: [
          {
            // Anyone's web page may read the open data (GET only).
            allowedOrigins: [ '*' ]
            allowedMethods: [ 'GET', 'HEAD' ]
            allowedHeaders: [ '*' ]
            exposedHeaders: [ 'ETag', 'Content-Type', 'Last-Modified' ]
            maxAgeInSeconds: 3600
          }
        ]
      }
    }

    resource uploads 'containers' = {
      name: 'uploads'
      properties: { publicAccess: 'None' }
    }

    resource reports 'containers' = {
      name: 'upload-reports'
      properties: { publicAccess: 'None' }
    }

    // Plan-definition files served beside the built-in plans (Pipeline__PlansContainer), read by the app at start-up.
    resource plans 'containers' = {
      name: 'plans'
      properties: { publicAccess: 'None' }
    }

    resource opendata 'containers' = {
      name: 'opendata'
      properties: { publicAccess: 'Blob' }
    }

    resource deployment 'containers' = {
      name: deploymentContainerName
      properties: { publicAccess: 'None' }
    }
  }

  resource queues 'queueServices' = {
    name: 'default'
  }

  resource tables 'tableServices' = {
    name: 'default'
  }
}

output id string = storage.id
output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
output tableEndpoint string = storage.properties.primaryEndpoints.table
