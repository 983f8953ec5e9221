# The whole platform of one environment: the modules wired together. An environment root calls it once with its
# own values (envs/<env>/main.tf); everything that does not differ between environments is decided here.
#
# Paths are relative to the environment root (path.root = terraform/envs/<env>), as before this module existed.

data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  name = "emporium-${var.environment}"
}

module "network" {
  source = "../network"

  name               = local.name
  cidr               = var.vpc_cidr
  azs                = var.azs
  nat_gateway_per_az = var.nat_gateway_per_az
  cluster_name       = local.name
}

module "eks" {
  source = "../eks"

  cluster_name           = local.name
  vpc_id                 = module.network.vpc_id
  subnet_ids             = module.network.private_subnet_ids
  endpoint_public_access = length(var.api_public_access_cidrs) > 0
  public_access_cidrs    = var.api_public_access_cidrs
  admin_principal_arns   = var.admin_principal_arns
  argocd_bootstrap       = var.argocd_bootstrap
  argocd_bootstrap_path  = "${path.root}/../../../argocd/bootstrap/${var.environment}/root.yaml"
  node_groups            = var.node_groups
}

module "data" {
  source = "../data"

  name                     = local.name
  environment              = var.environment
  vpc_id                   = module.network.vpc_id
  subnet_ids               = module.network.private_subnet_ids
  allowed_security_groups  = { eks_cluster = module.eks.cluster_security_group_id }
  multi_az                 = var.multi_az
  deletion_protection      = var.deletion_protection
  backup_retention_days    = var.backup_retention_days
  instance_class           = var.aurora_instance_class
  serverless_max_capacity  = var.aurora_serverless_max_capacity
  global_database          = var.aurora_global_database
  dynamodb_replica_regions = var.dynamodb_replica_regions
  data_schema_file         = "${path.root}/../../../events-schema/data-schema.yaml"
}

module "messaging" {
  source = "../messaging"

  environment           = var.environment
  topology_file         = "${path.root}/../../../events-schema/topology.yaml"
  alarm_actions         = [module.observability.alarm_topic_arn]
  archive_force_destroy = var.force_destroy
}

# The payment service provider's merchant key (ADR 0010): Terraform creates the secret, never its value. An
# operator puts it once (aws secretsmanager put-secret-value --secret-id emporium/<env>/payment/provider
# --secret-string '{"apiKey":"..."}'); External Secrets hands it to the payment chart (secretEnv).
resource "aws_secretsmanager_secret" "payment_provider" {
  name        = "emporium/${var.environment}/payment/provider"
  description = "The payment service provider's API key of the ${var.environment} shop (JSON: apiKey)"
  tags        = { "emporium:service" = "payment" }
}

module "service_iam" {
  source = "../service-iam"

  environment                 = var.environment
  oidc_provider_arn           = module.eks.oidc_provider_arn
  oidc_issuer                 = module.eks.oidc_issuer
  topic_arns                  = module.messaging.topic_arns
  consumer_queue_arns         = module.messaging.consumer_queue_arns
  consumer_dlq_arns           = module.messaging.consumer_dlq_arns
  dead_letter_audit_table_arn = module.data.dead_letter_audit_table_arn
  dynamodb_table_arns         = module.data.dynamodb_tables_by_owner
  database_secret_arns        = module.data.database_secret_arns
  aurora_cluster_resource_id  = module.data.cluster_resource_id
  external_secret_arns        = [aws_secretsmanager_secret.payment_provider.arn]
  ses_sender_services         = length(var.ses_identity_arns) > 0 ? { notification = var.ses_identity_arns } : {}
}

module "observability" {
  source = "../observability"

  environment  = var.environment
  queue_names  = keys(module.messaging.queue_urls)
  dlq_names    = keys(module.messaging.dlq_urls)
  topic_names  = values(module.messaging.topic_names)
  alarm_emails = var.alarm_emails
}

# Shoppers' accounts: the user pool, the SPA's app client, the admins group, the Hosted UI.
module "identity" {
  source = "../identity"

  name                   = local.name
  shop_domain_name       = var.domain_name
  deletion_protection    = var.deletion_protection
  ses_email_identity_arn = var.auth_email == null ? null : var.auth_email.identity_arn
  from_email_address     = var.auth_email == null ? null : var.auth_email.from
}

# The front door of the cluster: its ALB admits CloudFront only (prefix list + secret origin header), HTTPS only.
module "ingress" {
  source = "../ingress"

  name                        = local.name
  environment                 = var.environment
  vpc_id                      = module.network.vpc_id
  vpc_cidr                    = module.network.vpc_cidr
  api_origin_domain_name      = var.api_origin_domain_name
  zone_id                     = var.zone_id
  secret_recovery_window_days = var.deletion_protection ? 30 : 0
}

# CloudFront certificates and web ACLs live in us-east-1.
module "edge" {
  source = "../edge"
  providers = {
    aws = aws.us_east_1
  }

  name                       = local.name
  domain_name                = var.domain_name
  zone_id                    = var.zone_id
  api_origin_domain_name     = var.api_origin_domain_name
  origin_verify_header_name  = module.ingress.origin_header_name
  origin_verify_header_value = module.ingress.origin_header_value
  spa_config                 = module.identity.spa_config
  connect_sources            = ["https://cognito-idp.${module.identity.region}.amazonaws.com", "https://${module.identity.auth_domain}"]
  force_destroy              = var.force_destroy
}
