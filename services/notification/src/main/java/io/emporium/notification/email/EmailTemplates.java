package io.emporium.notification.email;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders {@link EmailTemplate}s: {@code {{name}}} placeholders are replaced by values,
 * HTML-escaped (line breaks become {@code <br>}) in the HTML body. A placeholder without a value
 * fails: a half-rendered email is never sent.
 */
@Component
public class EmailTemplates {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

  private final Map<String, String> sources = new ConcurrentHashMap<>();

  public RenderedEmail render(EmailTemplate template, Map<String, String> values) {
    return new RenderedEmail(
        fill(source(template, "subject.txt").strip(), values, UnaryOperator.identity()),
        fill(source(template, "body.txt"), values, UnaryOperator.identity()),
        fill(source(template, "body.html"), values, EmailTemplates::html));
  }

  private static String fill(
      String source, Map<String, String> values, UnaryOperator<String> escape) {
    Matcher matcher = PLACEHOLDER.matcher(source);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalArgumentException("no value for placeholder " + matcher.group());
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(escape.apply(value)));
    }
    return matcher.appendTail(out).toString();
  }

  private static String html(String value) {
    return HtmlUtils.htmlEscape(value, StandardCharsets.UTF_8.name()).replace("\n", "<br>\n");
  }

  private String source(EmailTemplate template, String part) {
    String path = "templates/" + template.templateName() + "/" + part;
    return sources.computeIfAbsent(path, EmailTemplates::load);
  }

  private static String load(String path) {
    try (var in = new ClassPathResource(path).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read email template " + path, e);
    }
  }
}
