# dev: one NAT gateway, single-instance Aurora Serverless v2, small Spot nodes, nothing protected from deletion.
# Everything else is the platform module (../../modules/platform), the same in every environment.

locals {
  environment = "dev"
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
  nat_gateway_per_az = false

  node_groups = {
    default = {
      instance_types = ["t3.large", "t3a.large"]
      capacity_type  = "SPOT"
      min_size       = 2
      max_size       = 4
      desired_size   = 2
    }
  }

  multi_az                       = false
  deletion_protection            = false
  force_destroy                  = true
  backup_retention_days          = 1
  aurora_serverless_max_capacity = 4

  admin_principal_arns    = var.admin_principal_arns
  api_public_access_cidrs = var.api_public_access_cidrs
  argocd_bootstrap        = var.argocd_bootstrap

  domain_name            = var.domain_name
  zone_id                = var.zone_id
  api_origin_domain_name = var.api_origin_domain_name
  alarm_emails           = var.alarm_emails
  ses_identity_arns      = var.ses_identity_arns
}
