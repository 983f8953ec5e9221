package io.emporium.platform.web;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Path variables, query parameters, headers and cookies a handler binds as text pass through the
 * {@link TextRules} (single-line) before the handler sees them, so a {@code %00} never reaches a
 * store: a refusal is a 400 naming the parameter.
 */
@ControllerAdvice
final class TextParameterAdvice {

  @InitBinder
  void textRules(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new TextEditor());
  }

  /** A per-binder (so per-request) editor: property editors hold state. */
  private static final class TextEditor extends PropertyEditorSupport {

    @Override
    public void setAsText(String text) {
      if (text != null) {
        TextRules.check(text, TextRules.Kind.LINE);
      }
      setValue(text);
    }
  }
}
