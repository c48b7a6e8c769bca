package studio.imgen.storage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Storage and upload settings ({@code app.storage.*}). Sizes are in bytes, decimal megabytes in the defaults.
 *
 * @param type where images live; only {@code local} ({@code <app.data-dir>/images}) exists so far
 * @param maxUploadBytes largest reference image, at most the API's 50,000,000
 * @param maxUploadTotalBytes cap on all reference images of one request together
 * @param maxUploadFiles most reference images per request; a model's own limit may be lower
 * @param maxPixels largest width × height of an uploaded or stored image, checked before decoding
 * @param reserveBytes free space always kept on the image volume…
 * @param reservePercent …or this share of the volume, whichever is larger
 */
@Validated
@ConfigurationProperties(prefix = "app.storage")
public record StorageProperties(
        @DefaultValue("local") @Pattern(regexp = "local", message = "only 'local' storage is available") String type,
        @DefaultValue("25000000") @Min(1) @Max(UploadLimits.API_MAX_BYTES) long maxUploadBytes,
        @DefaultValue("100000000") @Min(1) long maxUploadTotalBytes,
        @DefaultValue("16") @Min(1) @Max(16) int maxUploadFiles,
        @DefaultValue("40000000") @Min(1) long maxPixels,
        @DefaultValue("1073741824") @Min(0) long reserveBytes,
        @DefaultValue("5") @Min(0) @Max(100) int reservePercent) {

    public UploadLimits uploadLimits() {
        return new UploadLimits(maxUploadBytes, maxPixels, maxUploadFiles, maxUploadTotalBytes);
    }

    public StorageReserve reserve() {
        return new StorageReserve(reserveBytes, reservePercent);
    }
}
