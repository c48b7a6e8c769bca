import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

/**
 * Build-time jOOQ code generation: migrates a throwaway embedded PostgreSQL with the project's Flyway
 * scripts and generates the jOOQ classes from its real catalogs. Run by exec-maven-plugin at generate-sources.
 * Arguments: migrations directory, target directory, target package.
 */
public class JooqCodegen {
    public static void main(String[] args) throws Exception {
        String migrations = args[0];
        String targetDir = args[1];
        String targetPackage = args[2];
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            Flyway.configure().dataSource(url, "postgres", "postgres")
                    .locations("filesystem:" + migrations).load().migrate();
            GenerationTool.generate(new Configuration()
                    .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(url)
                            .withUser("postgres").withPassword("postgres"))
                    .withGenerator(new Generator()
                            .withDatabase(new Database()
                                    .withName("org.jooq.meta.postgres.PostgresDatabase")
                                    .withInputSchema("public")
                                    .withExcludes("flyway_schema_history"))
                            .withGenerate(new Generate().withRecords(true).withPojos(false)
                                    .withJavaTimeTypes(true)
                                    .withImplicitJoinPathsToMany(false))
                            .withTarget(new Target().withPackageName(targetPackage)
                                    .withDirectory(targetDir))));
        }
    }
}
