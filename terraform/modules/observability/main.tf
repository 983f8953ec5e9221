data "aws_region" "current" {}

locals {
  tags   = merge({ "emporium:component" = "observability", "emporium:environment" = var.environment }, var.tags)
  region = data.aws_region.current.name


  widgets = [
    {
      type = "metric", x = 0, y = 0, width = 12, height = 6
      properties = {
        title   = "Queue depth (visible messages)"
        region  = local.region
        stat    = "Maximum"
        period  = 60
        metrics = [for q in var.queue_names : ["AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", q]]
      }
    },
    {
      type = "metric", x = 12, y = 0, width = 12, height = 6
      properties = {
        title   = "Age of oldest message (s)"
        region  = local.region
        stat    = "Maximum"
        period  = 60
        metrics = [for q in var.queue_names : ["AWS/SQS", "ApproximateAgeOfOldestMessage", "QueueName", q]]
      }
    },
    {
      type = "metric", x = 0, y = 6, width = 12, height = 6
      properties = {
        title   = "Dead-letter queues (must be 0)"
        region  = local.region
        stat    = "Maximum"
        period  = 60
        metrics = [for q in var.dlq_names : ["AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", q]]
      }
    },
    {
      type = "metric", x = 12, y = 6, width = 12, height = 6
      properties = {
        title   = "Events published"
        region  = local.region
        stat    = "Sum"
        period  = 60
        metrics = [for t in var.topic_names : ["AWS/SNS", "NumberOfMessagesPublished", "TopicName", t]]
      }
    },
    {
      type = "metric", x = 0, y = 12, width = 12, height = 6
      properties = {
        title  = "Outbox lag (s, oldest unpublished row)"
        region = local.region
        stat   = "Maximum"
        period = 60
        metrics = [
          [{ expression = "SELECT MAX(${var.outbox_lag_metric}) FROM SCHEMA(\"${var.metrics_namespace}\", environment, service) WHERE environment = '${var.environment}' GROUP BY service", id = "lag", label = "" }],
        ]
      }
    },
    {
      type = "metric", x = 12, y = 12, width = 12, height = 6
      properties = {
        title  = "Saga outcomes (orders per minute)"
        region = local.region
        stat   = "Sum"
        period = 60
        metrics = [
          [{ expression = "SELECT SUM(${var.saga_outcome_metric}) FROM SCHEMA(\"${var.metrics_namespace}\", environment, outcome) WHERE environment = '${var.environment}' GROUP BY outcome", id = "outcomes", label = "" }],
        ]
      }
    },
    {
      type = "metric", x = 0, y = 18, width = 24, height = 6
      properties = {
        title   = "Failed deliveries SNS -> SQS"
        region  = local.region
        stat    = "Sum"
        period  = 60
        metrics = [for t in var.topic_names : ["AWS/SNS", "NumberOfNotificationsFailed", "TopicName", t]]
      }
    },
  ]
}

resource "aws_sns_topic" "alarms" {
  name              = "emporium-${var.environment}-alarms"
  kms_master_key_id = var.kms_key_id
  tags              = local.tags
}

resource "aws_sns_topic_policy" "alarms" {
  arn = aws_sns_topic.alarms.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "CloudWatchAlarms"
      Effect    = "Allow"
      Principal = { Service = "cloudwatch.amazonaws.com" }
      Action    = "sns:Publish"
      Resource  = aws_sns_topic.alarms.arn
    }]
  })
}

resource "aws_sns_topic_subscription" "email" {
  for_each = toset(var.alarm_emails)

  topic_arn = aws_sns_topic.alarms.arn
  protocol  = "email"
  endpoint  = each.key
}

resource "aws_cloudwatch_dashboard" "this" {
  dashboard_name = "emporium-${var.environment}"
  dashboard_body = jsonencode({ widgets = local.widgets })
}
