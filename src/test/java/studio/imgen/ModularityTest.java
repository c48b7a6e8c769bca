package studio.imgen;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module graph (one module per top-level package, each declaring its allowed dependencies in its
 * {@code package-info.java}) is acyclic and every module uses only what it declares, through the others' APIs
 * (their base package, or a named interface such as {@code generate :: ui}). The diagrams and module canvases in
 * {@code docs/modules} are written from the same model, so the committed ones show the code as it is.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(Application.class);

    @Test
    void modulesAreAcyclicAndUseOnlyTheirAllowedDependencies() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDiagrams() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
