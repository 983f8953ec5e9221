package io.emporium.helm;

import static io.emporium.helm.Manifests.list;
import static io.emporium.helm.Manifests.map;
import static io.emporium.helm.Manifests.ofKind;
import static io.emporium.helm.Manifests.only;
import static io.emporium.helm.Manifests.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * In AWS the payment service provider is a third party (ADR 10): the payment chart names its API
 * root in the ConfigMap and takes its API key from Secrets Manager through External Secrets — a
 * reference, never a value — and lets HTTPS out to it.
 */
class PaymentProviderChartTests {

  @ParameterizedTest
  @ValueSource(strings = {"dev", "prod"})
  void paymentGetsTheProvidersUrlAndItsKeyFromSecretsManager(String env) {
    var manifests = Charts.manifests("payment", env);

    assertThat(map(only(manifests, "ConfigMap"), "data"))
        .hasEntrySatisfying(
            "EMPORIUM_PAYMENT_PROVIDER_BASE_URL",
            url -> assertThat(url).asString().startsWith("https://"));
    var secret =
        ofKind(manifests, "ExternalSecret").stream()
            .filter(s -> string(s, "metadata.name").equals("payment-env"))
            .findFirst()
            .orElseThrow();
    assertThat(list(secret, "spec.data"))
        .containsExactly(
            Map.of(
                "secretKey",
                "EMPORIUM_PAYMENT_PROVIDER_API_KEY",
                "remoteRef",
                Map.of("key", "emporium/" + env + "/payment/provider", "property", "apiKey")));
    var deployment = only(manifests, "Deployment");
    var container = list(deployment, "spec.template.spec.containers").get(0);
    assertThat(list(container, "env"))
        .contains(
            Map.of(
                "name",
                "EMPORIUM_PAYMENT_PROVIDER_API_KEY",
                "valueFrom",
                Map.of(
                    "secretKeyRef",
                    Map.of("name", "payment-env", "key", "EMPORIUM_PAYMENT_PROVIDER_API_KEY"))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"cart", "catalog", "notification", "order"})
  void theOtherServicesGetNoProviderSecretNorEgressBeyondAws(String service) {
    var manifests = Charts.manifests(service, "dev");

    assertThat(ofKind(manifests, "ExternalSecret"))
        .noneMatch(s -> string(s, "metadata.name").endsWith("-env"));
    var egress = list(only(manifests, "NetworkPolicy"), "spec.egress");
    List<Map<String, Object>> httpsTargets =
        egress.stream()
            .filter(rule -> list(rule, "ports").stream().anyMatch(p -> p.get("port").equals(443)))
            .toList();
    assertThat(httpsTargets).hasSize(1); // the AWS APIs only
  }
}
