variable "github_repository" {
  description = "The GitHub repository whose workflows may assume the roles, as owner/name."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "github_repository: owner/name, no wildcard."
  }
}

variable "environments" {
  description = "Environments CI deploys (a terraform-apply and a web-deploy role each, trusted from GitHub environments terraform-<env> and web-<env>)."
  type        = list(string)
  default     = ["dev", "prod"]
}

variable "ecr_repository_arns" {
  description = "The only repositories the image-push role may push to (ecr module output repository_arns)."
  type        = list(string)
}

variable "state_bucket" {
  description = "S3 bucket of the Terraform state (bootstrap root output state_bucket): apply roles write their environment's key only."
  type        = string
}

variable "lock_table" {
  description = "DynamoDB table of the Terraform state locks (bootstrap root output lock_table)."
  type        = string
}

variable "spa_bucket_format" {
  description = "Name of an environment's SPA bucket, with %s for the environment (edge module: <name>-web, name = emporium-<env>)."
  type        = string
  default     = "emporium-%s-web"
}

variable "distribution_ids" {
  description = "CloudFront distribution id by environment (env root output distribution_id); an environment not listed may invalidate any distribution of the account."
  type        = map(string)
  default     = {}
}

variable "name_prefix" {
  description = "Prefix of the role names (<prefix>-image-push, ...): apply roles are denied every role with it."
  type        = string
  default     = "emporium-ci"
}

variable "create_oidc_provider" {
  description = "Create the account's GitHub OIDC provider (one per account and URL); false: pass oidc_provider_arn."
  type        = bool
  default     = true
}

variable "oidc_provider_arn" {
  description = "ARN of an existing token.actions.githubusercontent.com provider, when create_oidc_provider is false."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
