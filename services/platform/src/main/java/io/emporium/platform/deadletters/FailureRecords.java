package io.emporium.platform.deadletters;

import java.util.Collection;
import reactor.core.publisher.Flux;

/**
 * The port through which the admin API reads the failure reasons a service's consumers recorded
 * (PostgreSQL {@code message_failures}, or the DynamoDB inbox table): a small seam, so the reading
 * follows wherever the messaging core keeps them.
 */
public interface FailureRecords {

  /** The records of those of {@code messageIds} that have one, in no particular order. */
  Flux<FailureRecord> find(Collection<String> messageIds);
}
