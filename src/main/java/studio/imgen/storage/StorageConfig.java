package studio.imgen.storage;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import studio.imgen.base.AppProperties;

/** Wires the module: the image store chosen by {@code app.storage.type}, validation and image helpers. */
@Configuration(proxyBeanMethods = false)
class StorageConfig {

    @Bean
    @ConditionalOnProperty(name = "app.storage.type", havingValue = "local", matchIfMissing = true)
    ImageStore localImageStore(AppProperties app, StorageProperties storage, Clock clock) {
        return new LocalImageStore(app.dataPath().resolve("images"), storage.reserve(), clock);
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
        return new Thumbnails(storage.maxPixels());
    }

    @Bean
    ImageInspector imageInspector(StorageProperties storage) {
        return new ImageInspector(storage.maxPixels());
    }
}
