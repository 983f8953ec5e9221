# One role per service, least privilege derived from the topology (through the messaging module's outputs):
# publish to its own topic only, receive/delete its own queues only, its own tables and database only.

data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  tags = merge({ "emporium:component" = "service-iam", "emporium:environment" = var.environment }, var.tags)
  arn  = "arn:${data.aws_partition.current.partition}"

  # What each service owns, decided from map keys and list lengths only, which are known at plan time even while
  # the ARNs are not: whether a service gets a policy at all (the for_each keys of aws_iam_role_policy.service)
  # depends on nothing else. The statements that also depend on sns_kms_key_arn or aurora_cluster_resource_id
  # (unknown until Aurora exists) come only with a topic or a database.
  owns = {
    for service in var.services : service => {
      topic    = contains(keys(var.topic_arns), service)
      queues   = length(lookup(var.consumer_queue_arns, service, [])) > 0
      dlqs     = length(lookup(var.consumer_dlq_arns, service, [])) > 0
      tables   = length(lookup(var.dynamodb_table_arns, service, [])) > 0
      database = contains(keys(var.database_secret_arns), service)
      email    = contains(keys(var.ses_sender_services), service)
    }
  }

  # flatten, not concat: statements differ in type (a Resource of one ARN or of several), which concat cannot join
  # once every ARN is known (Terraform 1.11: "panic in function implementation: inconsistent list element types").
  statements = {
    for service, owns in local.owns : service => flatten([
      # CreateTopic on its own topic only: it is how a service learns its topic's ARN from the topology name
      # (io.emporium.platform.messaging.TopicArns; idempotent, it returns the existing topic).
      owns.topic ? [{
        Sid      = "PublishOwnTopic"
        Effect   = "Allow"
        Action   = ["sns:Publish", "sns:CreateTopic"]
        Resource = [var.topic_arns[service]]
      }] : [],
      owns.queues ? [{
        Sid      = "ConsumeOwnQueues"
        Effect   = "Allow"
        Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"]
        Resource = var.consumer_queue_arns[service]
      }] : [],
      # The admin API (/api/<service>/admin/messages, admins only) replays and purges its own dead letters:
      # read, hold and delete them, move them back (send, or SQS's move task) into its own queues only.
      owns.dlqs ? [{
        Sid      = "ReplayOwnDeadLetters"
        Effect   = "Allow"
        Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:StartMessageMoveTask", "sqs:ListMessageMoveTasks", "sqs:CancelMessageMoveTask"]
        Resource = var.consumer_dlq_arns[service]
      }] : [],
      owns.dlqs && owns.queues ? [{
        Sid      = "ReplayIntoOwnQueues"
        Effect   = "Allow"
        Action   = ["sqs:SendMessage"]
        Resource = var.consumer_queue_arns[service]
      }] : [],
      owns.dlqs && var.dead_letter_audit_table_arn != null ? [{
        Sid      = "AppendDeadLetterAudit"
        Effect   = "Allow"
        Action   = ["dynamodb:PutItem", "dynamodb:Query"]
        Resource = [var.dead_letter_audit_table_arn]
      }] : [],
      var.sns_kms_key_arn != null && owns.topic ? [{
        Sid      = "EncryptForOwnTopic"
        Effect   = "Allow"
        Action   = ["kms:GenerateDataKey", "kms:Decrypt"]
        Resource = [var.sns_kms_key_arn]
      }] : [],
      owns.tables ? [{
        Sid    = "OwnTables"
        Effect = "Allow"
        # Item reads and writes only (TransactWriteItems is authorised per item as Put/Update/Delete/ConditionCheck);
        # tables are Terraform's: no DescribeTable, CreateTable or UpdateTimeToLive (the emulator-only provisioning).
        Action = [
          "dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
          "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem",
        ]
        Resource = concat(var.dynamodb_table_arns[service], [for t in var.dynamodb_table_arns[service] : "${t}/index/*"])
      }] : [],
      var.aurora_cluster_resource_id != null && owns.database ? [{
        Sid      = "ConnectAsOwnDatabaseUser"
        Effect   = "Allow"
        Action   = ["rds-db:connect"]
        Resource = ["${local.arn}:rds-db:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:dbuser:${var.aurora_cluster_resource_id}/${service}"]
      }] : [],
      owns.email ? [{
        Sid      = "SendEmail"
        Effect   = "Allow"
        Action   = ["ses:SendEmail"] # SESv2 SendEmail with simple content (SendRawEmail only for raw MIME)
        Resource = var.ses_sender_services[service]
      }] : [],
    ])
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
  for_each = { for service, owns in local.owns : service => local.statements[service] if anytrue(values(owns)) }

  name   = "least-privilege"
  role   = aws_iam_role.service[each.key].id
  policy = jsonencode({ Version = "2012-10-17", Statement = each.value })
}

# Platform add-ons (installed by Argo CD) that read this environment's resources.

