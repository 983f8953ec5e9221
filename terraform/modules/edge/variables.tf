variable "name" {
  description = "Name prefix of every resource (e.g. emporium-prod)."
  type        = string
}

variable "domain_name" {
  description = "Public host name of the shop (e.g. shop.example.com)."
  type        = string
}

variable "zone_id" {
  description = "Route 53 hosted zone that holds domain_name (certificate validation and alias records)."
  type        = string
}

variable "api_origin_domain_name" {
  description = "DNS name of the ALB serving /api/* (the AWS Load Balancer Controller's ingress, or a stable record pointing at it)."
  type        = string
}

variable "spa_bucket_name" {
  description = "Name of the S3 bucket holding the built SPA. null derives <name>-web."
  type        = string
  default     = null
}

variable "price_class" {
  description = "CloudFront price class."
  type        = string
  default     = "PriceClass_100"
}

variable "rate_limit_per_5_minutes" {
  description = "WAF rate-based rule: requests per client IP in any 5 minutes before it is blocked."
  type        = number
  default     = 2000
}

variable "content_security_policy" {
  description = "Content-Security-Policy header sent with every response."
  type        = string
  default     = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
}

variable "force_destroy" {
  description = "Allow terraform destroy to delete a non-empty SPA bucket (dev only)."
  type        = bool
  default     = false
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
