package studio.imgen.storage;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import studio.imgen.base.AppProperties;

/**
 * {@code java -jar imgen-studio.jar --imgen.migrate-images-to-s3} with {@code APP_STORAGE_TYPE=s3}: copies the local
 * images ({@code <APP_DATA_DIR>/images}) into the configured bucket, prints progress and a summary, then exits
 * (status 0 when every file is in the bucket, 1 otherwise). Local files are kept; delete them yourself once the app
 * runs on S3.
 */
@Component
@ConditionalOnProperty(name = "imgen.migrate-images-to-s3")
class ImageMigrationRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ImageMigrationRunner.class);

    private final ImageStore store;
    private final AppProperties app;
    private final Clock clock;
    private final ConfigurableApplicationContext context;

    ImageMigrationRunner(ImageStore store, AppProperties app, Clock clock, ConfigurableApplicationContext context) {
        this.store = store;
        this.app = app;
        this.clock = clock;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int status = migrate();
        System.exit(SpringApplication.exit(context, () -> status));
    }

    int migrate() {
        if (!(store instanceof S3ImageStore)) {
            log.error("Nothing to migrate to: set APP_STORAGE_TYPE=s3 and APP_S3_BUCKET (and APP_S3_ENDPOINT,"
                    + " APP_S3_REGION, APP_S3_PATH_STYLE as needed), then run the command again.");
            return 2;
        }
        LocalImageStore local = new LocalImageStore(app.dataPath().resolve("images"), StorageReserve.none(), clock);
        ImageMigration.Summary summary = new ImageMigration(local, store, this::print).run();
        return summary.ok() ? 0 : 1;
    }

    private void print(String line) {
        if (line.startsWith("FAILED")) {
            log.warn("{}", line);
        } else {
            log.info("{}", line);
        }
    }
}
