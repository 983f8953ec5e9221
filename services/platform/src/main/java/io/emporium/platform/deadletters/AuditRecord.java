package io.emporium.platform.deadletters;

import java.time.Instant;
import java.util.List;

/**
 * One operation on dead letters, as the audit keeps it.
 *
 * @param who the AWS principal (STS GetCallerIdentity ARN) or {@code token:<subject>} of an admin
 * @param action {@code replay} or {@code purge}
 * @param queue the DLQ, or {@code outbox:<service>} for the dead letters of a service's outbox
 * @param filter the filter as typed ({@code (all)} when none)
 * @param count how many messages it moved or deleted
 * @param ids their SQS message ids (event ids for outbox rows); empty for an SQS move task
 * @param detail what else matters: the method, failed again, bodies of purged messages
 */
public record AuditRecord(
    String id,
    Instant at,
    String who,
    String via,
    String action,
    String queue,
    String filter,
    int count,
    List<String> ids,
    String detail) {

  public AuditRecord {
    ids = List.copyOf(ids);
  }
}
