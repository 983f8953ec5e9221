# The whole platform of one environment: the modules wired together. An environment root calls it once with its
# own values (envs/<env>/main.tf); everything that does not differ between environments is decided here.
#
# Paths are relative to the environment root (path.root = terraform/envs/<env>), as before this module existed.

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

module "service_iam" {
  source = "../service-iam"

  environment                = var.environment
  oidc_provider_arn          = module.eks.oidc_provider_arn
  oidc_issuer                = module.eks.oidc_issuer
  topic_arns                 = module.messaging.topic_arns
  consumer_queue_arns        = module.messaging.consumer_queue_arns
  dynamodb_table_arns        = module.data.dynamodb_tables_by_owner
  database_secret_arns       = module.data.database_secret_arns
  aurora_cluster_resource_id = module.data.cluster_resource_id
  ses_sender_services        = length(var.ses_identity_arns) > 0 ? { notification = var.ses_identity_arns } : {}
}

module "observability" {
  source = "../observability"

  environment  = var.environment
  queue_names  = keys(module.messaging.queue_urls)
  dlq_names    = keys(module.messaging.dlq_urls)
  topic_names  = values(module.messaging.topic_names)
  alarm_emails = var.alarm_emails
}

# CloudFront certificates and web ACLs live in us-east-1.
module "edge" {
  source = "../edge"
  providers = {
    aws = aws.us_east_1
  }

  name                   = local.name
  domain_name            = var.domain_name
  zone_id                = var.zone_id
  api_origin_domain_name = var.api_origin_domain_name
  force_destroy          = var.force_destroy
}
