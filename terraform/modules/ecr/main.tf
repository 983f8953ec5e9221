# One repository per service, emporium/<service>: the images Jib pushes from main (tag = the git sha), scanned on
# push, tags immutable (a sha names one image forever), and a lifecycle policy that keeps what may still run.
#
# What prod runs survives any clean-up: promoting a sha to prod (the merged values-prod.yaml pull request) adds a
# second tag, <prod_tag_prefix><sha>, to the same image (ECR allows a new tag on an existing image; immutability
# only forbids moving a tag). Rule 1 selects every image carrying that prefix and expires none of them in practice
# (it would start beyond 9999), and ECR never lets a lower-priority rule expire an image a higher one selected. So
# rules 2 and 3 (untagged images after a day, then everything but the newest keep_last_images) reach only images
# prod never ran. The image's SBOM attestation (cosign 3: an untagged OCI referrer of it) is tagged
# <prod_tag_prefix><sha>.att-<12 hex> by the same step (pipeline/bin/protect-prod-images), so rule 1 keeps it too.

locals {
  tags = merge({ "emporium:component" = "ecr" }, var.tags)

  lifecycle_policy = jsonencode({
    rules = [
      {
        rulePriority = 1
        description  = "Keep every image prod has run (tagged ${var.prod_tag_prefix}<sha> at promotion)"
        selection = {
          tagStatus     = "tagged"
          tagPrefixList = [var.prod_tag_prefix]
          countType     = "imageCountMoreThan"
          countNumber   = 9999
        }
        action = { type = "expire" }
      },
      {
        rulePriority = 2
        description  = "Expire untagged images (interrupted pushes) after ${var.untagged_expiry_days} day(s)"
        selection = {
          tagStatus   = "untagged"
          countType   = "sinceImagePushed"
          countUnit   = "days"
          countNumber = var.untagged_expiry_days
        }
        action = { type = "expire" }
      },
      {
        rulePriority = 3
        description  = "Keep the newest ${var.keep_last_images} other images"
        selection = {
          tagStatus   = "any"
          countType   = "imageCountMoreThan"
          countNumber = var.keep_last_images
        }
        action = { type = "expire" }
      },
    ]
  })
}

resource "aws_ecr_repository" "service" {
  for_each = toset(var.services)

  name                 = "${var.repository_prefix}/${each.key}"
  image_tag_mutability = "IMMUTABLE"
  force_delete         = var.force_delete

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = var.kms_key_arn == null ? "AES256" : "KMS"
    kms_key         = var.kms_key_arn
  }

  tags = merge(local.tags, { "emporium:service" = each.key })
}

resource "aws_ecr_lifecycle_policy" "service" {
  for_each = aws_ecr_repository.service

  repository = each.value.name
  policy     = local.lifecycle_policy
}
