output "role_arns" {
  description = "IAM role ARN by service: the eks.amazonaws.com/role-arn annotation of its service account (Helm values)."
  value       = { for service, role in aws_iam_role.service : service => role.arn }
}

output "role_names" {
  description = "IAM role name by service."
  value       = { for service, role in aws_iam_role.service : service => role.name }
}

output "platform_role_arns" {
  description = "IAM role ARN by platform add-on (keda, external-secrets, aws-load-balancer-controller, otel-collector, grafana)."
  value       = { for name, role in aws_iam_role.platform : name => role.arn }
}

output "policies" {
  description = "By service: the policy statements granted (for review and tests)."
  value       = local.statements
}
