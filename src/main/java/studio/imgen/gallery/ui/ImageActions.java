package studio.imgen.gallery.ui;

import java.util.UUID;

/** What the detail dialog and the context menu ask the gallery view to do. */
interface ImageActions {

    /** Opens the Generate view with this generation's settings. */
    void reuse(UUID generationId);

    /** Starts a new edit thread with this image as its first turn. */
    void edit(UUID imageId);

    /** Asks for confirmation, then deletes the image. */
    void delete(UUID imageId);
}
