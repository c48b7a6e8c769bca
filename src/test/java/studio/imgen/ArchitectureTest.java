package studio.imgen;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLayout;
import org.junit.jupiter.api.Test;

/**
 * House rules inside and across the modules: openai and storage know nothing of Vaadin or jOOQ, only ui packages (and
 * the shell) use Vaadin, views never touch the database, every route and layout has an access annotation, no raw HTML.
 * The module boundaries themselves are verified by {@link ModularityTest} (Spring Modulith) and table ownership by
 * {@link TableOwnershipTest}.
 */
class ArchitectureTest {

    private static final String BASE = "studio.imgen";
    /** The generated jOOQ classes, outside the application's packages. */
    private static final String DB = "imgen.db";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    @Test
    void openAiAndStorageKnowNothingOfVaadinOrJooq() {
        noClasses().that().resideInAnyPackage(BASE + ".openai..", BASE + ".storage..")
                .should().dependOnClassesThat().resideInAnyPackage("com.vaadin..", "org.jooq..", DB + "..")
                .check(CLASSES);
    }

    @Test
    void onlyUiPackagesUseVaadin() {
        noClasses().that().resideInAPackage(BASE + "..")
                .and().resideOutsideOfPackage("..ui..")
                .and().resideOutsideOfPackage(BASE + ".shell..")
                .and().doNotHaveFullyQualifiedName(BASE + ".Application")
                .and().doNotHaveFullyQualifiedName(BASE + ".security.SecurityConfig")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .check(CLASSES);
    }

    @Test
    void viewsNeverTouchTheDatabase() {
        noClasses().that().resideInAPackage("..ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", DB + "..")
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
}
