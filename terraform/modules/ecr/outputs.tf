output "repository_urls" {
  description = "Repository URL by service (<account>.dkr.ecr.<region>.amazonaws.com/<prefix>/<service>)."
  value       = { for service, repo in aws_ecr_repository.service : service => repo.repository_url }
}

output "repository_arns" {
  description = "Repository ARN by service (what the CI push role may write to)."
  value       = { for service, repo in aws_ecr_repository.service : service => repo.arn }
}

output "registry_id" {
  description = "Account id of the registry (the host is <registry_id>.dkr.ecr.<region>.amazonaws.com: helm/environments/<env>.yaml image.registry)."
  value       = one(distinct([for repo in aws_ecr_repository.service : repo.registry_id]))
}

output "lifecycle_policy" {
  description = "The lifecycle policy every repository carries (JSON)."
  value       = local.lifecycle_policy
}
