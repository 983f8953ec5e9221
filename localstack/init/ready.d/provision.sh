#!/bin/bash
# Generated from events-schema/topology.yaml by io.emporium.launcher.compose.ComposeFiles: do not edit.
# Regenerate: ./mvnw -B -ntp -pl services/launcher test -Dtest=ComposeFilesTests -Demporium.localstack.regenerate=true
# LocalStack runs it when ready (mounted at /etc/localstack/init/ready.d): the topology of env "local",
# as TopologyProvisioner creates it for ./emporium up and Terraform in AWS. Idempotent.
set -euo pipefail

arn_of() {
  awslocal sqs get-queue-attributes --queue-url "$1" --attribute-names QueueArn \
    --query Attributes.QueueArn --output text
}

# edge <topic arn> <queue> <dlq> <filter policy>: queue + DLQ (redrive), raw delivery filtered on the type.
edge() {
  local topic_arn=$1 queue=$2 dlq=$3 filter=$4 dlq_url dlq_arn queue_url queue_arn
  dlq_url=$(awslocal sqs create-queue --queue-name "$dlq" --query QueueUrl --output text \
    --attributes MessageRetentionPeriod=1209600)
  dlq_arn=$(arn_of "$dlq_url")
  queue_url=$(awslocal sqs create-queue --queue-name "$queue" --query QueueUrl --output text)
  awslocal sqs set-queue-attributes --queue-url "$queue_url" --attributes "$(printf \
    '{"VisibilityTimeout":"30","MessageRetentionPeriod":"345600","ReceiveMessageWaitTimeSeconds":"20","RedrivePolicy":"{\\"deadLetterTargetArn\\":\\"%s\\",\\"maxReceiveCount\\":20}"}' \
    "$dlq_arn")"
  queue_arn=$(arn_of "$queue_url")
  awslocal sns subscribe --topic-arn "$topic_arn" --protocol sqs --notification-endpoint "$queue_arn" \
    --attributes "$(printf '{"RawMessageDelivery":"true","FilterPolicy":"%s"}' "${filter//\"/\\\"}")" \
    >/dev/null
}

cart_topic=$(awslocal sns create-topic --name emporium-local-cart-events --query TopicArn --output text)
order_topic=$(awslocal sns create-topic --name emporium-local-order-events --query TopicArn --output text)
catalog_topic=$(awslocal sns create-topic --name emporium-local-catalog-events --query TopicArn --output text)
payment_topic=$(awslocal sns create-topic --name emporium-local-payment-events --query TopicArn --output text)
notification_topic=$(awslocal sns create-topic --name emporium-local-notification-events --query TopicArn --output text)

edge "$cart_topic" emporium-local-order-from-cart emporium-local-order-from-cart-dlq '{"type":["cart.CartCheckedOut.v1"]}'
edge "$catalog_topic" emporium-local-order-from-catalog emporium-local-order-from-catalog-dlq '{"type":["catalog.StockReserved.v1","catalog.StockRejected.v1"]}'
edge "$payment_topic" emporium-local-order-from-payment emporium-local-order-from-payment-dlq '{"type":["payment.PaymentAuthorized.v1","payment.PaymentDeclined.v1"]}'
edge "$order_topic" emporium-local-catalog-from-order emporium-local-catalog-from-order-dlq '{"type":["order.OrderPlaced.v1","order.OrderConfirmed.v1","order.OrderCancelled.v1"]}'
edge "$order_topic" emporium-local-payment-from-order emporium-local-payment-from-order-dlq '{"type":["order.OrderPlaced.v1","order.OrderConfirmed.v1","order.OrderCancelled.v1"]}'
edge "$catalog_topic" emporium-local-payment-from-catalog emporium-local-payment-from-catalog-dlq '{"type":["catalog.StockReserved.v1"]}'
edge "$order_topic" emporium-local-notification-from-order emporium-local-notification-from-order-dlq '{"type":["order.OrderConfirmed.v1","order.OrderCancelled.v1"]}'
edge "$payment_topic" emporium-local-notification-from-payment emporium-local-notification-from-payment-dlq '{"type":["payment.PaymentRefunded.v1"]}'
edge "$order_topic" emporium-local-cart-from-order emporium-local-cart-from-order-dlq '{"type":["order.OrderConfirmed.v1","order.OrderCancelled.v1"]}'

echo "emporium: provisioned 5 topics and 9 queues with DLQs (env local)"
