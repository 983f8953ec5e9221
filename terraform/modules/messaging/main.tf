# Everything here is derived from events-schema/topology.yaml: the services, the LocalStack hook and this
# module read the same file, so local and cloud topology cannot drift.

locals {
  topology_file = coalesce(var.topology_file, "${path.module}/../../../events-schema/topology.yaml")
  topology      = yamldecode(file(local.topology_file))
  naming        = local.topology.naming
  defaults      = local.topology.queueDefaults
  type_attr     = local.naming.typeAttribute

  # producer => { name, types }
  topics = {
    for producer, types in local.topology.producers : producer => {
      name  = replace(replace(local.naming.topic, "{env}", var.environment), "{producer}", producer)
      types = types
    }
  }

  # "<consumer>-from-<producer>" => one consumer x producer edge: its queue, DLQ and filter policy.
  edges = merge([
    for consumer, producers in local.topology.consumers : {
      for producer, types in producers : "${consumer}-from-${producer}" => {
        consumer = consumer
        producer = producer
        types    = types
        queue    = replace(replace(replace(local.naming.queue, "{env}", var.environment), "{consumer}", consumer), "{producer}", producer)
        dlq      = replace(replace(replace(local.naming.dlq, "{env}", var.environment), "{consumer}", consumer), "{producer}", producer)
      }
    }
  ]...)

  tags = merge({ "emporium:component" = "messaging", "emporium:environment" = var.environment }, var.tags)

}

resource "aws_sns_topic" "this" {
  for_each = local.topics

  name              = each.value.name
  kms_master_key_id = var.sns_kms_key_id
  tags              = merge(local.tags, { "emporium:producer" = each.key })
}

resource "aws_sqs_queue" "dlq" {
  for_each = local.edges

  name                      = each.value.dlq
  message_retention_seconds = local.defaults.dlqRetentionSeconds
  sqs_managed_sse_enabled   = true
  tags                      = merge(local.tags, { "emporium:consumer" = each.value.consumer, "emporium:producer" = each.value.producer })
}

resource "aws_sqs_queue" "this" {
  for_each = local.edges

  name                       = each.value.queue
  visibility_timeout_seconds = local.defaults.visibilityTimeoutSeconds
  message_retention_seconds  = local.defaults.messageRetentionSeconds
  receive_wait_time_seconds  = local.defaults.receiveWaitTimeSeconds
  sqs_managed_sse_enabled    = true
  # jsonencode: a literal JSON string shows a perpetual whitespace diff.
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq[each.key].arn
    maxReceiveCount     = local.defaults.maxReceiveCount
  })
  tags = merge(local.tags, { "emporium:consumer" = each.value.consumer, "emporium:producer" = each.value.producer })

  lifecycle {
    precondition {
      condition     = contains(keys(local.topics), each.value.producer)
      error_message = "topology.yaml: consumer '${each.value.consumer}' consumes from '${each.value.producer}', which is not a producer."
    }
    precondition {
      condition     = length(setsubtract(each.value.types, try(local.topics[each.value.producer].types, []))) == 0
      error_message = "topology.yaml: consumer '${each.value.consumer}' expects types that producer '${each.value.producer}' does not publish."
    }
  }
}

# Only the edge's own topic may send to the queue.
resource "aws_sqs_queue_policy" "this" {
  for_each = local.edges

  queue_url = aws_sqs_queue.this[each.key].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AllowOwnTopicOnly"
      Effect    = "Allow"
      Principal = { Service = "sns.amazonaws.com" }
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.this[each.key].arn
      Condition = { ArnEquals = { "aws:SourceArn" = aws_sns_topic.this[each.value.producer].arn } }
    }]
  })
}

resource "aws_sns_topic_subscription" "this" {
  for_each = local.edges

  topic_arn            = aws_sns_topic.this[each.value.producer].arn
  protocol             = "sqs"
  endpoint             = aws_sqs_queue.this[each.key].arn
  raw_message_delivery = true
  filter_policy_scope  = "MessageAttributes"
  filter_policy        = jsonencode({ (local.type_attr) = each.value.types })

  # Deliveries before the policy exists would be refused.
  depends_on = [aws_sqs_queue_policy.this]
}

# Alarms: each names its runbook.

resource "aws_cloudwatch_metric_alarm" "dlq_not_empty" {
  for_each = local.edges

  alarm_name          = "${each.value.dlq}-not-empty"
  alarm_description   = "Messages in DLQ ${each.value.dlq}: ${each.value.consumer} failed ${local.defaults.maxReceiveCount} times on events from ${each.value.producer}. Runbook: ${var.runbook_base_url}/dlq/${each.key}.md"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = aws_sqs_queue.dlq[each.key].name }
  statistic           = "Maximum"
  period              = var.alarm_period_seconds
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
  tags                = local.tags
}

resource "aws_cloudwatch_metric_alarm" "queue_message_age" {
  for_each = local.edges

  alarm_name          = "${each.value.queue}-message-age"
  alarm_description   = "Oldest message in ${each.value.queue} older than ${var.max_message_age_seconds} s: ${each.value.consumer} is not keeping up with ${each.value.producer}. Runbook: ${var.runbook_base_url}/queue-message-age.md"
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateAgeOfOldestMessage"
  dimensions          = { QueueName = aws_sqs_queue.this[each.key].name }
  statistic           = "Maximum"
  period              = var.alarm_period_seconds
  evaluation_periods  = var.alarm_evaluation_periods
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.max_message_age_seconds
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
  tags                = local.tags
}
