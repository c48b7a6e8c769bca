/** Adapter over the official openai-java SDK: generate, edit, responses, streaming and typed failures. No Vaadin, no jOOQ. */
@ApplicationModule(allowedDependencies = {"base"})
package studio.imgen.openai;

import org.springframework.modulith.ApplicationModule;
