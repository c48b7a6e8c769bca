package studio.imgen;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLayout;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Module boundaries (one top-level package per capability, see docs/architecture in the README) and the UI
 * access-annotation rule. A wrong dependency or an unannotated view fails the build.
 */
class ArchitectureTest {

    private static final String BASE = "studio.imgen";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    /** Which modules a module's non-UI code may use (besides itself). Its ui package may also use base.ui and other ui packages. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("base", Set.of()),
            Map.entry("security", Set.of("base")),
            Map.entry("workspace", Set.of("base", "security")),
            Map.entry("catalog", Set.of("base", "security", "workspace")),
            Map.entry("openai", Set.of("base")),
            Map.entry("storage", Set.of("base")),
            Map.entry("admin", Set.of("base", "security", "workspace", "catalog", "openai", "storage")),
            Map.entry("generate", Set.of("base", "security", "workspace", "catalog", "admin", "openai", "storage")),
            Map.entry("thread", Set.of("base", "security", "workspace", "catalog", "admin", "openai", "storage", "generate")),
            Map.entry("gallery", Set.of("base", "security", "workspace", "catalog", "admin", "storage", "generate")),
            Map.entry("api", Set.of("base", "security", "workspace", "catalog", "admin", "storage", "generate")),
            Map.entry("audit", Set.of("base", "security", "workspace", "catalog", "admin", "openai", "storage", "generate", "thread", "gallery")));

    /** base.ui is the application shell: it shows who is logged in and switches workspaces. */
    static final Set<String> SHELL_ALLOWED = Set.of("security", "workspace");

    @Test
    void modulesOnlyUseTheModulesTheyMayDependOn() {
        classes().that().resideInAPackage(BASE + "..")
                .and().resideOutsideOfPackage(BASE + ".db..")
                .and().doNotHaveFullyQualifiedName(BASE + ".Application")
                .should(onlyDependOnAllowedModules())
                .check(CLASSES);
    }

    @Test
    void openAiAndStorageKnowNothingOfVaadinOrJooq() {
        noClasses().that().resideInAnyPackage(BASE + ".openai..", BASE + ".storage..")
                .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..", "org.jooq..", BASE + ".db..")
                .check(CLASSES);
    }

    @Test
    void onlyUiPackagesUseVaadin() {
        noClasses().that().resideInAPackage(BASE + "..")
                .and().resideOutsideOfPackage("..ui..")
                .and().doNotHaveFullyQualifiedName(BASE + ".Application")
                .and().doNotHaveFullyQualifiedName(BASE + ".security.SecurityConfig")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .check(CLASSES);
    }

    @Test
    void viewsNeverTouchTheDatabase() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", BASE + ".db..")
                .check(CLASSES);
    }

    @Test
    void everyRouteAndLayoutHasAnAccessAnnotation() {
        classes().that().areAnnotatedWith(Route.class).or().areAssignableTo(RouterLayout.class)
                .and().resideInAPackage(BASE + "..")
                .should().beAnnotatedWith(jakarta.annotation.security.PermitAll.class)
                .orShould().beAnnotatedWith(jakarta.annotation.security.RolesAllowed.class)
                .orShould().beAnnotatedWith(com.vaadin.flow.server.auth.AnonymousAllowed.class)
                .orShould().beAnnotatedWith(jakarta.annotation.security.DenyAll.class)
                .check(CLASSES);
    }

    @Test
    void noRawHtmlSinks() {
        noClasses().that().resideInAPackage(BASE + "..")
                .should().dependOnClassesThat().haveFullyQualifiedName("com.vaadin.flow.component.Html")
                .check(CLASSES);
    }

    private static ArchCondition<JavaClass> onlyDependOnAllowedModules() {
        return new ArchCondition<>("only depend on allowed modules") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String from = module(origin);
                boolean fromUi = origin.getPackageName().contains(".ui");
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    if (!target.getPackageName().startsWith(BASE + ".") || target.getPackageName().startsWith(BASE + ".db")
                            || target.getFullName().equals(BASE + ".Application")) {
                        continue;
                    }
                    String to = module(target);
                    boolean targetUi = target.getPackageName().contains(".ui");
                    Set<String> allowedModules = fromUi && from.equals("base") ? SHELL_ALLOWED : ALLOWED.getOrDefault(from, Set.of());
                    boolean allowed = to.equals(from)
                            || (!targetUi && allowedModules.contains(to))
                            || (fromUi && targetUi);
                    if (!allowed) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static String module(JavaClass javaClass) {
        String rest = javaClass.getPackageName().substring(BASE.length());
        if (rest.isEmpty()) {
            return "";
        }
        String[] parts = rest.substring(1).split("\\.");
        return parts[0];
    }
}
