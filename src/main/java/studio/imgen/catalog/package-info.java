/** The model catalogue: model ids, capabilities, prices and lifecycle, live status, cost from usage, and the instance admin's catalogue editor. */
@ApplicationModule(allowedDependencies = {"base", "workspace", "workspace :: ui", "shell"})
package studio.imgen.catalog;

import org.springframework.modulith.ApplicationModule;
