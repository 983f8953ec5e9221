output "role_arns" {
  description = "Role ARN by job kind (image-push, terraform-plan, terraform-apply-<env>, web-deploy-<env>): the role-to-assume of each workflow job (repository variables, docs/gitops.md)."
  value       = { for kind, role in aws_iam_role.ci : kind => role.arn }
}

output "trusted_subjects" {
  description = "By job kind: the OIDC sub claims its role trusts."
  value       = local.roles
}

output "policies" {
  description = "By job kind: the policy statements granted (for review and tests)."
  value       = local.policies
}

output "oidc_provider_arn" {
  description = "ARN of the GitHub OIDC provider the roles trust."
  value       = local.oidc_provider_arn
}
