# The shop's shoppers: a Cognito user pool (sign-in with the email address), the SPA's app client (public: no
# secret; authorization code + PKCE through the Hosted UI, or SRP from the SPA itself), the admins group the
# services check in cognito:groups, and the Hosted UI domain. The services validate the pool's access tokens
# (docs/architecture.md, "Identity").
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  tags          = merge({ "emporium:component" = "identity" }, var.tags)
  domain_prefix = coalesce(var.domain_prefix, "${var.name}-${data.aws_caller_identity.current.account_id}")
  shop_url      = "https://${var.shop_domain_name}"
}

resource "aws_cognito_user_pool" "this" {
  name                     = var.name
  username_attributes      = ["email"]
  auto_verified_attributes = ["email"]
  deletion_protection      = var.deletion_protection ? "ACTIVE" : "INACTIVE"
  mfa_configuration        = "OPTIONAL"
  tags                     = local.tags

  username_configuration {
    case_sensitive = false
  }

  password_policy {
    minimum_length                   = var.password_minimum_length
    require_lowercase                = true
    require_uppercase                = true
    require_numbers                  = true
    require_symbols                  = false
    temporary_password_validity_days = 3
  }

  software_token_mfa_configuration {
    enabled = true
  }

  account_recovery_setting {
    recovery_mechanism {
      name     = "verified_email"
      priority = 1
    }
  }

  admin_create_user_config {
    allow_admin_create_user_only = false
  }

  # A changed address stays unverified (and unused for sign-in) until the shopper confirms the code.
  user_attribute_update_settings {
    attributes_require_verification_before_update = ["email"]
  }

  verification_message_template {
    default_email_option = "CONFIRM_WITH_CODE"
  }

  email_configuration {
    email_sending_account = var.ses_email_identity_arn == null ? "COGNITO_DEFAULT" : "DEVELOPER"
    source_arn            = var.ses_email_identity_arn
    from_email_address    = var.ses_email_identity_arn == null ? null : var.from_email_address
  }
}

# The SPA's client: public (no secret), so it can live in a browser. Authorization code + PKCE through the Hosted
# UI (no implicit grant: tokens never travel in a URL), SRP when the SPA signs in by itself, refresh tokens
# revocable (sign-out revokes them). aws.cognito.signin.user.admin lets the access token call GetUser (the cart reads the
# account's email with it at checkout).
resource "aws_cognito_user_pool_client" "spa" {
  name         = "${var.name}-spa"
  user_pool_id = aws_cognito_user_pool.this.id

  generate_secret                      = false
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["code"]
  allowed_oauth_scopes                 = ["openid", "email", "aws.cognito.signin.user.admin"]
  supported_identity_providers         = ["COGNITO"]
  callback_urls                        = ["${local.shop_url}${var.callback_path}"]
  logout_urls                          = ["${local.shop_url}${var.logout_path}"]
  explicit_auth_flows                  = ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]
  prevent_user_existence_errors        = "ENABLED"
  enable_token_revocation              = true

  access_token_validity  = var.access_token_validity_minutes
  id_token_validity      = var.access_token_validity_minutes
  refresh_token_validity = var.refresh_token_validity_days
  token_validity_units {
    access_token  = "minutes"
    id_token      = "minutes"
    refresh_token = "days"
  }

  read_attributes  = ["email", "email_verified"]
  write_attributes = ["email"]
}

resource "aws_cognito_user_group" "admins" {
  name         = "admins"
  user_pool_id = aws_cognito_user_pool.this.id
  description  = "Shop administrators: the services' admin APIs (catalog, stock) require this group in cognito:groups."
  precedence   = 0
}

# The Hosted UI: https://<prefix>.auth.<region>.amazoncognito.com (authorize, token, logout endpoints).
resource "aws_cognito_user_pool_domain" "this" {
  domain       = local.domain_prefix
  user_pool_id = aws_cognito_user_pool.this.id
}
