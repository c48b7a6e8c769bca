package studio.imgen.gallery;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import studio.imgen.generate.ImageFile;
import studio.imgen.storage.StorageKey;
import studio.imgen.storage.StoredFileNotFoundException;
import studio.imgen.storage.UnreadableImageException;

/**
 * Image bytes, only through an access check (see {@link ImageAccess}): original inline, thumbnail, and download as an
 * attachment with a generated file name. Content is immutable, so a strong ETag (the SHA-256) and a long private
 * cache lifetime are safe; the type always comes from our own record. Anything else under {@code /img} is a 404 here,
 * so no such request ever falls through to the Vaadin servlet (which would render the app and open a session).
 */
@RestController
class ImageController {

    private static final Logger log = LoggerFactory.getLogger(ImageController.class);

    static final String NOT_FOUND = "Not found";
    static final String EXPIRED = "Image expired";
    private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable();

    private final ImageAccess images;
    private final OnDemandThumbnails thumbnails;

    ImageController(ImageAccess images, OnDemandThumbnails thumbnails) {
        this.images = images;
        this.thumbnails = thumbnails;
    }

    @GetMapping("/img/{id}")
    ResponseEntity<?> original(@PathVariable String id,
                                      @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return serve(id, ifNoneMatch, false, false);
    }

    @GetMapping("/img/{id}/thumb")
    ResponseEntity<?> thumbnail(@PathVariable String id,
                                       @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return serve(id, ifNoneMatch, true, false);
    }

    @GetMapping("/img/{id}/download")
    ResponseEntity<?> download(@PathVariable String id,
                                      @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return serve(id, ifNoneMatch, false, true);
    }

    /** Trailing slashes, extra segments, "/img" itself: nothing is served there. */
    @RequestMapping({"/img", "/img/", "/img/**"})
    ResponseEntity<String> nothingElse() {
        return notFound();
    }

    /** The row exists but its file does not (removed by the cleaner, or a failed write): as good as missing. */
    @ExceptionHandler(StoredFileNotFoundException.class)
    ResponseEntity<String> fileGone() {
        return notFound();
    }

    /** An original that cannot be thumbnailed: logged, and answered like a missing file (the original still serves). */
    @ExceptionHandler(UnreadableImageException.class)
    ResponseEntity<String> noThumbnail(UnreadableImageException e) {
        log.warn("No thumbnail for an unreadable original: {}", e.getMessage());
        return notFound();
    }

    /**
     * The same answer for missing, deleted, foreign and malformed: a short text. With {@code nosniff} and no type at
     * all, Chromium would treat an opened image URL as a download of an empty file.
     */
    private static ResponseEntity<String> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .body(NOT_FOUND);
    }

    /**
     * The retention setting removed the file on purpose: 410 tells the caller (and caches) that it will not come
     * back. Only for the caller's own workspace; anyone else gets the usual 404.
     */
    private static ResponseEntity<String> expired() {
        return ResponseEntity.status(HttpStatus.GONE).contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .body(EXPIRED);
    }

    private ResponseEntity<?> serve(String rawId, String ifNoneMatch, boolean thumbnail, boolean attachment) {
        Optional<UUID> id = ImageIds.parse(rawId);
        Optional<ImageFile> found = id.flatMap(images::find);
        if (found.isEmpty() && id.isPresent() && images.isExpired(id.get())) {
            return expired();
        }
        if (found.isEmpty() || (thumbnail && !found.get().hasThumbnail())) {
            return notFound();
        }
        ImageFile image = found.get();
        String etag = "\"" + image.sha256() + (thumbnail ? "-t" : "") + "\"";
        if (ETags.matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(IMMUTABLE).build();
        }
        // A thumbnail is made on its first request, unless the result writer already stored one.
        StorageKey key = thumbnail ? thumbnails.ensure(image) : images.originalKey(image);
        long length = images.size(key);
        String fileName = "imgen-" + image.id() + (thumbnail ? "-thumb.jpg" : "." + image.format().extension());
        ContentDisposition disposition = (attachment ? ContentDisposition.attachment() : ContentDisposition.inline())
                .filename(fileName).build();
        return ResponseEntity.ok()
                .contentType(thumbnail ? MediaType.IMAGE_JPEG : MediaType.parseMediaType(image.format().mimeType()))
                .eTag(etag)
                .cacheControl(IMMUTABLE)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("Cross-Origin-Resource-Policy", "same-origin")
                .body(new StoredImageResource(() -> images.open(key), length, "image " + image.id()));
    }
}
