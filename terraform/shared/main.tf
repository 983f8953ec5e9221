# What the account's environments share: the image registry (one repository per service; dev and prod run the
# same images, promoted by tag) and the identity of CI (GitHub OIDC, a role per job kind). Applied by a person
# with administrator credentials: CI plans it on pull requests but cannot change its own roles (docs/gitops.md).

locals {
  tags = { "emporium:managed-by" = "terraform", "emporium:root" = "shared" }

  # The services are the charts Argo CD deploys: every helm/<service> folder with a values-dev.yaml, the same
  # folders the ApplicationSet generates Applications from. A new chart gets its repository with no edit here.
  services = sort([for f in fileset("${path.root}/../../helm", "*/values-dev.yaml") : dirname(f)])
}

provider "aws" {
  region = var.region
  default_tags {
    tags = local.tags
  }
}

data "aws_caller_identity" "current" {}

module "ecr" {
  source = "../modules/ecr"

  services         = local.services
  keep_last_images = var.keep_last_images
}

module "ci_identity" {
  source = "../modules/ci-identity"

  github_repository   = var.github_repository
  environments        = var.environments
  ecr_repository_arns = values(module.ecr.repository_arns)
  state_bucket        = coalesce(var.state_bucket, "emporium-terraform-state-${data.aws_caller_identity.current.account_id}")
  lock_table          = var.lock_table
  distribution_ids    = var.distribution_ids
}
