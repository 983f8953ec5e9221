package io.emporium.catalog.products;

import io.emporium.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Product images: SVGs generated into the jar, named after the product's sku, never changed once
 * published (a new image gets a new name), so cached for a year. A name that is not one of them is
 * a 404 problem, whatever it holds.
 */
@RestController
class ProductImageController {

  private static final String SVG = "image/svg+xml";
  private static final MediaType SVG_TYPE = MediaType.parseMediaType(SVG);
  private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}\\.svg");
  private static final CacheControl IMMUTABLE =
      CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

  @Operation(
      summary = "A product's image, as a product's imageUrl names it",
      responses = {
        @ApiResponse(
            responseCode = "200",
            content = @Content(mediaType = SVG, schema = @Schema(type = "string"))),
        @ApiResponse(responseCode = "404", description = "no such image")
      })
  @GetMapping("/api/catalog/images/{file}")
  Mono<ResponseEntity<Resource>> image(
      @Parameter(description = "file name, e.g. aud-07001.svg", example = "aud-07001.svg")
          @PathVariable
          String file) {
    Resource image =
        FILE_NAME.matcher(file).matches() ? new ClassPathResource("static/images/" + file) : null;
    if (image == null || !image.exists()) {
      return Mono.error(new NotFoundException("There is no product image named " + file));
    }
    return Mono.just(ResponseEntity.ok().contentType(SVG_TYPE).cacheControl(IMMUTABLE).body(image));
  }
}
