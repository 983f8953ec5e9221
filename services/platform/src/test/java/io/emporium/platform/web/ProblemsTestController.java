package io.emporium.platform.web;

import io.emporium.events.InvalidEventException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Endpoints that fail in every way the problem support must render. */
@RestController
@RequestMapping("/test")
class ProblemsTestController {

  static final String SECRET = "password=hunter2 at db-primary:5432";

  record Line(@NotBlank String sku, @NotNull @Positive @Max(99) Integer quantity) {}

  record PlaceOrder(@NotBlank String reference, @NotEmpty List<@Valid Line> lines) {}

  record Note(String text) {}

  @PostMapping(path = "/orders", consumes = MediaType.APPLICATION_JSON_VALUE)
  PlaceOrder place(@Valid @RequestBody PlaceOrder order) {
    return order;
  }

  @PostMapping("/shops/{shop}/lines")
  Line addLine(@PathVariable @Size(max = 8) String shop, @Valid @RequestBody Line line) {
    return line;
  }

  @PostMapping(path = "/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
  int note(@RequestBody Note note) {
    return note.text().length();
  }

  @GetMapping("/orders/{id}")
  String order(@PathVariable String id) {
    return switch (id) {
      case "missing" -> throw new NotFoundException("Order missing does not exist");
      case "stale" -> throw new ConflictException("Order stale was changed").with("version", 4);
      case "empty" -> throw new BusinessRuleException("Cannot check out an empty cart");
      case "invalid" -> throw new InvalidRequestException("size", "must be at most 100", 500);
      case "forbidden" -> throw new ForbiddenException("Administrators only");
      case "event" ->
          throw new InvalidEventException(
              "cart.CartCheckedOut.v1",
              List.of("$.data.customer.email: does not match the email pattern"));
      case "boom" -> throw new IllegalStateException(SECRET);
      case "busy" ->
          throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "Warming up");
      default -> id;
    };
  }

  @GetMapping("/items/{number}")
  int item(@PathVariable int number) {
    return number;
  }

  @GetMapping("/search")
  String search(@RequestParam @Min(0) int page, @RequestParam(name = "size") @Max(100) int size) {
    return page + "/" + size;
  }
}
