package io.emporium.cart;

import io.emporium.platform.testing.ServiceIntegrationTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The cart service against the emulator (reset and provisioned per class), with a stub catalog and
 * a counter of its DynamoDB requests; the context is closed after each class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ServiceIntegrationTest
@Import(CartTestInfra.Requests.class)
@AutoConfigureWebTestClient(timeout = "30s") // the emulator is slow on a busy machine
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface CartIntegrationTest {}
