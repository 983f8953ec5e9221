# The archive: every topic -> Kinesis Data Firehose -> S3, for replay and backfill.
# The subscription is NOT raw: each record is the SNS notification JSON, which keeps the message attributes
# (the type attribute the filter policies match on) that a replay must publish again.

locals {
  archive_topics = var.archive_enabled ? local.topics : {}
  archive_bucket = var.archive_enabled ? coalesce(var.archive_bucket_name, "emporium-${var.environment}-events-archive-${data.aws_caller_identity.current[0].account_id}") : null
}

data "aws_caller_identity" "current" {
  count = var.archive_enabled ? 1 : 0
}

resource "aws_s3_bucket" "archive" {
  count = var.archive_enabled ? 1 : 0

  bucket        = local.archive_bucket
  force_destroy = var.archive_force_destroy
  tags          = local.tags
}

resource "aws_s3_bucket_public_access_block" "archive" {
  count = var.archive_enabled ? 1 : 0

  bucket                  = aws_s3_bucket.archive[0].id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "archive" {
  count = var.archive_enabled ? 1 : 0

  bucket = aws_s3_bucket.archive[0].id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "archive" {
  count = var.archive_enabled && (var.archive_expiration_days > 0 || var.archive_glacier_transition_days > 0) ? 1 : 0

  bucket = aws_s3_bucket.archive[0].id
  rule {
    id     = "age-out"
    status = "Enabled"
    filter {}

    dynamic "transition" {
      for_each = var.archive_glacier_transition_days > 0 ? [1] : []
      content {
        days          = var.archive_glacier_transition_days
        storage_class = "GLACIER_IR"
      }
    }

    dynamic "expiration" {
      for_each = var.archive_expiration_days > 0 ? [1] : []
      content {
        days = var.archive_expiration_days
      }
    }
  }
}

resource "aws_iam_role" "firehose" {
  count = var.archive_enabled ? 1 : 0

  name = "emporium-${var.environment}-events-archive-firehose"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "firehose.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  tags = local.tags
}

resource "aws_iam_role_policy" "firehose" {
  count = var.archive_enabled ? 1 : 0

  name = "write-archive-bucket"
  role = aws_iam_role.firehose[0].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = [
        "s3:AbortMultipartUpload",
        "s3:GetBucketLocation",
        "s3:GetObject",
        "s3:ListBucket",
        "s3:ListBucketMultipartUploads",
        "s3:PutObject",
      ]
      Resource = [aws_s3_bucket.archive[0].arn, "${aws_s3_bucket.archive[0].arn}/*"]
    }]
  })
}

resource "aws_kinesis_firehose_delivery_stream" "archive" {
  for_each = local.archive_topics

  name        = "${each.value.name}-archive"
  destination = "extended_s3"

  extended_s3_configuration {
    role_arn            = aws_iam_role.firehose[0].arn
    bucket_arn          = aws_s3_bucket.archive[0].arn
    prefix              = "${each.key}/!{timestamp:yyyy/MM/dd/HH}/"
    error_output_prefix = "errors/${each.key}/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/"
    buffering_interval  = var.archive_buffering_interval_seconds
    buffering_size      = 5
    compression_format  = "GZIP"
  }

  server_side_encryption {
    enabled  = true
    key_type = "AWS_OWNED_CMK"
  }

  tags = merge(local.tags, { "emporium:producer" = each.key })
}

resource "aws_iam_role" "sns_to_firehose" {
  count = var.archive_enabled ? 1 : 0

  name = "emporium-${var.environment}-events-archive-sns"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "sns.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  tags = local.tags
}

resource "aws_iam_role_policy" "sns_to_firehose" {
  count = var.archive_enabled ? 1 : 0

  name = "put-archive-records"
  role = aws_iam_role.sns_to_firehose[0].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["firehose:DescribeDeliveryStream", "firehose:ListDeliveryStreams", "firehose:ListTagsForDeliveryStream", "firehose:PutRecord", "firehose:PutRecordBatch"]
      Resource = [for stream in aws_kinesis_firehose_delivery_stream.archive : stream.arn]
    }]
  })
}

resource "aws_sns_topic_subscription" "archive" {
  for_each = local.archive_topics

  topic_arn             = aws_sns_topic.this[each.key].arn
  protocol              = "firehose"
  endpoint              = aws_kinesis_firehose_delivery_stream.archive[each.key].arn
  subscription_role_arn = aws_iam_role.sns_to_firehose[0].arn
  raw_message_delivery  = false

  depends_on = [aws_iam_role_policy.sns_to_firehose]
}
