package studio.imgen.gallery;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Image bytes, only through an access check (see {@link ImageAccess}): original inline, thumbnail, and download as an
 * attachment with a generated file name. Content is immutable, so a strong ETag (the SHA-256) and a long private
 * cache lifetime are safe; the type always comes from our own record.
 */
@RestController
class ImageController {

    private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable();

    private final ImageAccess images;

    ImageController(ImageAccess images) {
        this.images = images;
    }

    @GetMapping("/img/{id}")
    ResponseEntity<InputStreamResource> original(@PathVariable String id,
                                                 @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String etag) {
        return serve(id, etag, false, false);
    }

    @GetMapping("/img/{id}/thumb")
    ResponseEntity<InputStreamResource> thumbnail(@PathVariable String id,
                                                  @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String etag) {
        return serve(id, etag, true, false);
    }

    @GetMapping("/img/{id}/download")
    ResponseEntity<InputStreamResource> download(@PathVariable String id) {
        return serve(id, null, false, true);
    }

    private ResponseEntity<InputStreamResource> serve(String rawId, String ifNoneMatch, boolean thumbnail, boolean attachment) {
        Optional<StoredImage> found = parse(rawId).flatMap(images::find);
        if (found.isEmpty() || (thumbnail && !found.get().hasThumbnail())) {
            return ResponseEntity.notFound().build();
        }
        StoredImage image = found.get();
        String etag = "\"" + image.sha256() + (thumbnail ? "-t" : "") + "\"";
        if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(304).eTag(etag).cacheControl(IMMUTABLE).build();
        }
        InputStream body = thumbnail ? images.openThumbnail(image) : images.openOriginal(image);
        String fileName = "imgen-" + image.id() + "." + image.format().extension();
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (!thumbnail) {
            response.contentLength(image.bytes());
        }
        return response
                .contentType(thumbnail ? MediaType.IMAGE_JPEG : MediaType.parseMediaType(image.format().mimeType()))
                .eTag(etag)
                .cacheControl(IMMUTABLE)
                .header(HttpHeaders.CONTENT_DISPOSITION, (attachment ? ContentDisposition.attachment() : ContentDisposition.inline())
                        .filename(thumbnail ? "imgen-" + image.id() + "-thumb.jpg" : fileName).build().toString())
                .header("Cross-Origin-Resource-Policy", "same-origin")
                .body(new InputStreamResource(body));
    }

    private static Optional<UUID> parse(String raw) {
        try {
            return Optional.of(UUID.fromString(raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
