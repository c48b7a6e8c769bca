package studio.imgen.storage;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Image files as objects {@code <workspaceId>/<file>} in one S3-compatible bucket. The bucket stays private: bytes
 * are streamed through the app's access-checked endpoints, so no object URL or presigned link ever reaches a
 * browser. A {@code PutObject} becomes visible only when complete, so a failed put leaves nothing behind.
 */
public class S3ImageStore implements ImageStore, AutoCloseable {

    private final S3Client client;
    private final String bucket;
    private final String where;

    /** @param where the endpoint or region, for logs and error messages */
    public S3ImageStore(S3Client client, String bucket, String where) {
        this.client = Objects.requireNonNull(client, "client");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.where = Objects.requireNonNull(where, "where");
    }

    /**
     * A store on the configured bucket, with the blocking Apache HttpClient 5 client (pooled connections, no Netty).
     *
     * @param credentials the AWS default chain in production: environment, system properties, profile, instance role
     */
    public static S3ImageStore connect(StorageProperties.S3 settings, AwsCredentialsProvider credentials) {
        if (settings.bucket() == null || settings.bucket().isBlank()) {
            throw new StorageException("S3 storage needs a bucket: set APP_S3_BUCKET");
        }
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                .credentialsProvider(credentials)
                .httpClientBuilder(Apache5HttpClient.builder()
                        .maxConnections(32)
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)))
                .overrideConfiguration(c -> c.apiCallTimeout(Duration.ofMinutes(2)));
        String where = "region " + settings.region();
        if (settings.hasEndpoint()) {
            URI endpoint;
            try {
                endpoint = URI.create(settings.endpoint().strip());
            } catch (IllegalArgumentException e) {
                throw new StorageException("APP_S3_ENDPOINT is not a URL: " + settings.endpoint(), e);
            }
            builder.endpointOverride(endpoint);
            where = endpoint.toString();
        }
        return new S3ImageStore(builder.build(), settings.bucket().strip(), where);
    }

    /**
     * Fails fast at startup with a sentence an operator can act on, instead of failing the first generation.
     *
     * @throws StorageException when the bucket does not exist, the credentials are refused or the server is down
     */
    public void verifyReachable() {
        try {
            client.headBucket(HeadBucketRequest.builder().bucket(bucket).build());
        } catch (S3Exception e) {
            String reason = switch (e.statusCode()) {
                case 404 -> "the bucket does not exist (create it first)";
                case 301, 400 -> "the bucket is in another region or the endpoint is wrong (check APP_S3_REGION)";
                case 401, 403 -> "access was refused (check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY and the"
                        + " bucket policy)";
                default -> "the server answered HTTP " + e.statusCode();
            };
            throw new StorageException("S3 bucket '" + bucket + "' at " + where + " is not usable: " + reason, e);
        } catch (SdkException e) {
            throw new StorageException("S3 bucket '" + bucket + "' at " + where + " is not reachable ("
                    + e.getMessage() + "). Check APP_S3_ENDPOINT, APP_S3_REGION and the credentials.", e);
        }
    }

    @Override
    public void put(StorageKey key, byte[] bytes) {
        try {
            // The SDK sends a CRC32 checksum that the server verifies, so a corrupted upload is refused, not stored.
            client.putObject(PutObjectRequest.builder().bucket(bucket).key(key.value())
                            .contentType(key.format().mimeType()).contentLength((long) bytes.length).build(),
                    RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw new StorageException("Could not write " + key + " to S3 bucket '" + bucket + "'", e);
        }
    }

    @Override
    public InputStream open(StorageKey key) {
        try {
            return client.getObject(GetObjectRequest.builder().bucket(bucket).key(key.value()).build());
        } catch (NoSuchKeyException e) {
            throw new StoredFileNotFoundException(key, e);
        } catch (SdkException e) {
            throw new StorageException("Could not read " + key + " from S3 bucket '" + bucket + "'", e);
        }
    }

    @Override
    public boolean exists(StorageKey key) {
        return head(key).isPresent();
    }

    @Override
    public long size(StorageKey key) {
        return head(key).orElseThrow(() -> new StoredFileNotFoundException(key, null));
    }

    /** The object's length, or empty when there is none (HEAD answers a bare 404 without an error code). */
    private Optional<Long> head(StorageKey key) {
        try {
            return Optional.of(client.headObject(HeadObjectRequest.builder().bucket(bucket).key(key.value()).build())
                    .contentLength());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new StorageException("Could not read the size of " + key + " in S3 bucket '" + bucket + "'", e);
        } catch (SdkException e) {
            throw new StorageException("Could not read the size of " + key + " in S3 bucket '" + bucket + "'", e);
        }
    }

    @Override
    public void delete(StorageKey key) {
        try {
            // S3 answers 204 for a key that does not exist, so deleting twice is fine.
            client.deleteObject(DeleteObjectRequest.builder().bucket(bucket).key(key.value()).build());
        } catch (SdkException e) {
            throw new StorageException("Could not delete " + key + " from S3 bucket '" + bucket + "'", e);
        }
    }

    /** Pages through the bucket lazily (1,000 keys per request); objects with foreign names are skipped. */
    @Override
    public Stream<StoredFile> list() {
        try {
            return client.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).build())
                    .contents().stream()
                    .flatMap(object -> storedFile(object).stream());
        } catch (SdkException e) {
            throw new StorageException("Could not list S3 bucket '" + bucket + "'", e);
        }
    }

    private static Optional<StoredFile> storedFile(S3Object object) {
        return StorageKey.parse(object.key()).map(key -> new StoredFile(key, object.lastModified(), object.size()));
    }

    /** An object store has no volume to fill; quotas, if any, surface as failed puts. */
    @Override
    public long usableBytes() {
        return Long.MAX_VALUE;
    }

    @Override
    public void ensureSpaceFor(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative");
        }
    }

    /**
     * Nothing to do: every put is one request that is either stored whole or not at all, so no temporary objects
     * exist. (This store never starts multipart uploads; a bucket lifecycle rule should still abort stray ones.)
     */
    @Override
    public int deleteStaleTempFiles(Duration olderThan) {
        return 0;
    }

    @Override
    public String describe() {
        return "S3 bucket '" + bucket + "' at " + where;
    }

    @Override
    public void close() {
        client.close();
    }
}
