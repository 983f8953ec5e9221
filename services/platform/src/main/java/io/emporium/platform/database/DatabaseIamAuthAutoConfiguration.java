package io.emporium.platform.database;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayConnectionDetails;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.rds.RdsUtilities;

/**
 * {@code emporium.database.iam-auth=true} (the Helm chart sets it for services with a database):
 * R2DBC and Flyway log in to Aurora PostgreSQL with RDS IAM authentication tokens signed with the
 * service's credentials (IRSA in EKS), over SSL. Off (local, tests): the configured password as is.
 */
@AutoConfiguration(
    beforeName = {
      "org.springframework.boot.autoconfigure.r2dbc.R2dbcAutoConfiguration",
      "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration"
    },
    afterName = {
      "io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration",
      "io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration"
    })
@ConditionalOnClass(RdsUtilities.class)
@ConditionalOnProperty(value = "emporium.database.iam-auth", havingValue = "true")
@EnableConfigurationProperties(DatabaseProperties.class)
public class DatabaseIamAuthAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  IamAuthTokens iamAuthTokens(
      DatabaseProperties properties,
      ObjectProvider<AwsRegionProvider> regions,
      ObjectProvider<AwsCredentialsProvider> credentials) {
    Region region =
        properties.region() != null
            ? Region.of(properties.region())
            : regions.getIfAvailable(DefaultAwsRegionProviderChain::new).getRegion();
    return new IamAuthTokens(
        RdsUtilities.builder()
            .region(region)
            .credentialsProvider(
                credentials.getIfAvailable(() -> DefaultCredentialsProvider.builder().build()))
            .build());
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(PostgresqlConnectionFactoryProvider.class)
  static class R2dbc {

    @Bean
    IamAuthConnectionOptions iamAuthConnectionOptions(IamAuthTokens tokens) {
      return new IamAuthConnectionOptions(tokens);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(FluentConfiguration.class)
  static class Flyway {

    @Bean
    IamAuthFlywayCustomizer iamAuthFlywayCustomizer(
        ObjectProvider<FlywayConnectionDetails> connection, IamAuthTokens tokens) {
      return new IamAuthFlywayCustomizer(connection, tokens);
    }
  }
}
