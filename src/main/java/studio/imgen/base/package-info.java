/**
 * The small shared kernel: instance configuration, the embedded database for first runs, the maintenance lease, the
 * request id filter and (in {@code ui}) reusable UI components. Imports no other module; an open module, so its
 * sub-packages are usable by all.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN, allowedDependencies = {})
package studio.imgen.base;

import org.springframework.modulith.ApplicationModule;
