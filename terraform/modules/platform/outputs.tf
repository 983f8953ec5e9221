output "cluster_name" {
  description = "EKS cluster name (aws eks update-kubeconfig --name ...)."
  value       = module.eks.cluster_name
}

output "argocd_bootstrap_command" {
  description = "The one-off Argo CD bootstrap, run from the repository root."
  value       = module.eks.argocd_bootstrap_command
}

output "service_role_arns" {
  description = "IRSA role ARN by service (Helm values-<env>.yaml serviceAccount annotation)."
  value       = module.service_iam.role_arns
}

output "platform_role_arns" {
  description = "IRSA role ARN by platform add-on (KEDA, External Secrets, AWS Load Balancer Controller, OpenTelemetry collector)."
  value       = module.service_iam.platform_role_arns
}

output "topic_arns" {
  description = "SNS topic ARN by producer."
  value       = module.messaging.topic_arns
}

output "queue_urls" {
  description = "SQS queue URL by queue name."
  value       = module.messaging.queue_urls
}

output "database_secret_names" {
  description = "Secrets Manager secret with the database connection details, by service (ExternalSecret keys)."
  value       = module.data.database_secret_names
}

output "database_bootstrap_sql" {
  description = "One-off SQL creating a database and an IAM-auth role per service."
  value       = module.data.database_bootstrap_sql
}

output "dynamodb_table_names" {
  description = "DynamoDB table name by logical name."
  value       = module.data.dynamodb_table_names
}

output "spa_bucket" {
  description = "S3 bucket the SPA build is uploaded to."
  value       = module.edge.spa_bucket
}

output "distribution_id" {
  description = "CloudFront distribution to invalidate after an SPA deploy."
  value       = module.edge.distribution_id
}

output "url" {
  description = "Public URL of the shop."
  value       = module.edge.url
}
