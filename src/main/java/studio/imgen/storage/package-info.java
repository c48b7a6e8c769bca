/** Image files: the ImageStore (local disk, S3 later), thumbnails and upload validation. No Vaadin, no jOOQ. */
package studio.imgen.storage;
