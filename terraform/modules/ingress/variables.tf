variable "name" {
  description = "Name prefix of every resource (e.g. emporium-prod)."
  type        = string
}

variable "environment" {
  description = "Environment name (dev, prod): part of the secret's name."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the cluster and its ALB (network module output)."
  type        = string
}

variable "vpc_cidr" {
  description = "IPv4 CIDR of the VPC: the ALB sends to the pods there."
  type        = string
}

variable "target_ports" {
  description = "Port range of the services' pods the ALB forwards to (target type ip): the charts' containerPort values."
  type = object({
    from = number
    to   = number
  })
  default = { from = 8080, to = 8089 }
}

variable "api_origin_domain_name" {
  description = "Name CloudFront calls the ALB by (the edge module's api_origin_domain_name): the ALB's certificate is for it."
  type        = string
}

variable "zone_id" {
  description = "Route 53 hosted zone that validates the certificate of api_origin_domain_name."
  type        = string
}

variable "certificate_arn" {
  description = "ACM certificate (in this region) of api_origin_domain_name to use instead of creating and validating one."
  type        = string
  default     = null
}

variable "origin_header_name" {
  description = "Name of the secret header CloudFront adds to every /api/* request and the ALB's web ACL requires."
  type        = string
  default     = "X-Origin-Verify"
}

variable "secret_recovery_window_days" {
  description = "Days a deleted origin secret can be restored (0: deleted at once, for dev)."
  type        = number
  default     = 7
}

variable "kms_key_arn" {
  description = "KMS key of the origin secret. null uses the AWS managed key."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
