variable "services" {
  description = "Services that get a repository <repository_prefix>/<service> (the Helm chart folders, see the shared root)."
  type        = list(string)

  validation {
    condition     = length(var.services) > 0 && alltrue([for s in var.services : can(regex("^[a-z][a-z0-9-]*$", s))])
    error_message = "services: at least one, each lower-case letters, digits and dashes."
  }
}

variable "repository_prefix" {
  description = "Namespace of the repositories: images are <registry>/<repository_prefix>/<service>:<sha> (Jib, root pom.xml)."
  type        = string
  default     = "emporium"
}

variable "keep_last_images" {
  description = "Images kept per repository besides those prod has run (tagged with prod_tag_prefix): the newest N by push time."
  type        = number
  default     = 50

  validation {
    condition     = var.keep_last_images >= 1 && var.keep_last_images < 9999
    error_message = "keep_last_images: between 1 and 9998."
  }
}

variable "prod_tag_prefix" {
  description = "Prefix of the extra tag an image gets when prod starts running it (<prefix><sha>): such images are never expired."
  type        = string
  default     = "prod-"
}

variable "untagged_expiry_days" {
  description = "Days after which an untagged image (an interrupted or replaced push) expires."
  type        = number
  default     = 1
}

variable "force_delete" {
  description = "Delete a repository even when it holds images (test and throwaway accounts only)."
  type        = bool
  default     = false
}

variable "kms_key_arn" {
  description = "KMS key encrypting the images; null: ECR's AES-256 (the key is AWS-owned)."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
