locals {
  tags       = merge({ "emporium:component" = "data", "emporium:environment" = var.environment }, var.tags)
  serverless = var.instance_class == "db.serverless"
  is_primary = var.global_cluster_identifier == null
  instances  = var.multi_az ? 2 : 1

  # Every database and table comes from events-schema/data-schema.yaml, which the services read too (local creation):
  # the names cannot drift. Databases marked local (the payment provider simulator's) exist only locally.
  schema             = yamldecode(file(coalesce(var.data_schema_file, "${path.module}/../../../events-schema/data-schema.yaml")))
  postgres_databases = [for name, db in local.schema.postgres : name if !try(db.local, false)]
  secret_name        = { for db in local.postgres_databases : db => "emporium/${var.environment}/${db}/database" }
  dynamodb_tables = {
    for name, table in local.schema.dynamodb : name => {
      name          = replace(replace(local.schema.naming.dynamodbTable, "{env}", var.environment), "{table}", name)
      owner         = table.owner
      hash_key      = table.hashKey
      range_key     = try(table.rangeKey, null)
      ttl_attribute = try(table.ttlAttribute, null)
      stream        = try(table.stream, false)
    }
  }

  # The dead-letter audit: written by several services (./emporium dlq, the admin APIs), owned by none.
  audit       = local.schema.deadLetterAudit
  audit_table = replace(replace(local.schema.naming.dynamodbTable, "{env}", var.environment), "{table}", local.audit.table)
}

# Aurora PostgreSQL: one cluster, a database per service.

resource "aws_db_subnet_group" "this" {
  name       = var.name
  subnet_ids = var.subnet_ids
  tags       = local.tags
}

resource "aws_security_group" "postgres" {
  name        = "${var.name}-postgres"
  description = "PostgreSQL from the cluster workloads only"
  vpc_id      = var.vpc_id
  tags        = local.tags
}

# Keyed by a name chosen in configuration, not by the group id: the id of a group created in the same apply (the
# EKS cluster's) is unknown at plan time and cannot be a for_each key.
resource "aws_vpc_security_group_ingress_rule" "postgres" {
  for_each = var.allowed_security_groups

  security_group_id            = aws_security_group.postgres.id
  description                  = "PostgreSQL from ${each.value}"
  referenced_security_group_id = each.value
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
}

resource "aws_rds_global_cluster" "this" {
  count = var.global_database && local.is_primary ? 1 : 0

  global_cluster_identifier = "${var.name}-global"
  engine                    = "aurora-postgresql"
  engine_version            = var.engine_version
  storage_encrypted         = true
  deletion_protection       = var.deletion_protection
}

resource "aws_rds_cluster" "this" {
  cluster_identifier                  = var.name
  engine                              = "aurora-postgresql"
  engine_version                      = var.engine_version
  global_cluster_identifier           = var.global_database && local.is_primary ? aws_rds_global_cluster.this[0].id : var.global_cluster_identifier
  database_name                       = local.is_primary ? "emporium" : null
  master_username                     = local.is_primary ? "emporium_admin" : null
  manage_master_user_password         = local.is_primary ? true : null
  master_user_secret_kms_key_id       = local.is_primary ? var.kms_key_arn : null
  iam_database_authentication_enabled = true
  storage_encrypted                   = true
  kms_key_id                          = var.kms_key_arn
  db_subnet_group_name                = aws_db_subnet_group.this.name
  vpc_security_group_ids              = [aws_security_group.postgres.id]
  backup_retention_period             = var.backup_retention_days
  preferred_backup_window             = "02:00-03:00"
  copy_tags_to_snapshot               = true
  deletion_protection                 = var.deletion_protection
  skip_final_snapshot                 = !var.deletion_protection
  final_snapshot_identifier           = var.deletion_protection ? "${var.name}-final" : null
  enabled_cloudwatch_logs_exports     = ["postgresql"]
  tags                                = local.tags

  dynamic "serverlessv2_scaling_configuration" {
    for_each = local.serverless ? [1] : []
    content {
      min_capacity = var.serverless_min_capacity
      max_capacity = var.serverless_max_capacity
    }
  }

  lifecycle {
    # A secondary of a global database follows the primary's engine upgrades.
    ignore_changes = [global_cluster_identifier, engine_version]
  }
}

