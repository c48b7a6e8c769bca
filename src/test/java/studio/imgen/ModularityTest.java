package studio.imgen;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module graph (one module per top-level package, each declaring its allowed dependencies in its
 * {@code package-info.java}) is acyclic and every module uses only what it declares, through the others' APIs
 * (their base package, or a named interface such as {@code generate :: ui}). The diagrams and module canvases are
 * written from the same model: into {@code target/modules} on every run (Modulith lists relations in no stable
 * order, so the committed copy is not rewritten by each build), and into the committed {@code docs/modules} with
 * {@code -Dmodules.docs=docs/modules} (see the README's Architecture section) after a change to the module graph.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(Application.class);

    @Test
    void modulesAreAcyclicAndUseOnlyTheirAllowedDependencies() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDiagrams() {
        String folder = System.getProperty("modules.docs", "target/modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
