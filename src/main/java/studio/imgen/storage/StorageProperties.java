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
 * @param type where images live: {@code local} ({@code <app.data-dir>/images}) or {@code s3} (see {@link S3})
 * @param maxUploadBytes largest reference image, at most the API's 50,000,000
 * @param maxUploadTotalBytes cap on all reference images of one request together
 * @param maxUploadFiles most reference images per request; a model's own limit may be lower
 * @param maxPixels largest width × height of an uploaded or stored image, checked before decoding
 * @param reserveBytes free space always kept on the image volume…
 * @param reservePercent …or this share of the volume, whichever is larger
 * @param decodePermits images decoded at once (results, previews, uploads, thumbnails), final images first; 0 means
 *                      one per core ({@code Runtime.availableProcessors()}). Each decode holds up to a few MB of heap
 * @param s3 the bucket when {@code type} is {@code s3}
 */
@Validated
@ConfigurationProperties(prefix = "app.storage")
public record StorageProperties(
        @DefaultValue("local") @Pattern(regexp = "local|s3", message = "must be 'local' or 's3'") String type,
        @DefaultValue("25000000") @Min(1) @Max(UploadLimits.API_MAX_BYTES) long maxUploadBytes,
        @DefaultValue("100000000") @Min(1) long maxUploadTotalBytes,
        @DefaultValue("16") @Min(1) @Max(16) int maxUploadFiles,
        @DefaultValue("40000000") @Min(1) long maxPixels,
        @DefaultValue("1073741824") @Min(0) long reserveBytes,
        @DefaultValue("5") @Min(0) @Max(100) int reservePercent,
        @DefaultValue("0") @Min(0) @Max(256) int decodePermits,
        @DefaultValue S3 s3) {

    public boolean isS3() {
        return "s3".equals(type);
    }

    /**
     * An S3-compatible bucket ({@code app.storage.s3.*}). Credentials come from the AWS default chain (for example
     * {@code AWS_ACCESS_KEY_ID} and {@code AWS_SECRET_ACCESS_KEY}), never from these settings.
     *
     * @param bucket the bucket, which must exist
     * @param endpoint the server's URL for S3-compatible servers (MinIO, Ceph, …); empty for AWS itself
     * @param region the bucket's region (any value for most S3-compatible servers)
     * @param pathStyle {@code http://host/bucket/key} instead of {@code http://bucket.host/key}; most
     *                  S3-compatible servers need it
     */
    public record S3(String bucket, String endpoint, @DefaultValue("us-east-1") String region,
                     @DefaultValue("false") boolean pathStyle) {

        public boolean hasEndpoint() {
            return endpoint != null && !endpoint.isBlank();
        }
    }

    public UploadLimits uploadLimits() {
        return new UploadLimits(maxUploadBytes, maxPixels, maxUploadFiles, maxUploadTotalBytes);
    }

    public StorageReserve reserve() {
        return new StorageReserve(reserveBytes, reservePercent);
    }
}
