package io.emporium.platform.identity;

import io.emporium.boundary.identity.CognitoAccessTokens;
import io.emporium.boundary.identity.CustomerId;
import io.emporium.boundary.identity.IdentityProperties;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.security.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.reactive.ReactiveOAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.reactive.ReactiveSecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.reactive.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/**
 * Every WebFlux service is an OAuth2 resource server for the shop's Cognito user pool ({@link
 * IdentityProperties}, no defaults): a request needs a valid access token ({@link
 * CognitoAccessTokens}) unless the platform or the service's {@link AccessRules} open it; admin
 * paths need {@code admins} in {@code cognito:groups}. Controllers get the caller as a {@link
 * CustomerId} parameter (the token's {@code sub}).
 */
@AutoConfiguration(
    before = {
      ReactiveSecurityAutoConfiguration.class,
      ReactiveUserDetailsServiceAutoConfiguration.class,
      ReactiveOAuth2ResourceServerAutoConfiguration.class,
      ReactiveManagementWebSecurityAutoConfiguration.class
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(IdentityProperties.class)
@EnableWebFluxSecurity
public class IdentityAutoConfiguration {

  /** The authority of members of the Cognito group {@code admins}. */
  public static final String ADMIN = "GROUP_admins";

  @Bean
  @ConditionalOnMissingBean
  ReactiveJwtDecoder emporiumJwtDecoder(IdentityProperties identity) {
    return CognitoAccessTokens.decoder(identity);
  }

  @Bean
  @ConditionalOnMissingBean(SecurityWebFilterChain.class)
  SecurityWebFilterChain emporiumSecurityWebFilterChain(
      ServerHttpSecurity http, ReactiveJwtDecoder decoder, ObjectProvider<AccessRules> rules) {
    BearerProblems problems = new BearerProblems();
    List<AccessRules> declared = rules.orderedStream().toList();
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .oauth2ResourceServer(
            server ->
                server
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(groups())))
        .authorizeExchange(exchanges -> authorize(exchanges, declared))
        .build();
  }

  private static void authorize(AuthorizeExchangeSpec exchanges, List<AccessRules> declared) {
    exchanges
        .pathMatchers(
            HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/prometheus")
        .permitAll()
        .pathMatchers(
            HttpMethod.GET,
            "/api/*/docs",
            "/api/*/docs/**",
            "/api/*/api-docs",
            "/api/*/api-docs/**",
            "/webjars/swagger-ui/**")
        .permitAll()
        .pathMatchers("/actuator", "/actuator/**")
        .hasAuthority(ADMIN);
    for (AccessRules rules : declared) {
      rules.admin().forEach(pattern -> exchanges.pathMatchers(pattern).hasAuthority(ADMIN));
    }
    for (AccessRules rules : declared) {
      for (AccessRules.Endpoint open : rules.open()) {
        (open.method() == null
                ? exchanges.pathMatchers(open.pattern())
                : exchanges.pathMatchers(open.method(), open.pattern()))
            .permitAll();
      }
    }
    exchanges.anyExchange().authenticated();
  }

  /** Authorities {@code GROUP_<name>} from the token's {@code cognito:groups}. */
  private static ReactiveJwtAuthenticationConverterAdapter groups() {
    JwtGrantedAuthoritiesConverter groups = new JwtGrantedAuthoritiesConverter();
    groups.setAuthoritiesClaimName(CognitoAccessTokens.GROUPS);
    groups.setAuthorityPrefix("GROUP_");
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(groups);
    return new ReactiveJwtAuthenticationConverterAdapter(converter);
  }

  @Bean
  WebFluxConfigurer customerIdArgumentConfigurer() {
    return new WebFluxConfigurer() {
      @Override
      public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(new CustomerIdArgumentResolver());
      }
    };
  }
}
