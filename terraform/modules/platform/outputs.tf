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

output "identity" {
  description = "The user pool the services trust and the SPA signs in with: region, user_pool_id, client_id, issuer, auth_domain (Hosted UI)."
  value = {
    region       = module.identity.region
    user_pool_id = module.identity.user_pool_id
    client_id    = module.identity.client_id
    issuer       = module.identity.issuer
    auth_domain  = module.identity.auth_domain
  }
}

output "ingress" {
  description = "What the services' Ingress annotations name: the ALB's security group, web ACL and certificate."
  value = {
    security_group_id = module.ingress.security_group_id
    web_acl_arn       = module.ingress.web_acl_arn
    certificate_arn   = module.ingress.certificate_arn
  }
}

output "helm_environment_values" {
  description = "The values of helm/environments/<environment>.yaml that come from this environment's resources (YAML): account, region, identity, ALB source CIDRs, database CIDR, Ingress host, certificate, security group and web ACL."
  value = yamlencode({
    env = var.environment
    aws = {
      accountId = data.aws_caller_identity.current.account_id
      region    = data.aws_region.current.name
    }
    identity = {
      region     = module.identity.region
      userPoolId = module.identity.user_pool_id
      clientId   = module.identity.client_id
    }
    networkPolicy = {
      albSourceCidrs = module.network.public_subnet_cidrs
      databaseCidr   = module.network.vpc_cidr
    }
    ingress = {
      host            = var.api_origin_domain_name
      certificateArn  = module.ingress.certificate_arn
      securityGroupId = module.ingress.security_group_id
      wafAclArn       = module.ingress.web_acl_arn
    }
  })
}
