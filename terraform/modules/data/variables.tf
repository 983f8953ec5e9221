variable "name" {
  description = "Name prefix of every resource (e.g. emporium-prod)."
  type        = string
}

variable "environment" {
  description = "Environment name (dev, prod): part of secret and table names."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the database (network module output)."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets in at least two AZs for the Aurora subnet group."
  type        = list(string)
}

variable "allowed_security_groups" {
  description = "Security groups allowed to connect to PostgreSQL (the EKS cluster/node security group), by a name fixed in configuration (e.g. eks_cluster = <id>): the names are the for_each keys, so the ids may be unknown until apply."
  type        = map(string)
  default     = {}
}

variable "data_schema_file" {
  description = "Path to events-schema/data-schema.yaml, the one source of PostgreSQL database and DynamoDB table names, owners and keys. null: the repository's (relative to this module)."
  type        = string
  default     = null
}

variable "engine_version" {
  description = "Aurora PostgreSQL engine version."
  type        = string
  default     = "16.6"
}

variable "instance_class" {
  description = "Instance class of the Aurora instances (db.serverless for Serverless v2)."
  type        = string
  default     = "db.serverless"
}

variable "serverless_min_capacity" {
  description = "Serverless v2 minimum ACUs (used when instance_class is db.serverless)."
  type        = number
  default     = 0.5
}

variable "serverless_max_capacity" {
  description = "Serverless v2 maximum ACUs (used when instance_class is db.serverless)."
  type        = number
  default     = 8
}

variable "multi_az" {
  description = "Run a reader in another AZ that Aurora promotes on failure (true in prod)."
  type        = bool
  default     = false
}

variable "audit_deletion_protection" {
  description = "Protect the dead-letter audit table from deletion (true unless a throwaway test environment)."
  type        = bool
  default     = true
}

variable "deletion_protection" {
  description = "Protect the Aurora cluster and the DynamoDB tables from deletion (true in prod)."
  type        = bool
  default     = false
}

variable "backup_retention_days" {
  description = "Aurora automated backup retention (point-in-time restore window)."
  type        = number
  default     = 7
}

variable "kms_key_arn" {
  description = "KMS key for Aurora storage, DynamoDB and the secrets. null uses the AWS managed keys."
  type        = string
  default     = null
}

variable "global_database" {
  description = "DR: create an Aurora Global Database around the cluster (a secondary region attaches with global_cluster_identifier). See docs/dr.md."
  type        = bool
  default     = false
}

variable "global_cluster_identifier" {
  description = "DR: join an existing Aurora Global Database as a secondary (the cluster in the DR region). null: a primary."
  type        = string
  default     = null
}

variable "dynamodb_replica_regions" {
  description = "DR: regions where every DynamoDB table gets a global-table replica. See docs/dr.md."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
