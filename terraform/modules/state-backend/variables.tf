variable "bucket_name" {
  description = "Name of the state bucket (globally unique: emporium-terraform-state-<account id>, as the roots' backend.hcl.example says)."
  type        = string
}

variable "lock_table_name" {
  description = "Name of the DynamoDB lock table."
  type        = string
  default     = "emporium-terraform-locks"
}

variable "kms_key_arn" {
  description = "KMS key for the bucket and the table; null: AES-256 for the bucket and the AWS-owned key for the table."
  type        = string
  default     = null
}

variable "noncurrent_version_days" {
  description = "Days a replaced state version is kept (to recover from a bad apply) before it expires."
  type        = number
  default     = 90
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
