variable "environment" {
  description = "Environment name (dev, prod): part of role names."
  type        = string
}

variable "services" {
  description = "Every service that gets a role (one Kubernetes service account of the same name each)."
  type        = list(string)
  default     = ["catalog", "cart", "order", "payment", "notification"]
}

variable "namespace" {
  description = "Kubernetes namespace of the services' service accounts."
  type        = string
  default     = "emporium"
}

variable "oidc_provider_arn" {
  description = "ARN of the EKS cluster's IAM OIDC provider (eks module output oidc_provider_arn)."
  type        = string
}

variable "oidc_issuer" {
  description = "OIDC issuer without https:// (eks module output oidc_issuer)."
  type        = string
}

variable "topic_arns" {
  description = "SNS topic ARN by producer (messaging module output topic_arns): a service may publish to its own topic only."
  type        = map(string)
}

variable "consumer_queue_arns" {
  description = "By service: the queues it consumes (messaging module output consumer_queue_arns)."
  type        = map(list(string))
}

variable "consumer_dlq_arns" {
  description = "By service: its dead-letter queues (messaging module output consumer_dlq_arns), which its admin API lists, replays into its own queues and purges."
  type        = map(list(string))
  default     = {}
}

variable "dead_letter_audit_table_arn" {
  description = "The dead-letter audit table (data module output dead_letter_audit_table_arn): services with DLQs append to it and read it. null: no audit permission."
  type        = string
  default     = null
}

variable "sns_kms_key_arn" {
  description = "KMS key of the SNS topics, if any: publishers need GenerateDataKey/Decrypt on it."
  type        = string
  default     = null
}

variable "dynamodb_table_arns" {
  description = "By service: the DynamoDB tables it owns (data module output dynamodb_tables_by_owner)."
  type        = map(list(string))
  default     = {}
}

variable "database_secret_arns" {
  description = "By service: the secret with its database connection details (data module output database_secret_arns)."
  type        = map(string)
  default     = {}
}

variable "external_secret_arns" {
  description = "More secrets External Secrets may read for the services (e.g. the payment provider's API key): the values of charts' secretEnv."
  type        = list(string)
  default     = []
}

variable "aurora_cluster_resource_id" {
  description = "Aurora cluster resource id (data module output cluster_resource_id): services with a database may rds-db:connect as their own user. null: no database access."
  type        = string
  default     = null
}

variable "ses_sender_services" {
  description = "Services allowed to send email through SES, with the identity ARNs they may send from."
  type        = map(list(string))
  default     = {}
}

variable "platform_roles" {
  description = "Also create IRSA roles for the platform add-ons: KEDA (queue depth), External Secrets (database secrets), the AWS Load Balancer Controller, the OpenTelemetry collector and Grafana (CloudWatch reads)."
  type        = bool
  default     = true
}

variable "metrics_namespace" {
  description = "CloudWatch namespace the OpenTelemetry collector may put metrics in (observability module variable metrics_namespace)."
  type        = string
  default     = "Emporium"
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
