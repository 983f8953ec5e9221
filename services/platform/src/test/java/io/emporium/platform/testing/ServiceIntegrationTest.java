package io.emporium.platform.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.autoconfigure.web.reactive.AutoConfigureWebTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * A service's Spring context against the test JVM's emulator and PostgreSQL, the one way every
 * integration test starts one: the emulator reset and environment {@value
 * EmulatedInfrastructure#ENV} provisioned before the class ({@link EmulatedInfrastructure}); the
 * context pointed at the emulator and the test user pool; {@link #database()} created afresh for
 * R2DBC and Flyway when named; a fast relay and listener backoff ({@link
 * ServiceIntegrationTestContext#FAST}, which {@link #properties()} may override).
 *
 * <pre>{@code
 * @ServiceIntegrationTest(database = "order", properties = "emporium.order.status-poll-interval=500ms")
 * @DirtiesContext
 * public abstract class OrderIntegrationTest { ... }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EmulatedInfrastructure.class)
// A busy 2-core machine answers a first request (OpenAPI, a cold path) slower than WebTestClient's
// 5 s.
@AutoConfigureWebTestClient(timeout = "30s")
@SpringBootTest
@ContextCustomizerFactories(ServiceIntegrationTestContext.class)
public @interface ServiceIntegrationTest {

  /** The PostgreSQL database created afresh for the context; none when empty. */
  String database() default "";

  /** More properties for the context, as {@link SpringBootTest#properties()}. */
  @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
  String[] properties() default {};

  @AliasFor(annotation = SpringBootTest.class, attribute = "webEnvironment")
  SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.RANDOM_PORT;

  @AliasFor(annotation = SpringBootTest.class, attribute = "classes")
  Class<?>[] classes() default {};
}
