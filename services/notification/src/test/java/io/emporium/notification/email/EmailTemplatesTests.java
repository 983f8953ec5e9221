package io.emporium.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emporium.events.Money;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmailTemplatesTests {

  private final EmailTemplates templates = new EmailTemplates();

  @Test
  void fillsSubjectTextAndHtml() {
    var email =
        templates.render(
            EmailTemplate.ORDER_CONFIRMED,
            Map.of("orderId", "ord-1", "total", "EUR 49.98", "lines", "2 × Teapot at EUR 24.99"));

    assertThat(email.subject()).isEqualTo("Your Emporium order ord-1 is confirmed");
    assertThat(email.text()).contains("order ord-1").contains("EUR 49.98").doesNotContain("{{");
    assertThat(email.html()).contains("<strong>ord-1</strong>").contains("2 × Teapot");
  }

  @Test
  void escapesValuesInTheHtmlBodyOnly() {
    var email =
        templates.render(
            EmailTemplate.ORDER_CANCELLED,
            Map.of("orderId", "<b>ord</b>", "reason", "it was \"late\" & cold\nreally"));

    assertThat(email.html())
        .contains("&lt;b&gt;ord&lt;/b&gt;")
        .contains("it was &quot;late&quot; &amp; cold<br>")
        .doesNotContain("<b>ord</b>");
    assertThat(email.text()).contains("<b>ord</b>").contains("\"late\" & cold\nreally");
  }

  @Test
  void everyTemplateRendersFromItsResources() {
    var values = Map.of("orderId", "o", "total", "t", "lines", "l", "reason", "r", "amount", "a");
    for (EmailTemplate template : EmailTemplate.values()) {
      var email = templates.render(template, values);
      assertThat(email.subject()).isNotBlank().doesNotContain("{{").doesNotContain("\n");
      assertThat(email.text()).isNotBlank().doesNotContain("{{");
      assertThat(email.html()).startsWith("<!DOCTYPE html>").doesNotContain("{{");
    }
  }

  @Test
  void refusesToRenderWithAMissingValue() {
    assertThatThrownBy(
            () -> templates.render(EmailTemplate.PAYMENT_REFUNDED, Map.of("orderId", "o")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("{{amount}}");
  }

  @Test
  void formatsMoneyInTheCurrencysMinorUnits() {
    assertThat(MoneyFormat.format(new Money(4998, "EUR"))).isEqualTo("EUR 49.98");
    assertThat(MoneyFormat.format(new Money(5, "USD"))).isEqualTo("USD 0.05");
    assertThat(MoneyFormat.format(new Money(1200, "JPY"))).isEqualTo("JPY 1200");
  }
}
