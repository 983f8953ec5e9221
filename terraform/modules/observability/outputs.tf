output "alarm_topic_arn" {
  description = "ARN of the SNS topic every alarm notifies (pass to the messaging module's alarm_actions)."
  value       = aws_sns_topic.alarms.arn
}

output "dashboard_name" {
  description = "Name of the CloudWatch dashboard."
  value       = aws_cloudwatch_dashboard.this.dashboard_name
}
