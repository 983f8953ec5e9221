# Test root: the edge module planned offline (no endpoint, no API call: the module looks nothing up). Used by
# EdgePlanTests; state goes where -backend-config=path=... says (under target/).

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

variable "origin_verify_header_value" {
  description = "Value of the secret origin header (a test value)."
  type        = string
  sensitive   = true
}

provider "aws" {
  region                      = "us-east-1"
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

module "edge" {
  source = "../../../../modules/edge"

  name                       = "emporium-plan"
  domain_name                = "shop.example.test"
  zone_id                    = "Z0000000000000000000"
  api_origin_domain_name     = "api-origin.shop.example.test"
  origin_verify_header_value = var.origin_verify_header_value
  connect_sources            = ["https://cognito-idp.eu-west-1.amazonaws.com", "https://emporium-plan.auth.eu-west-1.amazoncognito.com"]
  spa_config = {
    region     = "eu-west-1"
    userPoolId = "eu-west-1_AbCdEfGhI"
    clientId   = "1example23456789abcdefghij"
    authDomain = "emporium-plan.auth.eu-west-1.amazoncognito.com"
  }
}
