package io.emporium.platform.web;

import java.util.Objects;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The name a client knows a handler parameter by: the query parameter, path variable or header. */
final class ParameterNames {

  private ParameterNames() {}

  static String of(MethodParameter parameter) {
    if (parameter == null) {
      return "request";
    }
    String declared = declaredName(parameter);
    if (!declared.isEmpty()) {
      return declared;
    }
    return Objects.requireNonNullElse(
        parameter.getParameterName(), "arg" + parameter.getParameterIndex());
  }

  private static String declaredName(MethodParameter parameter) {
    RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
    if (param != null) {
      return firstNonEmpty(param.name(), param.value());
    }
    PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
    if (path != null) {
      return firstNonEmpty(path.name(), path.value());
    }
    RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
    if (header != null) {
      return firstNonEmpty(header.name(), header.value());
    }
    CookieValue cookie = parameter.getParameterAnnotation(CookieValue.class);
    return cookie == null ? "" : firstNonEmpty(cookie.name(), cookie.value());
  }

  private static String firstNonEmpty(String first, String second) {
    return first.isEmpty() ? second : first;
  }
}
