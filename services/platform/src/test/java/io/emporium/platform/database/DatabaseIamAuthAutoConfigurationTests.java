package io.emporium.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.autoconfigure.r2dbc.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class DatabaseIamAuthAutoConfigurationTests {

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(DatabaseIamAuthAutoConfiguration.class))
          .withBean(
              AwsCredentialsProvider.class,
              () ->
                  StaticCredentialsProvider.create(
                      AwsBasicCredentials.create("AKIAFAKEFAKEFAKE", "fake-secret")));

  @Test
  void isOffByDefault() {
    context
        .withPropertyValues("emporium.database.region=eu-west-1")
        .run(
            started ->
                assertThat(started)
                    .doesNotHaveBean(IamAuthTokens.class)
                    .doesNotHaveBean(ConnectionFactoryOptionsBuilderCustomizer.class)
                    .doesNotHaveBean(FlywayConfigurationCustomizer.class));
  }

  @Test
  void customizesR2dbcAndFlywayWhenOn() {
    context
        .withPropertyValues("emporium.database.iam-auth=true", "emporium.database.region=eu-west-1")
        .run(
            started -> {
              assertThat(started)
                  .hasSingleBean(IamAuthTokens.class)
                  .hasSingleBean(IamAuthConnectionOptions.class)
                  .hasSingleBean(IamAuthFlywayCustomizer.class);
              assertThat(started.getBean(IamAuthTokens.class).generate("db.example", 5432, "order"))
                  .contains("AKIAFAKEFAKEFAKE%2F")
                  .contains("%2Feu-west-1%2Frds-db%2Faws4_request");
            });
  }

  @Test
  void rejectsARegionThatIsNotOne() {
    context
        .withPropertyValues("emporium.database.iam-auth=true", "emporium.database.region=Ireland")
        .run(started -> assertThat(started).hasFailed());
  }
}
