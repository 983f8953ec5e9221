# CloudFront's certificate and WAF web ACL must live in us-east-1: call this module with a us-east-1 provider
# (the SPA bucket then lives there too; CloudFront serves it worldwide).
data "aws_region" "current" {}

locals {
  tags          = merge({ "emporium:component" = "edge" }, var.tags)
  bucket        = coalesce(var.spa_bucket_name, "${var.name}-web")
  s3_origin_id  = "spa"
  api_origin_id = "api"
}

# AWS-managed CloudFront policies, by their published IDs (the same in every account): no lookup, so the module
# plans offline and against the emulator.
locals {
  cache_policy_caching_optimized               = "658327ea-f89d-4fab-a63d-7e88639e58f6" # Managed-CachingOptimized
  cache_policy_caching_disabled                = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad" # Managed-CachingDisabled
  origin_request_policy_all_viewer_except_host = "b689b0a8-53d0-40ab-baf2-68738e2966ac" # Managed-AllViewerExceptHostHeader (Authorization included when caching is disabled)
}

# The SPA bucket: private, versioned (rollback = restore the previous objects), read by CloudFront only (OAC).

resource "aws_s3_bucket" "spa" {
  bucket        = local.bucket
  force_destroy = var.force_destroy
  tags          = local.tags
}

