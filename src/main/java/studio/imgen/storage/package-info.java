/** Image files: the ImageStore (local disk or S3-compatible object storage), thumbnails and upload validation. No Vaadin, no jOOQ. */
@ApplicationModule(allowedDependencies = {"base"})
package studio.imgen.storage;

import org.springframework.modulith.ApplicationModule;