resource "aws_rds_cluster_instance" "this" {
  count = local.instances

  identifier                   = "${var.name}-${count.index + 1}"
  cluster_identifier           = aws_rds_cluster.this.id
  engine                       = aws_rds_cluster.this.engine
  engine_version               = aws_rds_cluster.this.engine_version
  instance_class               = var.instance_class
  db_subnet_group_name         = aws_db_subnet_group.this.name
  performance_insights_enabled = true
  auto_minor_version_upgrade   = true
  promotion_tier               = count.index
  tags                         = local.tags
}

# Per service: where its database is and who it logs in as (IAM authentication: no password to store).
# The databases and roles themselves are created by the SQL of the database_bootstrap_sql output (no
# PostgreSQL provider is available to this project); each service's Flyway migrations create its tables.
resource "aws_secretsmanager_secret" "database" {
  for_each = toset(local.postgres_databases)

  name        = local.secret_name[each.key]
  description = "Connection details of the ${each.key} service's database (IAM authentication)"
  kms_key_id  = var.kms_key_arn
  tags        = merge(local.tags, { "emporium:service" = each.key })
}

resource "aws_secretsmanager_secret_version" "database" {
  for_each = toset(local.postgres_databases)

  secret_id = aws_secretsmanager_secret.database[each.key].id
  secret_string = jsonencode({
    host        = aws_rds_cluster.this.endpoint
    readerHost  = aws_rds_cluster.this.reader_endpoint
    port        = aws_rds_cluster.this.port
    dbname      = each.key
    username    = each.key
    iamAuth     = true
    sslmode     = "verify-full"
    r2dbcUrl    = "r2dbc:postgresql://${aws_rds_cluster.this.endpoint}:${aws_rds_cluster.this.port}/${each.key}"
    jdbcUrl     = "jdbc:postgresql://${aws_rds_cluster.this.endpoint}:${aws_rds_cluster.this.port}/${each.key}"
    description = "IAM auth: generate a token with rds:GenerateDBAuthToken / rds-db:connect"
  })
}

# DynamoDB: on-demand, encrypted, point-in-time recovery on.

resource "aws_dynamodb_table" "this" {
  for_each = local.dynamodb_tables

  name                        = each.value.name
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = each.value.hash_key
  range_key                   = each.value.range_key
  deletion_protection_enabled = var.deletion_protection
  stream_enabled              = each.value.stream || length(var.dynamodb_replica_regions) > 0
  stream_view_type            = each.value.stream || length(var.dynamodb_replica_regions) > 0 ? "NEW_AND_OLD_IMAGES" : null

  attribute {
    name = each.value.hash_key
    type = "S"
  }

  dynamic "attribute" {
    for_each = each.value.range_key == null ? [] : [each.value.range_key]
    content {
      name = attribute.value
      type = "S"
    }
  }

  dynamic "ttl" {
    for_each = each.value.ttl_attribute == null ? [] : [each.value.ttl_attribute]
    content {
      attribute_name = ttl.value
      enabled        = true
    }
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = var.kms_key_arn
  }

  # DR: global-table replicas (docs/dr.md).
  dynamic "replica" {
    for_each = toset(var.dynamodb_replica_regions)
    content {
      region_name            = replica.value
      point_in_time_recovery = true
    }
  }

  tags = merge(local.tags, { "emporium:service" = each.value.owner })
}

# The dead-letter audit: one item per replay or purge of dead letters, appended (writers may PutItem and Query, never
# update or delete: terraform/modules/service-iam); point-in-time recovery and deletion protection keep it.
resource "aws_dynamodb_table" "dead_letter_audit" {
  name                        = local.audit_table
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = local.audit.hashKey
  range_key                   = local.audit.rangeKey
  deletion_protection_enabled = var.audit_deletion_protection

  attribute {
    name = local.audit.hashKey
    type = "S"
  }

  attribute {
    name = local.audit.rangeKey
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }

  tags = local.tags
}
