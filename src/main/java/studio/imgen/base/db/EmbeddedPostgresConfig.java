package studio.imgen.base.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Starts an embedded PostgreSQL (zonky) when {@code app.db.embedded=true}: the default for a first run, so a new
 * user needs nothing but a JDK. With a directory configured the data survives restarts; with an empty one the
 * cluster is throwaway (tests).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "app.db.embedded", havingValue = "true")
class EmbeddedPostgresConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfig.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${app.db.embedded-dir:}") String dir,
                                      @Value("${app.db.embedded-port:0}") int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (!dir.isBlank()) {
            Path dataDir = Path.of(dir).toAbsolutePath();
            Files.createDirectories(dataDir);
            builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            log.info("Embedded PostgreSQL data directory: {}", dataDir);
        }
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    /** A pooled data source on the embedded server, sized like the external one. */
    @Bean
    DataSource dataSource(EmbeddedPostgres pg,
                          @Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(5_000);
        config.setPoolName("imgen");
        return new HikariDataSource(config);
    }
}
