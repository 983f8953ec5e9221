output "repository_urls" {
  description = "ECR repository URL by service."
  value       = module.ecr.repository_urls
}

output "ci_role_arns" {
  description = "CI role ARN by job kind: set them as the repository variables the workflows read (docs/gitops.md)."
  value       = module.ci_identity.role_arns
}
