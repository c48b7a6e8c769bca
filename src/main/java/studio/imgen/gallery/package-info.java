/** Browsing the workspace's images and the access-checked image endpoints. */
@ApplicationModule(allowedDependencies = {"base", "security", "workspace", "catalog", "admin", "storage", "generate", "generate :: ui", "shell"})
package studio.imgen.gallery;

import org.springframework.modulith.ApplicationModule;
