package io.emporium.edge;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The local edge: stands in for CloudFront + ALB and routes {@code /api/<service>/**} to each
 * service.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EdgeApplication {

  public static void main(String[] args) {
    SpringApplication.run(EdgeApplication.class, args);
  }
}
