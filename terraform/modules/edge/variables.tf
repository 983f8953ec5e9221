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

variable "rate_limit_window_seconds" {
  description = "Window of every WAF rate-based rule, in seconds (60, 120, 300 or 600); also the Retry-After of a limited request."
  type        = number
  default     = 60

  validation {
    condition     = contains([60, 120, 300, 600], var.rate_limit_window_seconds)
    error_message = "WAF evaluates rate-based rules over 60, 120, 300 or 600 seconds."
  }
}

variable "request_limit_per_ip" {
  description = "WAF: requests of any kind per client IP in the window before it is blocked (429)."
  type        = number
  default     = 500
}

variable "cart_write_limit_per_ip" {
  description = "WAF: cart writes (POST, PUT, PATCH, DELETE under /api/cart) per client IP in the window before they are blocked (429)."
  type        = number
  default     = 120
}

variable "checkout_limit_per_ip" {
  description = "WAF: checkouts (POST /api/cart/checkout) per client IP in the window before they are blocked (429)."
  type        = number
  default     = 20
}

variable "checkout_limit_per_token" {
  description = "WAF: checkouts per Authorization header (one shopper's session) in the window before they are blocked (429). WAF's minimum is 10."
  type        = number
  default     = 10

  validation {
    condition     = var.checkout_limit_per_token >= 10
    error_message = "WAF rate-based rules count at least 10 requests."
  }
}

variable "content_security_policy" {
  description = "Content-Security-Policy header sent with every response; connect_sources are added to its connect-src directive."
  type        = string
  default     = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"

  validation {
    condition     = strcontains(var.content_security_policy, "connect-src 'self'")
    error_message = "The policy needs a connect-src 'self' directive (connect_sources are appended to it)."
  }
}

variable "connect_sources" {
  description = "Origins the SPA fetches from besides its own, added to the connect-src directive of content_security_policy (Cognito's API and Hosted UI)."
  type        = list(string)
  default     = []
}

variable "spa_config" {
  description = "The SPA's /config.json, written to the SPA bucket: region, userPoolId, clientId, authDomain (identity module output spa_config)."
  type        = map(string)
}

variable "origin_verify_header_name" {
  description = "Name of the secret header CloudFront adds to every request to the API origin (ingress module output origin_header_name)."
  type        = string
  default     = "X-Origin-Verify"
}

variable "origin_verify_header_value" {
  description = "Value of the secret origin header: the ALB admits only requests carrying it (ingress module output origin_header_value)."
  type        = string
  sensitive   = true
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
