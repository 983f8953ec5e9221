# Test root: the identity and ingress modules applied to an AWS emulator (moto), in a VPC of their own. Used by
# AccessModulesIntegrationTests; state goes where -backend-config=path=... says (under target/).

terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }

  backend "local" {}
}

variable "endpoint" {
  description = "AWS emulator endpoint (http://127.0.0.1:<port>)."
  type        = string
}

variable "environment" {
  description = "Environment name: unique per test run."
  type        = string
}

provider "aws" {
  region                      = "eu-west-1"
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_metadata_api_check     = true

  endpoints {
    cognitoidp     = var.endpoint
    ec2            = var.endpoint
    secretsmanager = var.endpoint
    sts            = var.endpoint
    wafv2          = var.endpoint
  }
}

resource "aws_vpc" "test" {
  cidr_block = "10.99.0.0/16"
}

module "identity" {
  source = "../../../../modules/identity"

  name             = "emporium-${var.environment}"
  shop_domain_name = "${var.environment}.shop.example.test"
}

module "ingress" {
  source = "../../../../modules/ingress"

  name                        = "emporium-${var.environment}"
  environment                 = var.environment
  vpc_id                      = aws_vpc.test.id
  vpc_cidr                    = aws_vpc.test.cidr_block
  api_origin_domain_name      = "api-origin.${var.environment}.shop.example.test"
  zone_id                     = "Z0000000000000000000"
  certificate_arn             = "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-4000-8000-000000000000"
  secret_recovery_window_days = 0
}

output "spa_config" {
  description = "The identity module's config.json document."
  value       = module.identity.spa_config
}

output "issuer" {
  description = "Issuer of the pool's tokens."
  value       = module.identity.issuer
}

output "security_group_id" {
  description = "The ALB's security group."
  value       = module.ingress.security_group_id
}

output "web_acl_arn" {
  description = "The ALB's web ACL."
  value       = module.ingress.web_acl_arn
}

output "origin_secret_arn" {
  description = "The origin header's secret."
  value       = module.ingress.origin_secret_arn
}

output "cloudfront_prefix_list_id" {
  description = "The CloudFront origin-facing prefix list."
  value       = module.ingress.cloudfront_prefix_list_id
}
