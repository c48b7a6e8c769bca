package studio.imgen.storage;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.UUID;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Readiness of the image store ({@code imageStore} in {@code /actuator/health}): writes, reads back and deletes a
 * tiny probe file through the configured store, local or S3, so an instance that could not save a generated image is
 * taken out of rotation. The probe lives under the nil workspace id, which no workspace ever has, with a fresh name
 * per check so concurrent probes of several instances never collide.
 */
@Component
class ImageStoreHealthIndicator extends AbstractHealthIndicator {

    static final UUID PROBE_WORKSPACE = new UUID(0, 0);
    private static final byte[] PROBE = "imgen-health-probe".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final ImageStore store;

    ImageStoreHealthIndicator(ImageStore store) {
        super("Image store check failed");
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws IOException {
        StorageKey probe = StorageKey.original(PROBE_WORKSPACE, UUID.randomUUID(), ImageFormat.PNG);
        try {
            store.put(probe, PROBE);
            try (InputStream in = store.open(probe)) {
                if (!Arrays.equals(in.readAllBytes(), PROBE)) {
                    builder.down().withDetail("store", store.describe()).withDetail("error", "read back other bytes");
                    return;
                }
            }
        } finally {
            store.delete(probe);
        }
        builder.up().withDetail("store", store.describe()).withDetail("usableBytes", store.usableBytes());
    }
}
