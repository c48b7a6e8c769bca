package studio.imgen.base;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.application.DiskSpaceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Readiness's {@code diskSpace} check watches the data directory (uploads, local images, the embedded database), not
 * the working directory. The directory is created first: with S3 storage nothing else might, and a missing
 * directory would read as zero free bytes, so never ready.
 */
@Configuration(proxyBeanMethods = false)
class DataDirectoryHealth {

    @Bean
    DiskSpaceHealthIndicator diskSpaceHealthIndicator(AppProperties app,
            @Value("${management.health.diskspace.threshold:10MB}") DataSize threshold) throws IOException {
        Path dir = Files.createDirectories(app.dataPath());
        return new DiskSpaceHealthIndicator(dir.toFile(), threshold);
    }
}
