# Test root: the messaging module against an AWS emulator (moto), or planned offline when endpoint is null.
# Used by the tests in ../../java; state goes where -backend-config=path=... says (under target/).

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
  description = "AWS emulator endpoint (http://127.0.0.1:<port>); null plans without calling any API."
  type        = string
  default     = null
}

variable "environment" {
  description = "Environment name: unique per test run."
  type        = string
}

variable "topology_file" {
  description = "Topology file the module reads."
  type        = string
}

variable "archive_enabled" {
  description = "Create the SNS -> Firehose -> S3 archive."
  type        = bool
  default     = false
}

provider "aws" {
  region                      = "us-east-1"
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  s3_use_path_style           = true

  endpoints {
    cloudwatch = var.endpoint
    dynamodb   = var.endpoint
    firehose   = var.endpoint
    iam        = var.endpoint
    s3         = var.endpoint
    sns        = var.endpoint
    sqs        = var.endpoint
    sts        = var.endpoint
  }
}

module "messaging" {
  source = "../../../../modules/messaging"

  environment           = var.environment
  topology_file         = var.topology_file
  archive_enabled       = var.archive_enabled
  archive_force_destroy = true
}

output "topic_arns" {
  description = "SNS topic ARN by producer."
  value       = module.messaging.topic_arns
}

output "queue_urls" {
  description = "SQS queue URL by queue name."
  value       = module.messaging.queue_urls
}

output "dlq_urls" {
  description = "DLQ URL by DLQ name."
  value       = module.messaging.dlq_urls
}
