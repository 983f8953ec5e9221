variable "environment" {
  description = "Environment name substituted for {env} in the topology's name patterns (dev, prod, or a test run's own name)."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{0,30}$", var.environment))
    error_message = "environment must be 1-31 characters of lower-case letters, digits and '-'."
  }
}

variable "topology_file" {
  description = "Path to events-schema/topology.yaml, the one source of topic, queue and subscription names. Roots pass it explicitly."
  type        = string
  default     = null
}

variable "sns_kms_key_id" {
  description = "KMS key (id, ARN or alias) for SNS server-side encryption. null leaves topics unencrypted at rest by a customer key; publishers then need no KMS permissions."
  type        = string
  default     = null
}

variable "max_message_age_seconds" {
  description = "Alarm threshold: the age of the oldest message in a consumer queue above which the consumer is considered stuck."
  type        = number
  default     = 300
}

variable "metrics_namespace" {
  description = "CloudWatch namespace of the services' own metrics, published by the OpenTelemetry collector (argocd/apps/values.yaml, awsemf): the outbox alarms read it."
  type        = string
  default     = "Emporium"
}

variable "max_outbox_lag_seconds" {
  description = "Alarm threshold: the age of a service's oldest unpublished outbox event above which its relay is considered stuck (it retries at most 30 s apart)."
  type        = number
  default     = 120
}

variable "alarm_period_seconds" {
  description = "Period of the queue and outbox alarms' metric evaluation."
  type        = number
  default     = 60
}

variable "alarm_evaluation_periods" {
  description = "Consecutive periods breaching before the message-age and outbox-lag alarms fire (the DLQ and outbox dead-letter alarms fire on the first)."
  type        = number
  default     = 5
}

variable "alarm_actions" {
  description = "ARNs notified when an alarm fires and when it recovers (usually the observability module's alarm topic)."
  type        = list(string)
  default     = []
}

variable "runbook_base_url" {
  description = "Prefix of runbook links in alarm descriptions (a repository URL in real environments)."
  type        = string
  default     = "docs/runbooks"
}

variable "archive_enabled" {
  description = "Create the archive: per topic an SNS -> Kinesis Data Firehose -> S3 subscription keeping every event for replay and backfill."
  type        = bool
  default     = true
}

variable "archive_bucket_name" {
  description = "Name of the archive bucket. null derives emporium-<env>-events-archive-<account id>."
  type        = string
  default     = null
}

variable "archive_expiration_days" {
  description = "Days after which archived events are deleted (0 keeps them forever)."
  type        = number
  default     = 400
}

variable "archive_glacier_transition_days" {
  description = "Days after which archived events move to S3 Glacier Instant Retrieval (0 never)."
  type        = number
  default     = 30
}

variable "archive_buffering_interval_seconds" {
  description = "Firehose buffering interval: events reach S3 at most this many seconds after publication."
  type        = number
  default     = 300
}

variable "archive_force_destroy" {
  description = "Allow terraform destroy to delete a non-empty archive bucket (dev and test only)."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
