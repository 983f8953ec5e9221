package io.emporium.notification.config;

import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.emporium.notification.email.SenderIdentityVerification;
import io.emporium.notification.email.SesEmailSender;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.sesv2.SesV2AsyncClient;

/**
 * SES: an async SESv2 client with Spring Cloud AWS's credentials, region and endpoint (Spring Cloud
 * AWS 3.4 auto-configures only the v1 sync SES client), the sender, and locally the sender's
 * identity.
 */
@Configuration(proxyBeanMethods = false)
class EmailConfiguration {

  @Bean(destroyMethod = "close")
  SesV2AsyncClient sesV2AsyncClient(AwsClientBuilderConfigurer configurer) {
    return configurer.configure(SesV2AsyncClient.builder()).build();
  }

  @Bean
  SesEmailSender sesEmailSender(SesV2AsyncClient ses, NotificationProperties properties) {
    return new SesEmailSender(ses, properties.sender());
  }

  @Bean
  @ConditionalOnProperty("emporium.notification.verify-sender")
  SenderIdentityVerification senderIdentityVerification(
      SesV2AsyncClient ses, NotificationProperties properties) {
    return new SenderIdentityVerification(ses, properties.sender());
  }
}
