package studio.imgen.base.ui;

import java.util.UUID;

/** The access-checked image URLs (served by the gallery module), in one place. */
public final class ImageUrls {

    private ImageUrls() {
    }

    public static String original(UUID imageId) {
        return "img/" + imageId;
    }

    public static String thumbnail(UUID imageId) {
        return "img/" + imageId + "/thumb";
    }

    public static String download(UUID imageId) {
        return "img/" + imageId + "/download";
    }
}
