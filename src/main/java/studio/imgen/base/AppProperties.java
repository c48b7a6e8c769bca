package studio.imgen.base;

import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Instance configuration shared by every module. Secrets never live here: they come from the environment
 * and are read where they are used.
 *
 * @param dataDir directory for local data: embedded database, images, generated master key
 * @param publicUrl the URL users reach the app at, used for links in outgoing messages
 */
@Validated
@ConfigurationProperties(prefix = "app")
public record AppProperties(@NotBlank String dataDir, String publicUrl) {

    public Path dataPath() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }
}
