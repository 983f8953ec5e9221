output "topic_arns" {
  description = "SNS topic ARN by producer."
  value       = { for producer, topic in aws_sns_topic.this : producer => topic.arn }
}

output "topic_names" {
  description = "SNS topic name by producer."
  value       = { for producer, topic in aws_sns_topic.this : producer => topic.name }
}

output "queue_urls" {
  description = "SQS queue URL by queue name (consumer queues only)."
  value       = { for queue in aws_sqs_queue.this : queue.name => queue.url }
}

output "queue_arns" {
  description = "SQS queue ARN by queue name (consumer queues only)."
  value       = { for queue in aws_sqs_queue.this : queue.name => queue.arn }
}

output "dlq_urls" {
  description = "Dead-letter queue URL by DLQ name."
  value       = { for queue in aws_sqs_queue.dlq : queue.name => queue.url }
}

output "dlq_arns" {
  description = "Dead-letter queue ARN by DLQ name."
  value       = { for queue in aws_sqs_queue.dlq : queue.name => queue.arn }
}

output "consumer_queue_arns" {
  description = "By consuming service: the ARNs of the queues it receives from (the input of service-iam)."
  value = {
    for consumer in distinct([for edge in local.edges : edge.consumer]) : consumer => [
      for key, edge in local.edges : aws_sqs_queue.this[key].arn if edge.consumer == consumer
    ]
  }
}

output "consumer_dlq_arns" {
  description = "By consuming service: the ARNs of its dead-letter queues (its admin API replays them; service-iam)."
  value = {
    for consumer in distinct([for edge in local.edges : edge.consumer]) : consumer => [
      for key, edge in local.edges : aws_sqs_queue.dlq[key].arn if edge.consumer == consumer
    ]
  }
}

output "edges" {
  description = "Every consumer x producer edge: its topic, queue, DLQ and the wire types of its filter policy."
  value = {
    for key, edge in local.edges : key => {
      consumer = edge.consumer
      producer = edge.producer
      topic    = try(local.topics[edge.producer].name, null)
      queue    = edge.queue
      dlq      = edge.dlq
      types    = edge.types
    }
  }
}

output "subscription_arns" {
  description = "SNS subscription ARN by edge key (<consumer>-from-<producer>)."
  value       = { for key, sub in aws_sns_topic_subscription.this : key => sub.arn }
}

output "alarm_names" {
  description = "Names of the DLQ-depth and message-age alarms (for the dashboard)."
  value       = concat([for a in aws_cloudwatch_metric_alarm.dlq_not_empty : a.alarm_name], [for a in aws_cloudwatch_metric_alarm.queue_message_age : a.alarm_name])
}

output "archive_bucket" {
  description = "Name of the S3 bucket holding the event archive (null when the archive is disabled)."
  value       = var.archive_enabled ? aws_s3_bucket.archive[0].bucket : null
}

output "archive_delivery_stream_arns" {
  description = "Firehose delivery stream ARN by producer (empty when the archive is disabled)."
  value       = { for producer, stream in aws_kinesis_firehose_delivery_stream.archive : producer => stream.arn }
}
