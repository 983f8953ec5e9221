package io.emporium.cart;

import io.emporium.platform.testing.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The cart service against the emulator (reset and provisioned per class), with a {@link
 * StubCatalog} of its own (serving {@link StubCatalog#withSampleProducts() MUG-1, TEE-2 and
 * BULK-1}; the cart's catalog URL points at it) and a counter of its DynamoDB requests. Every
 * integration test class extends this; the context (and its stub catalog) is closed after each
 * class.
 */
@ServiceIntegrationTest
@Import({CartTestInfra.Catalog.class, CartTestInfra.Requests.class})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class CartIntegrationTest {

  /** This class's stub catalog: a test may change its products or take it down. */
  @Autowired protected StubCatalog catalog;
}
