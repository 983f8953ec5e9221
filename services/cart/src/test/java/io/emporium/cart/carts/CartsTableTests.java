package io.emporium.cart.carts;

import static org.assertj.core.api.Assertions.assertThat;

import io.emporium.events.dataschema.DataSchema;
import org.junit.jupiter.api.Test;

class CartsTableTests {

  @Test
  void usesTheNameKeysAndExpiryTheDataSchemaDeclares() {
    var table = CartsTable.of(DataSchema.load(), "prod");

    assertThat(table.name()).isEqualTo("emporium-prod-carts");
    assertThat(table.declared().hashKey()).isEqualTo(CartsTable.PK);
    assertThat(table.declared().rangeKey()).isNull();
    assertThat(table.declared().ttlAttribute()).isEqualTo(CartsTable.EXPIRES_AT);
    assertThat(table.declared().owner()).isEqualTo("cart");
  }
}
