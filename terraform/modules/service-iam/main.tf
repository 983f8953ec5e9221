# One role per service, least privilege derived from the topology (through the messaging module's outputs):
# publish to its own topic only, receive/delete its own queues only, its own tables and database only.

data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  tags = merge({ "emporium:component" = "service-iam", "emporium:environment" = var.environment }, var.tags)
  arn  = "arn:${data.aws_partition.current.partition}"

  statements = {
    for service in var.services : service => concat(
      contains(keys(var.topic_arns), service) ? [{
        Sid      = "PublishOwnTopic"
        Effect   = "Allow"
        Action   = ["sns:Publish"]
        Resource = [var.topic_arns[service]]
      }] : [],
      length(lookup(var.consumer_queue_arns, service, [])) > 0 ? [{
        Sid      = "ConsumeOwnQueues"
        Effect   = "Allow"
        Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"]
        Resource = var.consumer_queue_arns[service]
      }] : [],
      var.sns_kms_key_arn != null && contains(keys(var.topic_arns), service) ? [{
        Sid      = "EncryptForOwnTopic"
        Effect   = "Allow"
        Action   = ["kms:GenerateDataKey", "kms:Decrypt"]
        Resource = [var.sns_kms_key_arn]
      }] : [],
      length(lookup(var.dynamodb_table_arns, service, [])) > 0 ? [{
        Sid    = "OwnTables"
        Effect = "Allow"
        Action = [
          "dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem",
          "dynamodb:DeleteItem", "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem", "dynamodb:DescribeTable",
        ]
        Resource = concat(var.dynamodb_table_arns[service], [for t in var.dynamodb_table_arns[service] : "${t}/index/*"])
      }] : [],
      contains(keys(var.database_secret_arns), service) ? [{
        Sid      = "OwnDatabaseSecret"
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
        Resource = [var.database_secret_arns[service]]
      }] : [],
      var.aurora_cluster_resource_id != null && contains(keys(var.database_secret_arns), service) ? [{
        Sid      = "ConnectAsOwnDatabaseUser"
        Effect   = "Allow"
        Action   = ["rds-db:connect"]
        Resource = ["${local.arn}:rds-db:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:dbuser:${var.aurora_cluster_resource_id}/${service}"]
      }] : [],
      contains(keys(var.ses_sender_services), service) ? [{
        Sid      = "SendEmail"
        Effect   = "Allow"
        Action   = ["ses:SendEmail", "ses:SendRawEmail"]
        Resource = var.ses_sender_services[service]
      }] : [],
    )
  }
}

data "aws_iam_policy_document" "irsa" {
  for_each = toset(var.services)

  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [var.oidc_provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${var.oidc_issuer}:sub"
      values   = ["system:serviceaccount:${var.namespace}:${each.key}"]
    }
    condition {
      test     = "StringEquals"
      variable = "${var.oidc_issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "service" {
  for_each = toset(var.services)

  name                 = "emporium-${var.environment}-${each.key}"
  description          = "The ${each.key} service (service account ${var.namespace}/${each.key})"
  assume_role_policy   = data.aws_iam_policy_document.irsa[each.key].json
  max_session_duration = 3600
  tags                 = merge(local.tags, { "emporium:service" = each.key })
}

resource "aws_iam_role_policy" "service" {
  for_each = { for service, statements in local.statements : service => statements if length(statements) > 0 }

  name   = "least-privilege"
  role   = aws_iam_role.service[each.key].id
  policy = jsonencode({ Version = "2012-10-17", Statement = each.value })
}

# Platform add-ons (installed by Argo CD) that read this environment's resources.

locals {
  all_queue_arns = distinct(flatten(values(var.consumer_queue_arns)))
  platform = var.platform_roles ? {
    keda = {
      service_account = "keda:keda-operator"
      statements = [{
        Sid      = "ReadQueueDepth"
        Effect   = "Allow"
        Action   = ["sqs:GetQueueAttributes"]
        Resource = local.all_queue_arns
      }]
    }
    external-secrets = {
      service_account = "external-secrets:external-secrets"
      statements = [{
        Sid      = "ReadDatabaseSecrets"
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
        Resource = length(var.database_secret_arns) > 0 ? values(var.database_secret_arns) : ["${local.arn}:secretsmanager:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:secret:emporium/${var.environment}/*"]
      }]
    }
  } : {}
}

resource "aws_iam_role" "platform" {
  for_each = local.platform

  name        = "emporium-${var.environment}-${each.key}"
  description = "Platform add-on ${each.key} (service account ${each.value.service_account})"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = var.oidc_provider_arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "${var.oidc_issuer}:sub" = "system:serviceaccount:${each.value.service_account}"
          "${var.oidc_issuer}:aud" = "sts.amazonaws.com"
        }
      }
    }]
  })
  tags = local.tags
}

resource "aws_iam_role_policy" "platform" {
  for_each = local.platform

  name   = "least-privilege"
  role   = aws_iam_role.platform[each.key].id
  policy = jsonencode({ Version = "2012-10-17", Statement = each.value.statements })
}
