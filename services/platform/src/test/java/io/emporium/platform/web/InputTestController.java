package io.emporium.platform.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints that echo what they bound, for the input policy's tests. */
@RestController
@RequestMapping("/input")
class InputTestController {

  record Address(String name, String line1, String line2, String country) {}

  record Parcel(
      @NotNull @Valid Address address,
      @Nullable @Valid Address returnTo,
      @FreeText @Nullable String note,
      List<String> tags,
      Map<String, String> labels,
      Map<String, Object> attributes,
      @Min(1) @Max(99) Integer quantity,
      long weight,
      Boolean gift) {}

  @PostMapping(path = "/parcels", consumes = MediaType.APPLICATION_JSON_VALUE)
  Parcel parcel(@Valid @RequestBody Parcel parcel) {
    return parcel;
  }

  @GetMapping("/skus/{sku}")
  String sku(@PathVariable String sku) {
    return sku;
  }

  @GetMapping("/search")
  String search(@RequestParam(required = false) String q) {
    return "q=" + q;
  }

  @GetMapping("/tagged")
  String tagged(@RequestParam List<String> tag) {
    return "tags=" + String.join(",", tag);
  }

  @GetMapping("/keyed")
  String keyed(@RequestHeader("X-Key") String key) {
    return "key=" + key;
  }
}
