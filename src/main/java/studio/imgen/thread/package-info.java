/** Chat-style edit threads: turns and branching, composed from the generate pipeline (the mask painter lives beside the mask picker in generate). */
@ApplicationModule(allowedDependencies = {"base", "workspace", "catalog", "access", "admin", "storage", "generate", "generate :: ui", "shell"})
package studio.imgen.thread;

import org.springframework.modulith.ApplicationModule;
