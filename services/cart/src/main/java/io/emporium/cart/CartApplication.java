package io.emporium.cart;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Shopping carts on DynamoDB; checkout publishes CartCheckedOut. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CartApplication {

  public static void main(String[] args) {
    SpringApplication.run(CartApplication.class, args);
  }
}
