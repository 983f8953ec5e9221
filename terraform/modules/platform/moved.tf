# The dead-letter audit table is declared in events-schema/data-schema.yaml (ADR 18) and created by the data module;
# the messaging module created it before: existing state follows it without a destroy/create.
moved {
  from = module.messaging.aws_dynamodb_table.dead_letter_audit
  to   = module.data.aws_dynamodb_table.dead_letter_audit
}
