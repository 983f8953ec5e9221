output "region" {
  description = "Region of the user pool (EMPORIUM_IDENTITY_REGION of the services, region of config.json)."
  value       = data.aws_region.current.name
}

output "user_pool_id" {
  description = "ID of the user pool (EMPORIUM_IDENTITY_USER_POOL_ID, config.json userPoolId)."
  value       = aws_cognito_user_pool.this.id
}

output "user_pool_arn" {
  description = "ARN of the user pool."
  value       = aws_cognito_user_pool.this.arn
}

output "client_id" {
  description = "ID of the SPA's app client (EMPORIUM_IDENTITY_CLIENT_ID: the services accept only its access tokens; config.json clientId)."
  value       = aws_cognito_user_pool_client.spa.id
}

output "issuer" {
  description = "Issuer (iss) of the pool's tokens; its JWKS is <issuer>/.well-known/jwks.json."
  value       = "https://cognito-idp.${data.aws_region.current.name}.amazonaws.com/${aws_cognito_user_pool.this.id}"
}

output "auth_domain" {
  description = "Host name of the Hosted UI (config.json authDomain): /oauth2/authorize, /oauth2/token and /logout live there."
  value       = "${aws_cognito_user_pool_domain.this.domain}.auth.${data.aws_region.current.name}.amazoncognito.com"
}

output "admins_group" {
  description = "Name of the group whose members may use the admin APIs."
  value       = aws_cognito_user_group.admins.name
}

output "spa_config" {
  description = "What the SPA reads from /config.json: region, userPoolId, clientId, authDomain (the edge module writes it to the SPA bucket)."
  value = {
    region     = data.aws_region.current.name
    userPoolId = aws_cognito_user_pool.this.id
    clientId   = aws_cognito_user_pool_client.spa.id
    authDomain = "${aws_cognito_user_pool_domain.this.domain}.auth.${data.aws_region.current.name}.amazoncognito.com"
  }
}
