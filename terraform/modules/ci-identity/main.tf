# GitHub Actions reaches AWS through OIDC: no long-lived key anywhere. Each job kind assumes its own role, and each
# role trusts only the tokens of this repository whose `sub` claim names that job kind's context:
#
#   role                       sub claim (GitHub sets it; a workflow cannot choose it)   may
#   <prefix>-image-push        repo:<repo>:ref:refs/heads/main                           push to the service repositories
#   <prefix>-terraform-plan    repo:<repo>:pull_request                                  read (ReadOnlyAccess less data reads)
#   <prefix>-terraform-apply-E repo:<repo>:environment:terraform-E                       change environment E and its state
#   <prefix>-web-deploy-E      repo:<repo>:environment:web-E                             upload E's SPA, invalidate CloudFront
#
# A job that names a GitHub environment gets `environment:<name>` as its sub, whatever branch it runs on: "apply
# only from main behind an approval" is the environment's own protection (deployment branches: main only;
# required reviewers for prod), configured in GitHub (docs/gitops.md), and the role trusts nothing else. The `aud`
# claim must be sts.amazonaws.com (aws-actions/configure-aws-credentials asks for it).

data "aws_partition" "current" {}
data "aws_caller_identity" "current" {}

locals {
  tags       = merge({ "emporium:component" = "ci-identity" }, var.tags)
  arn        = "arn:${data.aws_partition.current.partition}"
  account    = data.aws_caller_identity.current.account_id
  issuer     = "token.actions.githubusercontent.com"
  repository = "repo:${var.github_repository}"

  oidc_provider_arn = var.create_oidc_provider ? aws_iam_openid_connect_provider.github[0].arn : var.oidc_provider_arn

  # Every role: its trusted sub claims.
  roles = merge(
    {
      "image-push"     = ["${local.repository}:ref:refs/heads/main"]
      "terraform-plan" = ["${local.repository}:pull_request"]
    },
    { for env in var.environments : "terraform-apply-${env}" => ["${local.repository}:environment:terraform-${env}"] },
    { for env in var.environments : "web-deploy-${env}" => ["${local.repository}:environment:web-${env}"] },
  )

  state_bucket_arn = "${local.arn}:s3:::${var.state_bucket}"
  lock_table_arn   = "${local.arn}:dynamodb:*:${local.account}:table/${var.lock_table}"
}

resource "aws_iam_openid_connect_provider" "github" {
  count = var.create_oidc_provider ? 1 : 0

  url            = "https://${local.issuer}"
  client_id_list = ["sts.amazonaws.com"]
  # AWS trusts GitHub's certificate through its own root CAs; the thumbprint is kept for older tooling.
  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1", "1c58a3a8518e8759bf075b76b750d4f2df264fcd"]
  tags            = local.tags
}

data "aws_iam_policy_document" "trust" {
  for_each = local.roles

  statement {
    sid     = "GitHubActions"
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [local.oidc_provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.issuer}:sub"
      values   = each.value
    }
  }
}

resource "aws_iam_role" "ci" {
  for_each = local.roles

  name                 = "${var.name_prefix}-${each.key}"
  description          = "GitHub Actions ${each.key} of ${var.github_repository} (OIDC, sub: ${join(", ", each.value)})"
  assume_role_policy   = data.aws_iam_policy_document.trust[each.key].json
  max_session_duration = 3600
  tags                 = merge(local.tags, { "emporium:ci-job" = each.key })
}
