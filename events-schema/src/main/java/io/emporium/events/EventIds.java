package io.emporium.events;

import java.security.SecureRandom;
import java.util.UUID;

/** Event ids are UUID v7 (RFC 9562): time-ordered, so they index well and sort by creation. */
public final class EventIds {

  private static final SecureRandom RANDOM = new SecureRandom();

  private EventIds() {}

  public static UUID next() {
    long millis = System.currentTimeMillis();
    long randA = RANDOM.nextInt(1 << 12);
    long msb = (millis << 16) | (0x7L << 12) | randA;
    long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }
}
