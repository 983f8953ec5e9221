package io.emporium.platform.deadletters;

import java.time.Instant;
import java.util.List;

/** Where replays and purges are recorded, append-only. */
public interface AuditLog {

  void append(AuditRecord record);

  /** Records since {@code since}, newest first, at most {@code limit}. */
  List<AuditRecord> read(Instant since, int limit);
}
