output "distribution_id" {
  description = "CloudFront distribution ID (for invalidations after an SPA deploy)."
  value       = aws_cloudfront_distribution.this.id
}

output "distribution_domain_name" {
  description = "CloudFront domain name."
  value       = aws_cloudfront_distribution.this.domain_name
}

output "spa_bucket" {
  description = "Name of the S3 bucket the SPA build is uploaded to."
  value       = aws_s3_bucket.spa.bucket
}

output "web_acl_arn" {
  description = "ARN of the WAF web ACL."
  value       = aws_wafv2_web_acl.this.arn
}

output "url" {
  description = "Public URL of the shop."
  value       = "https://${var.domain_name}"
}