locals {
  all_queue_arns = distinct(flatten(values(var.consumer_queue_arns)))
  platform = { for name, role in {
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
        Sid      = "ReadServiceSecrets"
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
        Resource = length(var.database_secret_arns) + length(var.external_secret_arns) > 0 ? concat(values(var.database_secret_arns), var.external_secret_arns) : ["${local.arn}:secretsmanager:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:secret:emporium/${var.environment}/*"]
      }]
    }
    # The AWS-published policy of the AWS Load Balancer Controller (kubernetes-sigs/aws-load-balancer-controller
    # docs/install/iam_policy.json, v2.14, chart 1.14.0 in argocd/apps/values.yaml), scoped as it is there:
    # writes only to security groups, load balancers and target groups tagged elbv2.k8s.aws/cluster.
    aws-load-balancer-controller = {
      service_account = "kube-system:aws-load-balancer-controller"
      statements = [
        {
          Sid       = "CreateElbServiceLinkedRole"
          Effect    = "Allow"
          Action    = ["iam:CreateServiceLinkedRole"]
          Resource  = "*"
          Condition = { StringEquals = { "iam:AWSServiceName" = "elasticloadbalancing.amazonaws.com" } }
        },
        {
          Sid    = "Describe"
          Effect = "Allow"
          Action = [
            "ec2:DescribeAccountAttributes", "ec2:DescribeAddresses", "ec2:DescribeAvailabilityZones",
            "ec2:DescribeInternetGateways", "ec2:DescribeVpcs", "ec2:DescribeVpcPeeringConnections",
            "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeInstances",
            "ec2:DescribeNetworkInterfaces", "ec2:DescribeTags", "ec2:GetCoipPoolUsage", "ec2:DescribeCoipPools",
            "ec2:GetSecurityGroupsForVpc", "ec2:DescribeIpamPools", "ec2:DescribeRouteTables",
            "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeLoadBalancerAttributes",
            "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeListenerCertificates",
            "elasticloadbalancing:DescribeSSLPolicies", "elasticloadbalancing:DescribeRules",
            "elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTargetGroupAttributes",
            "elasticloadbalancing:DescribeTargetHealth", "elasticloadbalancing:DescribeTags",
            "elasticloadbalancing:DescribeTrustStores", "elasticloadbalancing:DescribeListenerAttributes",
            "elasticloadbalancing:DescribeCapacityReservation",
          ]
          Resource = "*"
        },
        {
          Sid    = "CertificatesWafShield"
          Effect = "Allow"
          Action = [
            "cognito-idp:DescribeUserPoolClient", "acm:ListCertificates", "acm:DescribeCertificate",
            "iam:ListServerCertificates", "iam:GetServerCertificate",
            "waf-regional:GetWebACL", "waf-regional:GetWebACLForResource", "waf-regional:AssociateWebACL",
            "waf-regional:DisassociateWebACL", "wafv2:GetWebACL", "wafv2:GetWebACLForResource",
            "wafv2:AssociateWebACL", "wafv2:DisassociateWebACL", "shield:GetSubscriptionState",
            "shield:DescribeProtection", "shield:CreateProtection", "shield:DeleteProtection",
          ]
          Resource = "*"
        },
        {
          Sid      = "SecurityGroupIngress"
          Effect   = "Allow"
          Action   = ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress"]
          Resource = "*"
        },
        {
          Sid      = "CreateSecurityGroup"
          Effect   = "Allow"
          Action   = ["ec2:CreateSecurityGroup"]
          Resource = "*"
        },
        {
          Sid      = "TagNewSecurityGroup"
          Effect   = "Allow"
          Action   = ["ec2:CreateTags"]
          Resource = "${local.arn}:ec2:*:*:security-group/*"
          Condition = {
            StringEquals = { "ec2:CreateAction" = "CreateSecurityGroup" }
            Null         = { "aws:RequestTag/elbv2.k8s.aws/cluster" = "false" }
          }
        },
        {
          Sid      = "TagOwnSecurityGroups"
          Effect   = "Allow"
          Action   = ["ec2:CreateTags", "ec2:DeleteTags"]
          Resource = "${local.arn}:ec2:*:*:security-group/*"
          Condition = { Null = {
            "aws:RequestTag/elbv2.k8s.aws/cluster"  = "true"
            "aws:ResourceTag/elbv2.k8s.aws/cluster" = "false"
          } }
        },
        {
          Sid       = "ManageOwnSecurityGroups"
          Effect    = "Allow"
          Action    = ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress", "ec2:DeleteSecurityGroup"]
          Resource  = "*"
          Condition = { Null = { "aws:ResourceTag/elbv2.k8s.aws/cluster" = "false" } }
        },
        {
          Sid       = "CreateTaggedLoadBalancers"
          Effect    = "Allow"
          Action    = ["elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup"]
          Resource  = "*"
          Condition = { Null = { "aws:RequestTag/elbv2.k8s.aws/cluster" = "false" } }
        },
        {
          Sid    = "ListenersAndRules"
          Effect = "Allow"
          Action = [
            "elasticloadbalancing:CreateListener", "elasticloadbalancing:DeleteListener",
            "elasticloadbalancing:CreateRule", "elasticloadbalancing:DeleteRule",
          ]
          Resource = "*"
        },
        {
          Sid    = "TagOwnLoadBalancers"
          Effect = "Allow"
          Action = ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"]
          Resource = [
            "${local.arn}:elasticloadbalancing:*:*:targetgroup/*/*",
            "${local.arn}:elasticloadbalancing:*:*:loadbalancer/net/*/*",
            "${local.arn}:elasticloadbalancing:*:*:loadbalancer/app/*/*",
          ]
          Condition = { Null = {
            "aws:RequestTag/elbv2.k8s.aws/cluster"  = "true"
            "aws:ResourceTag/elbv2.k8s.aws/cluster" = "false"
          } }
        },
        {
          Sid    = "TagListenersAndRules"
          Effect = "Allow"
          Action = ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"]
          Resource = [
            "${local.arn}:elasticloadbalancing:*:*:listener/net/*/*/*",
            "${local.arn}:elasticloadbalancing:*:*:listener/app/*/*/*",
            "${local.arn}:elasticloadbalancing:*:*:listener-rule/net/*/*/*",
            "${local.arn}:elasticloadbalancing:*:*:listener-rule/app/*/*/*",
          ]
        },
        {
          Sid    = "ManageOwnLoadBalancers"
          Effect = "Allow"
          Action = [
            "elasticloadbalancing:ModifyLoadBalancerAttributes", "elasticloadbalancing:SetIpAddressType",
            "elasticloadbalancing:SetSecurityGroups", "elasticloadbalancing:SetSubnets",
            "elasticloadbalancing:DeleteLoadBalancer", "elasticloadbalancing:ModifyTargetGroup",
            "elasticloadbalancing:ModifyTargetGroupAttributes", "elasticloadbalancing:DeleteTargetGroup",
            "elasticloadbalancing:ModifyListenerAttributes", "elasticloadbalancing:ModifyCapacityReservation",
            "elasticloadbalancing:ModifyIpPools",
          ]
          Resource  = "*"
          Condition = { Null = { "aws:ResourceTag/elbv2.k8s.aws/cluster" = "false" } }
        },
        {
          Sid    = "TagOnCreate"
          Effect = "Allow"
          Action = ["elasticloadbalancing:AddTags"]
          Resource = [
            "${local.arn}:elasticloadbalancing:*:*:targetgroup/*/*",
            "${local.arn}:elasticloadbalancing:*:*:loadbalancer/net/*/*",
            "${local.arn}:elasticloadbalancing:*:*:loadbalancer/app/*/*",
          ]
          Condition = {
            StringEquals = { "elasticloadbalancing:CreateAction" = ["CreateTargetGroup", "CreateLoadBalancer"] }
            Null         = { "aws:RequestTag/elbv2.k8s.aws/cluster" = "false" }
          }
        },
        {
          Sid      = "RegisterTargets"
          Effect   = "Allow"
          Action   = ["elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"]
          Resource = "${local.arn}:elasticloadbalancing:*:*:targetgroup/*/*"
        },
        {
          Sid    = "ListenerSettings"
          Effect = "Allow"
          Action = [
            "elasticloadbalancing:SetWebAcl", "elasticloadbalancing:ModifyListener",
            "elasticloadbalancing:AddListenerCertificates", "elasticloadbalancing:RemoveListenerCertificates",
            "elasticloadbalancing:ModifyRule", "elasticloadbalancing:SetRulePriorities",
          ]
          Resource = "*"
        },
      ]
    }
    # Traces to X-Ray (awsxray exporter), metrics to CloudWatch in metrics_namespace only, and the log groups of
    # the awsemf exporter under /emporium/<env>/.
    otel-collector = {
      service_account = "opentelemetry:opentelemetry-collector"
      statements = [
        {
          Sid      = "XRayTraces"
          Effect   = "Allow"
          Action   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"]
          Resource = "*"
        },
        {
          Sid       = "OwnMetricsNamespace"
          Effect    = "Allow"
          Action    = ["cloudwatch:PutMetricData"]
          Resource  = "*"
          Condition = { StringEquals = { "cloudwatch:namespace" = var.metrics_namespace } }
        },
        {
          Sid    = "EmfLogs"
          Effect = "Allow"
          Action = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]
          Resource = [
            "${local.arn}:logs:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:log-group:/emporium/${var.environment}/*",
            "${local.arn}:logs:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:log-group:/emporium/${var.environment}/*:log-stream:*",
          ]
        },
      ]
    }
    # Grafana's CloudWatch data source (kube-prometheus-stack): reads metrics (the overview's SQS queue and DLQ
    # panels search AWS/SQS), writes nothing. CloudWatch's read actions have no resource-level permissions.
    grafana = {
      service_account = "monitoring:kube-prometheus-stack-grafana"
      statements = [
        {
          Sid      = "ReadMetrics"
          Effect   = "Allow"
          Action   = ["cloudwatch:ListMetrics", "cloudwatch:GetMetricData", "cloudwatch:GetMetricStatistics"]
          Resource = "*"
        },
      ]
    }
  } : name => role if var.platform_roles }
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