resource "aws_s3_bucket_versioning" "spa" {
  bucket = aws_s3_bucket.spa.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_public_access_block" "spa" {
  bucket                  = aws_s3_bucket.spa.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "spa" {
  bucket = aws_s3_bucket.spa.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

# /config.json: where the SPA signs in (the identity module's user pool, app client and Hosted UI). Uploads of the
# SPA build must leave it in place (./emporium web deploy excludes it). Not cached: a new pool or client is
# picked up by the next page load.
resource "aws_s3_object" "spa_config" {
  bucket        = aws_s3_bucket.spa.id
  key           = "config.json"
  content       = jsonencode(var.spa_config)
  content_type  = "application/json"
  cache_control = "no-cache"
  tags          = local.tags
}

resource "aws_cloudfront_origin_access_control" "spa" {
  name                              = "${var.name}-spa"
  description                       = "CloudFront reads the SPA bucket"
  origin_access_control_origin_type = "s3"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

resource "aws_s3_bucket_policy" "spa" {
  bucket = aws_s3_bucket.spa.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "CloudFrontReadsViaOAC"
      Effect    = "Allow"
      Principal = { Service = "cloudfront.amazonaws.com" }
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.spa.arn}/*"
      Condition = { StringEquals = { "AWS:SourceArn" = aws_cloudfront_distribution.this.arn } }
    }]
  })

  depends_on = [aws_s3_bucket_public_access_block.spa]
}

# Certificate (us-east-1 for CloudFront), validated through Route 53.

resource "aws_acm_certificate" "this" {
  domain_name       = var.domain_name
  validation_method = "DNS"
  tags              = local.tags

  lifecycle {
    create_before_destroy = true
    precondition {
      condition     = data.aws_region.current.name == "us-east-1"
      error_message = "The edge module must be called with a us-east-1 provider (CloudFront certificates and web ACLs live there)."
    }
  }
}

resource "aws_route53_record" "validation" {
  for_each = { for o in aws_acm_certificate.this.domain_validation_options : o.domain_name => o }

  zone_id         = var.zone_id
  name            = each.value.resource_record_name
  type            = each.value.resource_record_type
  records         = [each.value.resource_record_value]
  ttl             = 300
  allow_overwrite = true
}

resource "aws_acm_certificate_validation" "this" {
  certificate_arn         = aws_acm_certificate.this.arn
  validation_record_fqdns = [for r in aws_route53_record.validation : r.fqdn]
}

# WAF: rate-based rules, then the AWS managed rule groups. The shop's abuse limits (locally the edge limits the
# same requests, docs/api.md): cart writes and checkouts per client IP, checkouts per Authorization header (per
# shopper session), and an overall per-IP ceiling. A limited request gets 429 with Retry-After and a JSON problem body
# (WAF custom responses cannot set Content-Type application/problem+json: application/json is the closest).

locals {
  managed_rule_groups = ["AWSManagedRulesAmazonIpReputationList", "AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet"]
  too_many_requests   = "too-many-requests"

  # Rate-based rules by priority (the managed groups follow). scope: cart_writes | checkout | null (every request).
  rate_rules = [
    { name = "checkout-per-token", limit = var.checkout_limit_per_token, key = "authorization", scope = "checkout" },
    { name = "checkout-per-ip", limit = var.checkout_limit_per_ip, key = "ip", scope = "checkout" },
    { name = "cart-writes-per-ip", limit = var.cart_write_limit_per_ip, key = "ip", scope = "cart_writes" },
    { name = "requests-per-ip", limit = var.request_limit_per_ip, key = "ip", scope = null },
  ]
}

resource "aws_wafv2_web_acl" "this" {
  name  = var.name
  scope = "CLOUDFRONT"
  tags  = local.tags

  default_action {
    allow {}
  }

  custom_response_body {
    key          = local.too_many_requests
    content_type = "APPLICATION_JSON"
    content = jsonencode({
      type   = "https://emporium.io/problems/too-many-requests"
      title  = "Too Many Requests"
      status = 429
      detail = "Too many requests in a short time. Try again in a minute."
    })
  }

  dynamic "rule" {
    for_each = local.rate_rules
    content {
      name     = rule.value.name
      priority = rule.key
      action {
        block {
          custom_response {
            response_code            = 429
            custom_response_body_key = local.too_many_requests
            response_header {
              name  = "Retry-After"
              value = tostring(var.rate_limit_window_seconds)
            }
          }
        }
      }
      statement {
        rate_based_statement {
          limit                 = rule.value.limit
          evaluation_window_sec = var.rate_limit_window_seconds
          aggregate_key_type    = rule.value.key == "ip" ? "IP" : "CUSTOM_KEYS"

          dynamic "custom_key" {
            for_each = rule.value.key == "ip" ? [] : [rule.value.key]
            content {
              header {
                name = custom_key.value
                text_transformation {
                  priority = 0
                  type     = "NONE"
                }
              }
            }
          }

          # POST /api/cart/checkout
          dynamic "scope_down_statement" {
            for_each = rule.value.scope == "checkout" ? [1] : []
            content {
              and_statement {
                statement {
                  byte_match_statement {
                    positional_constraint = "EXACTLY"
                    search_string         = "/api/cart/checkout"
                    field_to_match {
                      uri_path {}
                    }
                    text_transformation {
                      priority = 0
                      type     = "NONE"
                    }
                  }
                }
                statement {
                  byte_match_statement {
                    positional_constraint = "EXACTLY"
                    search_string         = "POST"
                    field_to_match {
                      method {}
                    }
                    text_transformation {
                      priority = 0
                      type     = "NONE"
                    }
                  }
                }
              }
            }
          }

          # POST, PUT, PATCH or DELETE under /api/cart
          dynamic "scope_down_statement" {
            for_each = rule.value.scope == "cart_writes" ? [1] : []
            content {
              and_statement {
                statement {
                  byte_match_statement {
                    positional_constraint = "STARTS_WITH"
                    search_string         = "/api/cart"
                    field_to_match {
                      uri_path {}
                    }
                    text_transformation {
                      priority = 0
                      type     = "NONE"
                    }
                  }
                }
                statement {
                  regex_match_statement {
                    regex_string = "^(POST|PUT|PATCH|DELETE)$"
                    field_to_match {
                      method {}
                    }
                    text_transformation {
                      priority = 0
                      type     = "NONE"
                    }
                  }
                }
              }
            }
          }
        }
      }
      visibility_config {
        cloudwatch_metrics_enabled = true
        metric_name                = "${var.name}-${rule.value.name}"
        sampled_requests_enabled   = true
      }
    }
  }

  dynamic "rule" {
    for_each = local.managed_rule_groups
    content {
      name     = rule.value
      priority = length(local.rate_rules) + rule.key
      override_action {
        none {}
      }
      statement {
        managed_rule_group_statement {
          vendor_name = "AWS"
          name        = rule.value
        }
      }
      visibility_config {
        cloudwatch_metrics_enabled = true
        metric_name                = "${var.name}-${rule.value}"
        sampled_requests_enabled   = true
      }
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = var.name
    sampled_requests_enabled   = true
  }
}

# Security headers on every response, API included. The SPA also fetches from Cognito (sign-in, token refresh):
# connect-src gains the sources given.
locals {
  content_security_policy = replace(var.content_security_policy, "connect-src 'self'", join(" ", concat(["connect-src 'self'"], var.connect_sources)))
}

resource "aws_cloudfront_response_headers_policy" "security" {
  name = "${var.name}-security-headers"

  security_headers_config {
    strict_transport_security {
      access_control_max_age_sec = 63072000
      include_subdomains         = true
      preload                    = true
      override                   = true
    }
    content_type_options {
      override = true
    }
    frame_options {
      frame_option = "DENY"
      override     = true
    }
    referrer_policy {
      referrer_policy = "strict-origin-when-cross-origin"
      override        = true
    }
    content_security_policy {
      content_security_policy = local.content_security_policy
      override                = true
    }
  }
}

# What /api/* forwards: Managed-AllViewerExceptHostHeader, which AWS documents as passing Authorization when caching
# is disabled (a custom origin request policy cannot forward it). X-Customer-Id, the header that once named the
# shopper, is removed before that by a viewer-request function: the services take the customer from the access
# token only, and the header never reaches them.
resource "aws_cloudfront_function" "api_request" {
  name    = "${var.name}-api-request"
  runtime = "cloudfront-js-2.0"
  comment = "Drop X-Customer-Id from API requests"
  publish = true
  code    = <<-JS
    function handler(event) {
      var request = event.request;
      delete request.headers['x-customer-id'];
      return request;
    }
  JS
}

# SPA fallback: extension-less paths outside /api are client-side routes -> /index.html. A function rather
# than custom error responses, which would also turn the API's 404 problem+json into index.html.
resource "aws_cloudfront_function" "spa_fallback" {
  name    = "${var.name}-spa-fallback"
  runtime = "cloudfront-js-2.0"
  comment = "Rewrite client-side routes to /index.html"
  publish = true
  code    = <<-JS
    function handler(event) {
      var request = event.request;
      var last = request.uri.split('/').pop();
      if (last.indexOf('.') === -1) {
        request.uri = '/index.html';
      }
      return request;
    }
  JS
}

resource "aws_cloudfront_distribution" "this" {
  enabled             = true
  is_ipv6_enabled     = true
  http_version        = "http2and3"
  comment             = var.name
  aliases             = [var.domain_name]
  default_root_object = "index.html"
  price_class         = var.price_class
  web_acl_id          = aws_wafv2_web_acl.this.arn
  tags                = local.tags

  origin {
    origin_id                = local.s3_origin_id
    domain_name              = aws_s3_bucket.spa.bucket_regional_domain_name
    origin_access_control_id = aws_cloudfront_origin_access_control.spa.id
  }

  # The API origin: the cluster's ALB, which admits only requests carrying the secret origin header (the ingress
  # module's web ACL) from CloudFront's addresses (its security group).
  origin {
    origin_id   = local.api_origin_id
    domain_name = var.api_origin_domain_name
    custom_header {
      name  = var.origin_verify_header_name
      value = var.origin_verify_header_value
    }
    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id           = local.s3_origin_id
    viewer_protocol_policy     = "redirect-to-https"
    allowed_methods            = ["GET", "HEAD", "OPTIONS"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = true
    cache_policy_id            = local.cache_policy_caching_optimized
    response_headers_policy_id = aws_cloudfront_response_headers_policy.security.id

    function_association {
      event_type   = "viewer-request"
      function_arn = aws_cloudfront_function.spa_fallback.arn
    }
  }

  ordered_cache_behavior {
    path_pattern               = "/api/*"
    target_origin_id           = local.api_origin_id
    viewer_protocol_policy     = "https-only"
    allowed_methods            = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
    cached_methods             = ["GET", "HEAD"]
    compress                   = true
    cache_policy_id            = local.cache_policy_caching_disabled
    origin_request_policy_id   = local.origin_request_policy_all_viewer_except_host
    response_headers_policy_id = aws_cloudfront_response_headers_policy.security.id

    function_association {
      event_type   = "viewer-request"
      function_arn = aws_cloudfront_function.api_request.arn
    }
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    acm_certificate_arn      = aws_acm_certificate_validation.this.certificate_arn
    ssl_support_method       = "sni-only"
    minimum_protocol_version = "TLSv1.2_2021"
  }
}

resource "aws_route53_record" "alias" {
  for_each = toset(["A", "AAAA"])

  zone_id = var.zone_id
  name    = var.domain_name
  type    = each.key

  alias {
    name                   = aws_cloudfront_distribution.this.domain_name
    zone_id                = aws_cloudfront_distribution.this.hosted_zone_id
    evaluate_target_health = false
  }
}
