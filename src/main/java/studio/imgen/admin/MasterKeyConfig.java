package studio.imgen.admin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import studio.imgen.base.AppProperties;

/**
 * The {@link KeyCipher} bean. The master key is read from the environment ({@code APP_MASTER_KEY}, also
 * reachable as property {@code app.master-key}); a bad or missing key stops the application at startup.
 */
@Configuration(proxyBeanMethods = false)
class MasterKeyConfig {

    @Bean
    KeyCipher keyCipher(AppProperties app, Environment env) {
        return MasterKeyLoader.load(new MasterKeyLoader.Settings(
                env.getProperty("app.master-key"),
                env.getProperty("app.master-key-previous"),
                env.getProperty("app.master-key-version"),
                env.getProperty("app.db.embedded", Boolean.class, false),
                app.dataPath()));
    }
}
