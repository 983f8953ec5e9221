package io.emporium.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.internal.jdbc.DriverDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayConnectionDetails;

class IamAuthFlywayCustomizerTests {

  @Test
  void migratesWithAFreshTokenOverSsl() {
    var rds = new CountingRdsUtilities("signed-token");
    var configuration = new FluentConfiguration();

    customizer("jdbc:postgresql://aurora.example:6543/payment", "payment", rds)
        .customize(configuration);

    var dataSource = (DriverDataSource) configuration.getDataSource();
    assertThat(dataSource.getUrl())
        .isEqualTo("jdbc:postgresql://aurora.example:6543/payment?sslmode=require");
    assertThat(dataSource.getUser()).isEqualTo("payment");
    assertThat(dataSource.getPassword()).isEqualTo("signed-token");
    assertThat(rds.calls()).isEqualTo(1);
    assertThat(rds.requests.getFirst().hostname()).isEqualTo("aurora.example");
    assertThat(rds.requests.getFirst().port()).isEqualTo(6543);
    assertThat(rds.requests.getFirst().username()).isEqualTo("payment");
  }

  @Test
  void signsForTheDefaultPortWhenTheUrlNamesNone() {
    var rds = new CountingRdsUtilities("signed-token");

    customizer("jdbc:postgresql://aurora.example/order", "order", rds)
        .customize(new FluentConfiguration());

    assertThat(rds.requests.getFirst().port()).isEqualTo(5432);
  }

  @Test
  void requiresSslUnlessTheUrlVerifiesTheServer() {
    assertThat(IamAuthFlywayCustomizer.requireSsl("jdbc:postgresql://h/db?sslmode=disable&a=b"))
        .isEqualTo("jdbc:postgresql://h/db?sslmode=require&a=b");
    assertThat(IamAuthFlywayCustomizer.requireSsl("jdbc:postgresql://h/db?a=b&sslmode=prefer"))
        .isEqualTo("jdbc:postgresql://h/db?a=b&sslmode=require");
    assertThat(IamAuthFlywayCustomizer.requireSsl("jdbc:postgresql://h/db?sslmode=verify-full"))
        .isEqualTo("jdbc:postgresql://h/db?sslmode=verify-full");
  }

  private static IamAuthFlywayCustomizer customizer(
      String url, String user, CountingRdsUtilities rds) {
    var beans = new StaticListableBeanFactory();
    beans.addBean(
        "flywayConnectionDetails",
        new FlywayConnectionDetails() {
          @Override
          public String getJdbcUrl() {
            return url;
          }

          @Override
          public String getUsername() {
            return user;
          }

          @Override
          public String getPassword() {
            return null;
          }
        });
    return new IamAuthFlywayCustomizer(
        beans.getBeanProvider(FlywayConnectionDetails.class), new IamAuthTokens(rds));
  }
}
