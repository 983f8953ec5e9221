variable "name" {
  description = "Name of the user pool and prefix of its client (e.g. emporium-prod)."
  type        = string
}

variable "shop_domain_name" {
  description = "Public host name of the shop (the CloudFront domain, e.g. shop.example.com): the app client's callback and logout URLs are on it."
  type        = string
}

variable "callback_path" {
  description = "Path of the SPA page the Hosted UI redirects to with the authorization code (https://<shop_domain_name><callback_path>)."
  type        = string
  default     = "/auth/callback"

  validation {
    condition     = startswith(var.callback_path, "/")
    error_message = "callback_path starts with /."
  }
}

variable "logout_path" {
  description = "Path of the SPA page the Hosted UI's logout endpoint redirects to."
  type        = string
  default     = "/"

  validation {
    condition     = startswith(var.logout_path, "/")
    error_message = "logout_path starts with /."
  }
}

variable "domain_prefix" {
  description = "Prefix of the Hosted UI domain (<prefix>.auth.<region>.amazoncognito.com), unique per region across AWS. null: <name>-<account id>."
  type        = string
  default     = null
}

variable "deletion_protection" {
  description = "Protect the user pool (every shopper's account) from deletion (true in prod)."
  type        = bool
  default     = false
}

variable "password_minimum_length" {
  description = "Minimum password length (upper and lower case letters and a number are also required)."
  type        = number
  default     = 12

  validation {
    condition     = var.password_minimum_length >= 8 && var.password_minimum_length <= 99
    error_message = "Cognito accepts 8 to 99 characters."
  }
}

variable "access_token_validity_minutes" {
  description = "Lifetime of access and ID tokens, in minutes (5 to 1440)."
  type        = number
  default     = 60
}

variable "refresh_token_validity_days" {
  description = "Lifetime of refresh tokens, in days."
  type        = number
  default     = 30
}

variable "ses_email_identity_arn" {
  description = "SES identity that sends the pool's emails (verification codes, password resets). null: Cognito's own sender, limited to a few dozen emails a day (dev only)."
  type        = string
  default     = null
}

variable "from_email_address" {
  description = "From address of the pool's emails when ses_email_identity_arn is set (e.g. Emporium <no-reply@shop.example.com>)."
  type        = string
  default     = null
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
