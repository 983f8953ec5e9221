output "alarm_topic_arn" {
  description = "ARN of the SNS topic every alarm notifies (pass to the messaging module's alarm_actions)."
  value       = aws_sns_topic.alarms.arn
}

output "dashboard_name" {
  description = "Name of the CloudWatch dashboard."
  value       = aws_cloudwatch_dashboard.this.dashboard_name
}

output "slo_alarm_names" {
  description = "Names of the composite alarms of the SLOs (one per burn alert, SLO and service)."
  value       = [for a in aws_cloudwatch_composite_alarm.slo : a.alarm_name]
}
