# prod: a NAT gateway per AZ, Multi-AZ Aurora, bigger on-demand nodes, deletion protection everywhere,
# DR switches (Aurora Global Database, DynamoDB global tables) as variables: docs/dr.md.
# Everything else is the platform module (../../modules/platform), the same in every environment.

locals {
  environment = "prod"
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

module "platform" {
  source = "../../modules/platform"
  providers = {
    aws           = aws
    aws.us_east_1 = aws.us_east_1
  }

  environment        = local.environment
  azs                = var.azs
  vpc_cidr           = var.vpc_cidr
  nat_gateway_per_az = true

  node_groups = {
    default = {
      instance_types = ["m6i.xlarge", "m6a.xlarge"]
      capacity_type  = "ON_DEMAND"
      min_size       = 3
      max_size       = 12
      desired_size   = 3
    }
  }

  multi_az                 = true
  deletion_protection      = true
  force_destroy            = false
  backup_retention_days    = 14
  aurora_instance_class    = "db.r7g.large"
  aurora_global_database   = var.aurora_global_database
  dynamodb_replica_regions = var.dynamodb_replica_regions

  admin_principal_arns    = var.admin_principal_arns
  api_public_access_cidrs = var.api_public_access_cidrs
  argocd_bootstrap        = var.argocd_bootstrap

  domain_name            = var.domain_name
  zone_id                = var.zone_id
  api_origin_domain_name = var.api_origin_domain_name
  alarm_emails           = var.alarm_emails
  ses_identity_arns      = var.ses_identity_arns
  auth_email             = var.auth_email
}
