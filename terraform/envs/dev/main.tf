# dev: one NAT gateway, single-instance Aurora Serverless v2, small Spot nodes, nothing protected from deletion.

locals {
  environment = "dev"
  name        = "emporium-${local.environment}"
  tags        = { "emporium:environment" = local.environment, "emporium:managed-by" = "terraform" }
}

provider "aws" {
  region = var.region
  default_tags {
    tags = local.tags
  }
}

# CloudFront certificates and web ACLs live in us-east-1.
provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"
  default_tags {
    tags = local.tags
  }
}

module "network" {
  source = "../../modules/network"

  name               = local.name
  cidr               = var.vpc_cidr
  azs                = var.azs
  nat_gateway_per_az = false
  cluster_name       = local.name
}

module "eks" {
  source = "../../modules/eks"

  cluster_name           = local.name
  vpc_id                 = module.network.vpc_id
  subnet_ids             = module.network.private_subnet_ids
  endpoint_public_access = length(var.api_public_access_cidrs) > 0
  public_access_cidrs    = var.api_public_access_cidrs
  admin_principal_arns   = var.admin_principal_arns
  argocd_bootstrap       = var.argocd_bootstrap
  argocd_bootstrap_path  = "${path.root}/../../../argocd/bootstrap/${local.environment}/root.yaml"

  node_groups = {
    default = {
      instance_types = ["t3.large", "t3a.large"]
      capacity_type  = "SPOT"
      min_size       = 2
      max_size       = 4
      desired_size   = 2
    }
  }
}

module "data" {
  source = "../../modules/data"

  name                       = local.name
  environment                = local.environment
  vpc_id                     = module.network.vpc_id
  subnet_ids                 = module.network.private_subnet_ids
  allowed_security_group_ids = [module.eks.cluster_security_group_id]
  multi_az                   = false
  deletion_protection        = false
  backup_retention_days      = 1
  serverless_max_capacity    = 4
}

module "messaging" {
  source = "../../modules/messaging"

  environment           = local.environment
  topology_file         = "${path.root}/../../../events-schema/topology.yaml"
  alarm_actions         = [module.observability.alarm_topic_arn]
  archive_force_destroy = true
}

module "service_iam" {
  source = "../../modules/service-iam"

  environment                = local.environment
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
  source = "../../modules/observability"

  environment  = local.environment
  queue_names  = keys(module.messaging.queue_urls)
  dlq_names    = keys(module.messaging.dlq_urls)
  topic_names  = values(module.messaging.topic_names)
  alarm_emails = var.alarm_emails
}

module "edge" {
  source = "../../modules/edge"
  providers = {
    aws = aws.us_east_1
  }

  name                   = local.name
  domain_name            = var.domain_name
  zone_id                = var.zone_id
  api_origin_domain_name = var.api_origin_domain_name
  force_destroy          = true
}
