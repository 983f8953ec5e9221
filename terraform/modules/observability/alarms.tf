# The SLOs of observability/slo.yaml as CloudWatch alarms, from slo-alarms.json (GENERATED from slo.yaml by the
# observability module; never edit it): a metric alarm per SLO x service x burn window, and per burn alert a
# composite alarm (long AND short) OR ... that notifies the alarm topic, like the Prometheus alerts in the cluster.
# The metrics are the services' Prometheus metrics as the OpenTelemetry collector publishes them to
# var.metrics_namespace (argocd/apps/values.yaml): each query's dimensions are environment plus the generated ones
# (service for a per-service SLO, the SLI's labels), exactly a dimension set of the collector's metric_declarations
# (CloudWatch matches a metric by its whole dimension set; observability's CollectorExportTests checks this).
locals {
  slo_alarms = jsondecode(file("${path.module}/slo-alarms.json"))
  slo_prefix = "emporium-${var.environment}-slo-"
}

resource "aws_cloudwatch_metric_alarm" "slo_window" {
  for_each = { for a in local.slo_alarms.alarms : a.name => a }

  alarm_name          = "${local.slo_prefix}${each.key}"
  alarm_description   = "SLO ${each.value.slo}${each.value.service == null ? "" : " (${each.value.service})"}: one window of a burn-rate alert (observability/slo.yaml)"
  comparison_operator = "GreaterThanThreshold"
  threshold           = each.value.threshold
  evaluation_periods  = each.value.evaluation_periods
  datapoints_to_alarm = each.value.datapoints_to_alarm
  treat_missing_data  = "notBreaching"
  tags                = local.tags

  metric_query {
    id          = "sli_error"
    expression  = each.value.expression
    label       = "error ratio"
    return_data = true
  }

  dynamic "metric_query" {
    for_each = each.value.metrics
    content {
      id = metric_query.value.id
      metric {
        namespace   = var.metrics_namespace
        metric_name = metric_query.value.metric
        period      = metric_query.value.period
        stat        = metric_query.value.stat
        dimensions  = merge({ environment = var.environment }, metric_query.value.dimensions)
      }
    }
  }
}

resource "aws_cloudwatch_composite_alarm" "slo" {
  for_each = { for c in local.slo_alarms.composites : c.name => c }

  alarm_name        = "${local.slo_prefix}${each.key}"
  alarm_description = "${each.value.alert}${each.value.service == null ? "" : " (${each.value.service})"}, severity ${each.value.severity}: runbook ${each.value.runbook}"
  alarm_rule = join(" OR ", [
    for w in each.value.windows :
    "(ALARM(\"${aws_cloudwatch_metric_alarm.slo_window[w.long].alarm_name}\") AND ALARM(\"${aws_cloudwatch_metric_alarm.slo_window[w.short].alarm_name}\"))"
  ])
  alarm_actions = [aws_sns_topic.alarms.arn]
  ok_actions    = [aws_sns_topic.alarms.arn]
  tags          = local.tags
}
