# The state backend of every other root, applied once per account by a person with administrator credentials,
# before anything else (its own state is local until then; see README.md "Bootstrap").

locals {
  tags = { "emporium:managed-by" = "terraform", "emporium:root" = "bootstrap" }
}

provider "aws" {
  region = var.region
  default_tags {
    tags = local.tags
  }
}

data "aws_caller_identity" "current" {}

module "state_backend" {
  source = "../modules/state-backend"

  bucket_name     = coalesce(var.state_bucket, "emporium-terraform-state-${data.aws_caller_identity.current.account_id}")
  lock_table_name = var.lock_table
}
