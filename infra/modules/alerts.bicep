// Alerts on what the city must hear about: a poisoned upload, a poisoned plan aggregation, failing functions, and a nightly
// run that has not succeeded for 26 hours.
param name string
param location string
param tags object
param applicationInsightsId string
@description('Where alerts are mailed; empty for none (the alerts still fire in the portal).')
param alertEmail string

resource actions 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-${name}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take('welfare${uniqueString(name)}', 12)
    enabled: true
    emailReceivers: empty(alertEmail) ? [] : [
      { name: 'operators', emailAddress: alertEmail, useCommonAlertSchema: true }
    ]
  }
}

var rules = [
  {
    name: 'poison-upload'
    description: 'An upload failed five deliveries and reached webjobs-blobtrigger-poison (its report says failed; replay it).'
    severity: 1
    frequency: 'PT5M'
    window: 'PT5M'
    query: 'requests | where name == "RecordPoisonUpload" | summarize count()'
    operator: 'GreaterThan'
    threshold: 0
  }
  {
    name: 'poison-plan'
    description: 'A plan\'s nightly aggregation message failed five deliveries and reached plan-aggregation-poison: its feed was not updated (see its row in planpublications; the next nightly run decides about it again, or run pipeline aggregate --plan P).'
    severity: 1
    frequency: 'PT5M'
    window: 'PT5M'
    query: 'requests | where name == "RecordPoisonPlan" | summarize count()'
    operator: 'GreaterThan'
    threshold: 0
  }
  {
    name: 'function-failures'
    description: 'A function invocation failed.'
    severity: 2
    frequency: 'PT5M'
    window: 'PT15M'
    query: 'requests | where success == false | summarize count()'
    operator: 'GreaterThan'
    threshold: 0
  }
  {
    name: 'nightly-missing'
    description: 'No successful NightlyAggregation run for 26 hours: the open-data feed is not being refreshed.'
    severity: 1
    frequency: 'PT1H'
    window: 'P2D'
    query: 'requests | where timestamp > ago(26h) | where name == "NightlyAggregation" and success == true | summarize count()'
    operator: 'LessThan'
    threshold: 1
  }
]

resource alerts 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [for rule in rules: {
  name: '${rule.name}-${name}'
  location: location
  tags: tags
  properties: {
    displayName: '${rule.name} (${name})'
    description: rule.description
    severity: rule.severity
    enabled: true
    scopes: [ applicationInsightsId ]
    evaluationFrequency: rule.frequency
    windowSize: rule.window
    criteria: {
      allOf: [
        {
          query: rule.query
          timeAggregation: 'Total'
          metricMeasureColumn: 'count_'
          operator: rule.operator
          threshold: rule.threshold
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    autoMitigate: true
    actions: { actionGroups: [ actions.id ] }
  }
}]
