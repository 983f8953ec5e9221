# What each role may do once assumed. Names follow the platform module: everything of environment E is named
# emporium-E-* (emporium/E/* for secrets), so most statements are scoped by name; services whose resources get
# generated ids (EC2, EKS, RDS, CloudFront, WAF, ACM, KMS, CloudWatch) are granted service-wide to the apply roles
# only, and every apply role is denied the CI identity itself and the state backend's deletion.

locals {
  apply_statements = {
    for env in var.environments : env => [
      {
        Sid      = "StateOfThisEnvironment"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject"]
        Resource = ["${local.state_bucket_arn}/emporium/${env}/*"]
      },
      {
        Sid       = "ListStateOfThisEnvironment"
        Effect    = "Allow"
        Action    = ["s3:ListBucket"]
        Resource  = [local.state_bucket_arn]
        Condition = { StringLike = { "s3:prefix" = ["emporium/${env}/*"] } }
      },
      {
        Sid      = "LockStateOfThisEnvironment"
        Effect   = "Allow"
        Action   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:DescribeTable"]
        Resource = [local.lock_table_arn]
        Condition = {
          "ForAllValues:StringLike" = { "dynamodb:LeadingKeys" = ["${var.state_bucket}/emporium/${env}/*"] }
        }
      },
      {
        Sid    = "ResourcesNamedForThisEnvironment"
        Effect = "Allow"
        Action = ["sns:*", "sqs:*", "dynamodb:*", "s3:*", "firehose:*", "secretsmanager:*", "logs:*"]
        Resource = [
          "${local.arn}:sns:*:${local.account}:emporium-${env}-*",
          "${local.arn}:sqs:*:${local.account}:emporium-${env}-*",
          "${local.arn}:dynamodb:*:${local.account}:table/emporium-${env}-*",
          "${local.arn}:s3:::emporium-${env}-*",
          "${local.arn}:firehose:*:${local.account}:deliverystream/emporium-${env}-*",
          "${local.arn}:secretsmanager:*:${local.account}:secret:emporium/${env}/*",
          "${local.arn}:secretsmanager:*:${local.account}:secret:rds!cluster-*",
          "${local.arn}:logs:*:${local.account}:log-group:/aws/eks/emporium-${env}/*",
          "${local.arn}:logs:*:${local.account}:log-group:/emporium/vpc/emporium-${env}/*",
          "${local.arn}:logs:*:${local.account}:log-group:/emporium/${env}/*",
        ]
      },
      {
        Sid    = "RolesNamedForThisEnvironment"
        Effect = "Allow"
        Action = ["iam:*Role*", "iam:*Policy*", "iam:*InstanceProfile*", "iam:*OpenIDConnectProvider*", "iam:PassRole"]
        Resource = [
          "${local.arn}:iam::${local.account}:role/emporium-${env}-*",
          "${local.arn}:iam::${local.account}:policy/emporium-${env}-*",
          "${local.arn}:iam::${local.account}:instance-profile/emporium-${env}-*",
          "${local.arn}:iam::${local.account}:oidc-provider/oidc.eks.*.amazonaws.com/id/*",
        ]
      },
      {
        Sid      = "ServiceLinkedRoles"
        Effect   = "Allow"
        Action   = ["iam:CreateServiceLinkedRole"]
        Resource = ["*"]
        Condition = {
          StringEquals = {
            "iam:AWSServiceName" = [
              "eks.amazonaws.com", "eks-nodegroup.amazonaws.com", "rds.amazonaws.com", "autoscaling.amazonaws.com",
              "elasticloadbalancing.amazonaws.com", "dynamodb.application-autoscaling.amazonaws.com",
              "replication.dynamodb.amazonaws.com",
            ]
          }
        }
      },
      {
        Sid    = "ServicesWithGeneratedIds"
        Effect = "Allow"
        Action = [
          "ec2:*", "eks:*", "rds:*", "kms:*", "cloudfront:*", "wafv2:*", "acm:*", "route53:*", "cloudwatch:*",
          "cognito-idp:*", "secretsmanager:GetRandomPassword",
          "iam:GetRole", "iam:ListRoles", "iam:GetPolicy", "iam:ListPolicies", "iam:ListOpenIDConnectProviders",
          "sts:GetCallerIdentity", "sns:ListTopics", "sqs:ListQueues", "logs:DescribeLogGroups",
          "dynamodb:ListTables", "s3:ListAllMyBuckets", "secretsmanager:ListSecrets", "firehose:ListDeliveryStreams",
        ]
        Resource = ["*"]
      },
      {
        Sid      = "NeverTheCiIdentityOrLongLivedKeys"
        Effect   = "Deny"
        Action   = ["iam:*"]
        Resource = ["${local.arn}:iam::${local.account}:role/${var.name_prefix}-*", "${local.arn}:iam::${local.account}:user/*"]
      },
      {
        Sid      = "NeverTheStateBackend"
        Effect   = "Deny"
        Action   = ["s3:DeleteBucket*", "s3:PutBucketPolicy", "s3:PutBucketVersioning", "s3:PutLifecycleConfiguration", "dynamodb:DeleteTable", "dynamodb:UpdateTable"]
        Resource = [local.state_bucket_arn, local.lock_table_arn]
      },
    ]
  }

  # Read-only for plans of pull requests: AWS's ReadOnlyAccess, less reads of data (objects, items, messages,
  # logs, images), which a plan never needs and a pull request should not see.
  plan_statements = [
    {
      Sid    = "SecretsTerraformWrites"
      Effect = "Allow"
      Action = ["secretsmanager:GetSecretValue"]
      # The database connection details and the ingress module's origin header (a plan refreshes both).
      Resource = [
        "${local.arn}:secretsmanager:*:${local.account}:secret:emporium/*/*/database-*",
        "${local.arn}:secretsmanager:*:${local.account}:secret:emporium/*/edge/origin-verify-*",
      ]
    },
    {
      # The ingress module's data source draws the origin secret's candidate value on every plan (kept only by the
      # first apply); it reads nothing.
      Sid      = "DrawRandomPasswords"
      Effect   = "Allow"
      Action   = ["secretsmanager:GetRandomPassword"]
      Resource = ["*"]
    },
    {
      Sid         = "NoObjectsButTheState"
      Effect      = "Deny"
      Action      = ["s3:GetObject", "s3:GetObjectVersion"]
      NotResource = ["${local.state_bucket_arn}/*"]
    },
    {
      Sid    = "NoDataReads"
      Effect = "Deny"
      Action = [
        "sqs:ReceiveMessage", "kinesis:GetRecords", "logs:GetLogEvents", "logs:FilterLogEvents", "logs:StartQuery",
        "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ssm:GetParameter*", "lambda:GetFunction",
        "athena:GetQueryResults",
      ]
      Resource = ["*"]
    },
    {
      # The S3 backend reads the state's checksum from the lock table: every other table is off limits.
      Sid         = "NoTableReads"
      Effect      = "Deny"
      Action      = ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:GetRecords"]
      NotResource = [local.lock_table_arn]
    },
    {
      # Secrets Manager decrypts the database and origin secrets the plan refreshes (allowed above) on the role's
      # behalf; no other decryption.
      Sid       = "NoDecryptButSecrets"
      Effect    = "Deny"
      Action    = ["kms:Decrypt"]
      Resource  = ["*"]
      Condition = { StringNotLike = { "kms:ViaService" = "secretsmanager.*.amazonaws.com" } }
    },
  ]

  push_statements = [
    {
      Sid      = "RegistryLogin"
      Effect   = "Allow"
      Action   = ["ecr:GetAuthorizationToken"]
      Resource = ["*"]
    },
    {
      Sid    = "PushToTheServiceRepositories"
      Effect = "Allow"
      Action = [
        "ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload",
        "ecr:PutImage", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:DescribeImages", "ecr:ListImages",
        "ecr:DescribeRepositories",
      ]
      Resource = var.ecr_repository_arns
    },
  ]

  web_statements = {
    for env in var.environments : env => [
      {
        Sid      = "ListTheSpaBucket"
        Effect   = "Allow"
        Action   = ["s3:ListBucket"]
        Resource = ["${local.arn}:s3:::${format(var.spa_bucket_format, env)}"]
      },
      {
        Sid      = "WriteTheSpaBucket"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
        Resource = ["${local.arn}:s3:::${format(var.spa_bucket_format, env)}/*"]
      },
      {
        Sid    = "InvalidateTheDistribution"
        Effect = "Allow"
        Action = ["cloudfront:CreateInvalidation", "cloudfront:GetInvalidation"]
        Resource = [
          "${local.arn}:cloudfront::${local.account}:distribution/${lookup(var.distribution_ids, env, "*")}",
        ]
      },
      {
        Sid      = "FindTheDistribution"
        Effect   = "Allow"
        Action   = ["cloudfront:ListDistributions"]
        Resource = ["*"]
      },
    ]
  }

  policies = merge(
    { "image-push" = local.push_statements, "terraform-plan" = local.plan_statements },
    { for env, s in local.apply_statements : "terraform-apply-${env}" => s },
    { for env, s in local.web_statements : "web-deploy-${env}" => s },
  )
}

resource "aws_iam_role_policy" "ci" {
  for_each = local.roles

  name   = "${var.name_prefix}-${each.key}"
  role   = aws_iam_role.ci[each.key].id
  policy = jsonencode({ Version = "2012-10-17", Statement = local.policies[each.key] })
}

resource "aws_iam_role_policy_attachment" "plan_read_only" {
  role       = aws_iam_role.ci["terraform-plan"].name
  policy_arn = "${local.arn}:iam::aws:policy/ReadOnlyAccess"
}
