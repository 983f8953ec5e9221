variable "environment" {
  description = "Environment name (dev, prod): part of resource names."
  type        = string
}

variable "queue_names" {
  description = "Consumer queue names (messaging module output keys of queue_urls)."
  type        = list(string)
}

variable "dlq_names" {
  description = "Dead-letter queue names (messaging module output keys of dlq_urls)."
  type        = list(string)
}

variable "topic_names" {
  description = "SNS topic names (messaging module output values of topic_names)."
  type        = list(string)
}

variable "metrics_namespace" {
  description = "CloudWatch namespace of the services' own metrics (outbox lag, saga outcomes), published by the OpenTelemetry collector / CloudWatch agent."
  type        = string
  default     = "Emporium"
}

variable "outbox_lag_metric" {
  description = "Metric (in metrics_namespace, dimensions environment and service) of the age in seconds of the oldest unpublished outbox row."
  type        = string
  default     = "emporium.outbox.oldest.age"
}

variable "saga_outcome_metric" {
  description = "Counter metric (in metrics_namespace, dimensions environment and outcome: confirmed, cancelled_out_of_stock, ...) of finished checkouts."
  type        = string
  default     = "orders_completed_total"
}

variable "alarm_emails" {
  description = "Email addresses subscribed to the alarm topic (each must confirm the subscription)."
  type        = list(string)
  default     = []
}

variable "kms_key_id" {
  description = "KMS key for the alarm topic. null: no customer-managed encryption (CloudWatch can publish to it without a key policy)."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
