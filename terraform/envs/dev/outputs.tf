output "cluster_name" {
  description = "EKS cluster name (aws eks update-kubeconfig --name ...)."
  value       = module.platform.cluster_name
}

output "argocd_bootstrap_command" {
  description = "The one-off Argo CD bootstrap, run from the repository root."
  value       = module.platform.argocd_bootstrap_command
}

output "service_role_arns" {
  description = "IRSA role ARN by service (Helm values-dev.yaml serviceAccount annotation)."
  value       = module.platform.service_role_arns
}

output "platform_role_arns" {
  description = "IRSA role ARN by platform add-on (KEDA, External Secrets, AWS Load Balancer Controller, OpenTelemetry collector)."
  value       = module.platform.platform_role_arns
}

output "topic_arns" {
  description = "SNS topic ARN by producer."
  value       = module.platform.topic_arns
}

output "queue_urls" {
  description = "SQS queue URL by queue name."
  value       = module.platform.queue_urls
}

output "database_secret_names" {
  description = "Secrets Manager secret with the database connection details, by service (ExternalSecret keys)."
  value       = module.platform.database_secret_names
}

output "database_bootstrap_sql" {
  description = "One-off SQL creating a database and an IAM-auth role per service."
  value       = module.platform.database_bootstrap_sql
}

output "dynamodb_table_names" {
  description = "DynamoDB table name by logical name."
  value       = module.platform.dynamodb_table_names
}

output "spa_bucket" {
  description = "S3 bucket the SPA build is uploaded to."
  value       = module.platform.spa_bucket
}

output "distribution_id" {
  description = "CloudFront distribution to invalidate after an SPA deploy."
  value       = module.platform.distribution_id
}

output "url" {
  description = "Public URL of the shop."
  value       = module.platform.url
}

output "identity" {
  description = "The user pool the services trust and the SPA signs in with: region, user_pool_id, client_id, issuer, auth_domain (Hosted UI)."
  value       = module.platform.identity
}

output "ingress" {
  description = "What the services' Ingress annotations name: the ALB's security group, web ACL and certificate."
  value       = module.platform.ingress
}

output "helm_environment_values" {
  description = "The values of helm/environments/<env>.yaml that come from this environment's resources (terraform output -raw helm_environment_values)."
  value       = module.platform.helm_environment_values
}
