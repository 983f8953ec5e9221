package io.emporium.psp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The payment service provider simulator: a stand-in for a card processor's HTTP API (authorize,
 * capture, void, refund, look-ups), with durable idempotency keys and test cards. A local and test
 * tool; in AWS the payment service talks to a real provider.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PspApplication {

  public static void main(String[] args) {
    SpringApplication.run(PspApplication.class, args);
  }
}
