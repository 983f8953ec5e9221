package io.emporium.platform.web;

import java.beans.PropertyEditorSupport;
import java.util.List;
import org.springframework.beans.propertyeditors.CustomCollectionEditor;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Path variables, query parameters, headers and cookies a handler binds as text, alone or as a list
 * of values (a repeated query parameter), pass through the {@link TextRules} (single-line) before
 * the handler sees them, so a {@code %00} never reaches a store: a refusal is a 400 naming the
 * parameter.
 */
@ControllerAdvice
final class TextParameterAdvice {

  @InitBinder
  void textRules(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new TextEditor());
    // A List<String> parameter is converted by the binder's conversion service, which never asks
    // the
    // String editor about its elements: this editor does.
    binder.registerCustomEditor(List.class, new TextListEditor());
  }

  private static void check(Object text) {
    if (text instanceof String string) {
      TextRules.check(string, TextRules.Kind.LINE);
    }
  }

  /** A per-binder (so per-request) editor: property editors hold state. */
  private static final class TextEditor extends PropertyEditorSupport {

    @Override
    public void setAsText(String text) {
      check(text);
      setValue(text);
    }
  }

  /** The elements of a list, checked one by one (per binder, as above). */
  private static final class TextListEditor extends CustomCollectionEditor {

    TextListEditor() {
      super(List.class);
    }

    @Override
    protected Object convertElement(Object element) {
      check(element);
      return element;
    }
  }
}
