package studio.imgen.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class StoragePropertiesTest {

    private static StorageProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("app.storage", StorageProperties.class);
    }

    @Test
    void defaultsMatchTheDocumentedLimits() {
        StorageProperties defaults = bind(Map.of());

        assertThat(defaults.type()).isEqualTo("local");
        assertThat(defaults.uploadLimits()).isEqualTo(UploadLimits.defaults());
        assertThat(defaults.reserve()).isEqualTo(StorageReserve.defaults());
    }

    @Test
    void everyLimitIsConfigurable() {
        StorageProperties custom = bind(Map.of(
                "app.storage.max-upload-bytes", "50000000",
                "app.storage.max-upload-total-bytes", "200000000",
                "app.storage.max-upload-files", "10",
                "app.storage.max-pixels", "16777216",
                "app.storage.reserve-bytes", "0",
                "app.storage.reserve-percent", "10"));

        assertThat(custom.uploadLimits()).isEqualTo(new UploadLimits(50_000_000, 16_777_216, 10, 200_000_000));
        assertThat(custom.reserve()).isEqualTo(new StorageReserve(0, 10));
    }

    @Test
    void s3SettingsBindWithRegionAndPathStyleDefaults() {
        StorageProperties defaults = bind(Map.of("app.storage.type", "s3", "app.storage.s3.bucket", "images"));
        StorageProperties custom = bind(Map.of("app.storage.type", "s3", "app.storage.s3.bucket", "images",
                "app.storage.s3.endpoint", "http://127.0.0.1:9000", "app.storage.s3.region", "eu-central-1",
                "app.storage.s3.path-style", "true"));

        assertThat(defaults.isS3()).isTrue();
        assertThat(defaults.s3()).isEqualTo(new StorageProperties.S3("images", null, "us-east-1", false));
        assertThat(defaults.s3().hasEndpoint()).isFalse();
        assertThat(custom.s3()).isEqualTo(new StorageProperties.S3("images", "http://127.0.0.1:9000", "eu-central-1", true));
        assertThat(bind(Map.of()).isS3()).isFalse();
    }
}
