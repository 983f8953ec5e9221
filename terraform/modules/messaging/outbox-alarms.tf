# Outbox alarms: every producer of the topology writes its events to an outbox (ADR 2), whose relay publishes them.
# The metrics are the services' own gauges as the OpenTelemetry collector publishes them to CloudWatch
# (argocd/apps/values.yaml: Prometheus names, EMF into var.metrics_namespace, dimensions environment and service):
#   emporium_outbox_oldest_age_seconds  age of the oldest unpublished event (the lag)
#   emporium_outbox_dead_lettered       events the relay stopped trying: SNS rejects them for good
# Missing data (a service without traffic yet, or the collector down) does not alarm.

locals {
  outbox_services = toset(keys(local.topology.producers))
}

resource "aws_cloudwatch_metric_alarm" "outbox_lag" {
  for_each = local.outbox_services

  alarm_name          = "emporium-${var.environment}-${each.key}-outbox-lag"
  alarm_description   = "The oldest unpublished outbox event of ${each.key} is older than ${var.max_outbox_lag_seconds} s: its events are not reaching SNS and every consumer downstream waits. Runbook: ${var.runbook_base_url}/outbox-lag.md"
  namespace           = var.metrics_namespace
  metric_name         = "emporium_outbox_oldest_age_seconds"
  dimensions          = { environment = var.environment, service = each.key }
  statistic           = "Maximum"
  period              = var.alarm_period_seconds
  evaluation_periods  = var.alarm_evaluation_periods
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.max_outbox_lag_seconds
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
  tags                = merge(local.tags, { "emporium:service" = each.key })
}

resource "aws_cloudwatch_metric_alarm" "outbox_dead_letters" {
  for_each = local.outbox_services

  alarm_name          = "emporium-${var.environment}-${each.key}-outbox-dead-letters"
  alarm_description   = "Outbox events of ${each.key} dead-lettered: SNS rejects them for good, no consumer has seen them (./emporium dlq show outbox:${each.key}). Runbook: ${var.runbook_base_url}/outbox-lag.md#rows-that-will-never-publish"
  namespace           = var.metrics_namespace
  metric_name         = "emporium_outbox_dead_lettered"
  dimensions          = { environment = var.environment, service = each.key }
  statistic           = "Maximum"
  period              = var.alarm_period_seconds
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
  tags                = merge(local.tags, { "emporium:service" = each.key })
}
