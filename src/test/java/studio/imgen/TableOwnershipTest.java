package studio.imgen;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One owner per table: each generated jOOQ table (package {@value #TABLES}) belongs to one module, and only that
 * module's classes may name it (its class, its record, or a field of {@code Tables} of its type). Other modules
 * read through the owner's API, SQL pieces the owner publishes (such as {@code generate.ResultImageSql}) or a read
 * model. Read models the owner {@link #PUBLISHED} may be read by any module; no other exception exists.
 */
class TableOwnershipTest {

    private static final String BASE = "studio.imgen";
    static final String TABLES = "imgen.db.tables";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE, "imgen.db");

    /** Table (its generated class's simple name) → the module that owns it. A new table must be given an owner here. */
    static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("MaintenanceLease", "base"),
            Map.entry("AppUser", "security"),
            Map.entry("UserDirectory", "security"),
            Map.entry("LoginEvent", "security"),
            Map.entry("LoginThrottle", "security"),
            Map.entry("Workspace", "workspace"),
            Map.entry("WorkspaceMember", "workspace"),
            Map.entry("WorkspaceRole", "workspace"),
            Map.entry("MemberRole", "workspace"),
            Map.entry("Invitation", "workspace"),
            Map.entry("InvitationRole", "workspace"),
            Map.entry("WorkspaceMembership", "workspace"),
            Map.entry("MemberRoleName", "workspace"),
            Map.entry("ImageModel", "catalog"),
            Map.entry("ChatModel", "catalog"),
            Map.entry("WorkspaceModelStatus", "catalog"),
            Map.entry("WorkspaceModelCheck", "catalog"),
            Map.entry("WorkspaceSettings", "admin"),
            Map.entry("RoleRule", "access"),
            Map.entry("MemberUsage", "access"),
            Map.entry("Generation", "generate"),
            Map.entry("GenerationPreview", "generate"),
            Map.entry("GenerationInput", "generate"),
            Map.entry("Image", "generate"),
            Map.entry("EditThread", "thread"),
            Map.entry("ThreadTurn", "thread"),
            Map.entry("ApiToken", "api"),
            Map.entry("ApiAuthThrottle", "api"),
            Map.entry("AuditLog", "audit"),
            Map.entry("AuditUsageDaily", "audit"),
            Map.entry("WorkspaceWebhook", "audit"));

    /**
     * Read models an owner publishes for other modules to join (views in {@code db/migration} that refuse writes):
     * names and memberships stay one query per page without anyone else naming the owner's tables.
     */
    static final Set<String> PUBLISHED = Set.of("UserDirectory", "WorkspaceMembership", "MemberRoleName");

    @Test
    void everyTableHasAnOwner() {
        Set<String> tables = new TreeSet<>();
        CLASSES.stream().filter(c -> c.getPackageName().equals(TABLES) && c.isTopLevelClass()).forEach(c -> tables.add(c.getSimpleName()));
        assertThat(tables).isNotEmpty();
        assertThat(OWNER.keySet()).as("table classes in %s with an owner", TABLES).containsExactlyInAnyOrderElementsOf(tables);
    }

    @Test
    void onlyTheOwningModuleTouchesATable() {
        assertThat(crossModuleTouches()).as("modules touching another module's tables (module → table: classes)")
                .isEmpty();
    }

    /** "module → table" → the classes of that module that name the table. */
    private static Map<String, Set<String>> crossModuleTouches() {
        Map<String, Set<String>> touches = new TreeMap<>();
        CLASSES.stream().filter(c -> c.getPackageName().startsWith(BASE + ".")).forEach(origin -> {
            String module = module(origin);
            tablesNamedBy(origin).forEach(table -> {
                String owner = OWNER.get(table);
                if (owner != null && !owner.equals(module) && !PUBLISHED.contains(table)) {
                    touches.computeIfAbsent(module + " → " + table, k -> new TreeSet<>()).add(origin.getName());
                }
            });
        });
        return touches;
    }

    private static Stream<String> tablesNamedBy(JavaClass origin) {
        Stream<JavaClass> dependencies = origin.getDirectDependenciesFromSelf().stream().map(d -> d.getTargetClass());
        Stream<JavaClass> fieldTypes = origin.getFieldAccessesFromSelf().stream()
                .flatMap(a -> a.getTarget().resolveMember().stream())
                .map(f -> f.getRawType());
        return Stream.concat(dependencies, fieldTypes).map(TableOwnershipTest::table).flatMap(Optional::stream).distinct();
    }

    private static Optional<String> table(JavaClass named) {
        JavaClass javaClass = named;
        while (javaClass.getEnclosingClass().isPresent()) {
            javaClass = javaClass.getEnclosingClass().get();
        }
        if (javaClass.getPackageName().equals(TABLES)) {
            return Optional.of(javaClass.getSimpleName());
        }
        if (javaClass.getPackageName().equals(TABLES + ".records") && javaClass.getSimpleName().endsWith("Record")) {
            String name = javaClass.getSimpleName();
            return Optional.of(name.substring(0, name.length() - "Record".length()));
        }
        return Optional.empty();
    }

    private static String module(JavaClass javaClass) {
        String rest = javaClass.getPackageName().substring(BASE.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
