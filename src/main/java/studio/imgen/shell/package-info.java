/**
 * The application shell, on top of the feature modules' views: the main layout, the side navigation built from the
 * views' {@code @Menu} annotations, the workspace switcher and the user menu. Views name it as their layout; it names
 * no view.
 */
@ApplicationModule(allowedDependencies = {"base", "security", "security :: ui", "workspace"})
package studio.imgen.shell;

import org.springframework.modulith.ApplicationModule;
