package io.emporium.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The golden fixtures shipped in this jar under {@code fixtures/<producer>/<Name>.v<major>.json}:
 * one complete, valid envelope per wire type. Tests of producers and consumers use them as the
 * canonical example of each event.
 */
public final class EventFixtures {

  private EventFixtures() {}

  /** {@code order.OrderPlaced.v1} → {@code fixtures/order/OrderPlaced.v1.json}. */
  public static String resource(String type) {
    return "fixtures/" + EventTypes.producerOf(type) + "/" + EventTypes.nameOf(type) + ".json";
  }

  /** The fixture's JSON text. */
  public static String json(String type) {
    String resource = resource(type);
    try (InputStream in = EventFixtures.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + resource + " on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture decoded (and so validated) by {@link EventCodec}. */
  public static EventEnvelope envelope(String type) {
    return new EventCodec().decode(json(type));
  }
}
