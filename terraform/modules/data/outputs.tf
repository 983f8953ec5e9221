output "cluster_endpoint" {
  description = "Writer endpoint of the Aurora cluster."
  value       = aws_rds_cluster.this.endpoint
}

output "cluster_reader_endpoint" {
  description = "Reader endpoint of the Aurora cluster."
  value       = aws_rds_cluster.this.reader_endpoint
}

output "cluster_resource_id" {
  description = "Aurora cluster resource id (the rds-db:connect ARNs of the service roles use it)."
  value       = aws_rds_cluster.this.cluster_resource_id
}

output "cluster_arn" {
  description = "ARN of the Aurora cluster."
  value       = aws_rds_cluster.this.arn
}

output "master_user_secret_arn" {
  description = "ARN of the Secrets Manager secret (managed by RDS) holding the admin credentials; used only for the database bootstrap."
  value       = try(aws_rds_cluster.this.master_user_secret[0].secret_arn, null)
}

output "global_cluster_identifier" {
  description = "Identifier of the Aurora Global Database (null when not global); the DR region's root passes it to its data module."
  value       = try(aws_rds_global_cluster.this[0].id, var.global_cluster_identifier)
}

output "security_group_id" {
  description = "Security group of the database."
  value       = aws_security_group.postgres.id
}

output "database_secret_arns" {
  description = "By service: ARN of the secret with its database connection details (the ExternalSecret of its chart reads it)."
  value       = { for db, secret in aws_secretsmanager_secret.database : db => secret.arn }
}

output "database_secret_names" {
  description = "By service: name of the secret with its database connection details."
  value       = { for db, secret in aws_secretsmanager_secret.database : db => secret.name }
}

output "dynamodb_table_arns" {
  description = "DynamoDB table ARN by logical table name."
  value       = { for name, table in aws_dynamodb_table.this : name => table.arn }
}

output "dynamodb_table_names" {
  description = "DynamoDB table name by logical table name."
  value       = { for name, table in aws_dynamodb_table.this : name => table.name }
}

output "dynamodb_tables_by_owner" {
  description = "By service: the ARNs of the DynamoDB tables it owns (the input of service-iam)."
  value = {
    for owner in distinct([for t in local.dynamodb_tables : t.owner]) : owner => [
      for name, t in local.dynamodb_tables : aws_dynamodb_table.this[name].arn if t.owner == owner
    ]
  }
}

output "dead_letter_audit_table_arn" {
  description = "ARN of the dead-letter audit table (data-schema.yaml deadLetterAudit)."
  value       = aws_dynamodb_table.dead_letter_audit.arn
}

output "dead_letter_audit_table_name" {
  description = "Name of the dead-letter audit table."
  value       = aws_dynamodb_table.dead_letter_audit.name
}

output "database_bootstrap_sql" {
  description = "One-off SQL, run as the admin user once the cluster exists: a database and an IAM-auth login role per service."
  value = join("\n", flatten([
    for db in local.postgres_databases : [
      "CREATE ROLE \"${db}\" LOGIN;",
      "GRANT rds_iam TO \"${db}\";",
      "CREATE DATABASE \"${db}\" OWNER \"${db}\";",
      "REVOKE ALL ON DATABASE \"${db}\" FROM PUBLIC;",
    ]
  ]))
}
