package studio.imgen.storage;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import studio.imgen.base.AppProperties;

/** Wires the module: the image store chosen by {@code app.storage.type}, validation and image helpers. */
@Configuration(proxyBeanMethods = false)
class StorageConfig {

    private static final Logger log = LoggerFactory.getLogger(StorageConfig.class);

    @Bean
    @ConditionalOnProperty(name = "app.storage.type", havingValue = "local", matchIfMissing = true)
    ImageStore localImageStore(AppProperties app, StorageProperties storage, Clock clock) {
        return new LocalImageStore(app.dataPath().resolve("images"), storage.reserve(), clock);
    }

    /** Checks the bucket before anything else starts: a wrong bucket or key should stop the app, not a generation. */
    @Bean
    @ConditionalOnProperty(name = "app.storage.type", havingValue = "s3")
    ImageStore s3ImageStore(StorageProperties storage) {
        S3ImageStore store = S3ImageStore.connect(storage.s3(), DefaultCredentialsProvider.builder().build());
        try {
            store.verifyReachable();
        } catch (StorageException e) {
            store.close();
            throw e;
        }
        log.info("Images are stored in {}", store.describe());
        return store;
    }

    /** The instance-wide limits; a caller narrows {@code maxFiles} to the chosen model with {@code withMaxFiles}. */
    @Bean
    UploadLimits uploadLimits(StorageProperties storage) {
        return storage.uploadLimits();
    }

    @Bean
    UploadValidator uploadValidator() {
        return new UploadValidator();
    }

    @Bean
    Thumbnails thumbnails(StorageProperties storage) {
        ImageCodec.setDecodePermits(storage.decodePermits());
        log.info("Images are decoded {} at a time", ImageCodec.decodePermits());
        return new Thumbnails(storage.maxPixels());
    }

    /** After the thumbnails bean, which sets the decode permits both use. */
    @Bean
    @DependsOn("thumbnails")
    ImageInspector imageInspector(StorageProperties storage) {
        return new ImageInspector(storage.maxPixels());
    }
}
