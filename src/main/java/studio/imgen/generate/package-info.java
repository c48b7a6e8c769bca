/** The generation pipeline (admission, durable job, upstream call, storage, events) and the generate view. */
@ApplicationModule(allowedDependencies = {"base", "workspace", "catalog", "access", "admin", "openai", "storage", "shell"})
package studio.imgen.generate;

import org.springframework.modulith.ApplicationModule;
