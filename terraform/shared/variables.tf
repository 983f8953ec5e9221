variable "region" {
  description = "AWS region of the registry (helm/environments/<env>.yaml image.registry)."
  type        = string
  default     = "eu-west-1"
}

variable "github_repository" {
  description = "The GitHub repository (owner/name) whose workflows may assume the CI roles (CI passes TF_VAR_github_repository)."
  type        = string
}

variable "environments" {
  description = "Environments CI deploys: a terraform-apply and a web-deploy role each."
  type        = list(string)
  default     = ["dev", "prod"]
}

variable "keep_last_images" {
  description = "Images kept per repository besides those prod has run."
  type        = number
  default     = 50
}

variable "state_bucket" {
  description = "State bucket (bootstrap output state_bucket); null: emporium-terraform-state-<account id>."
  type        = string
  default     = null
}

variable "lock_table" {
  description = "Lock table (bootstrap output lock_table)."
  type        = string
  default     = "emporium-terraform-locks"
}

variable "distribution_ids" {
  description = "CloudFront distribution id by environment (env root output distribution_id), narrowing each web-deploy role to its own."
  type        = map(string)
  default     = {}
}
