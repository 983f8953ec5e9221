variable "region" {
  description = "AWS region of the state bucket and lock table (the roots' backend.hcl region)."
  type        = string
  default     = "eu-west-1"
}

variable "state_bucket" {
  description = "Name of the state bucket; null: emporium-terraform-state-<account id>."
  type        = string
  default     = null
}

variable "lock_table" {
  description = "Name of the lock table."
  type        = string
  default     = "emporium-terraform-locks"
}
