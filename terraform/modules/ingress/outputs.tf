output "security_group_id" {
  description = "Security group of the ALB (Ingress annotation alb.ingress.kubernetes.io/security-groups: Helm ingress.securityGroupId)."
  value       = aws_security_group.alb.id
}

output "web_acl_arn" {
  description = "Regional web ACL of the ALB (alb.ingress.kubernetes.io/wafv2-acl-arn: Helm ingress.wafAclArn)."
  value       = aws_wafv2_web_acl.alb.arn
}

output "certificate_arn" {
  description = "Certificate of api_origin_domain_name on the ALB's HTTPS listener (Helm ingress.certificateArn)."
  value       = var.certificate_arn == null ? aws_acm_certificate_validation.origin[0].certificate_arn : var.certificate_arn
}

output "origin_header_name" {
  description = "Name of the secret origin header."
  value       = var.origin_header_name
}

output "origin_header_value" {
  description = "Value of the secret origin header (the edge module's CloudFront origin sends it)."
  value       = aws_secretsmanager_secret_version.origin.secret_string
  sensitive   = true
}

output "origin_secret_arn" {
  description = "ARN of the Secrets Manager secret holding the origin header's value."
  value       = aws_secretsmanager_secret.origin.arn
}

output "cloudfront_prefix_list_id" {
  description = "ID of the CloudFront origin-facing managed prefix list in this region."
  value       = data.aws_ec2_managed_prefix_list.cloudfront.id
}
