# Test root: the data module planned offline (no endpoint, no API call) for a given data-schema.yaml.
# Used by DataSchemaPlanTests; state goes where -backend-config=path=... says (under target/).

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

variable "environment" {
  description = "Environment name: unique per test run."
  type        = string
}

variable "data_schema_file" {
  description = "Data schema file the module reads."
  type        = string
}

provider "aws" {
  region                      = "us-east-1"
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
}

module "data" {
  source = "../../../../modules/data"

  name             = "emporium-${var.environment}"
  environment      = var.environment
  vpc_id           = "vpc-00000000000000000"
  subnet_ids       = ["subnet-00000000000000001", "subnet-00000000000000002"]
  data_schema_file = var.data_schema_file
}

output "database_bootstrap_sql" {
  description = "The SQL that creates the databases."
  value       = module.data.database_bootstrap_sql
}
