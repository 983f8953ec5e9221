package io.emporium.platform.deadletters;

import io.emporium.platform.deadletters.ReplayReport.Moved;
import java.util.List;
import java.util.Set;

/**
 * What a purge deleted (or would delete, unconfirmed), and which of the ids it did not find.
 *
 * @param bodies the deleted messages' bodies, in {@code deleted} order: the audit keeps them
 */
public record PurgeReport(
    String queue,
    boolean confirmed,
    List<Moved> deleted,
    List<String> bodies,
    Set<String> notFound) {}
