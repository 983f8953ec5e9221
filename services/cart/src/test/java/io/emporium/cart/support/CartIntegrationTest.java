package io.emporium.cart.support;

import io.emporium.platform.testing.EmulatedInfrastructure;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The cart service against the emulator (reset and provisioned per class), with a stub catalog and
 * a counter of its DynamoDB requests; the context is closed after each class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EmulatedInfrastructure.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "emporium.messaging.relay.poll-interval=50ms",
      "emporium.messaging.listener.initial-backoff-seconds=1"
    })
@Import(CartTestInfra.Requests.class)
@AutoConfigureWebTestClient(timeout = "30s") // the emulator is slow on a busy machine
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface CartIntegrationTest {}
