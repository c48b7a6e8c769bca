package studio.imgen.gallery;

import java.util.List;
import java.util.UUID;

/** The choices the gallery's filters offer: every catalogue model (old images may use retired ones) and the members. */
public record GalleryFilterOptions(List<ModelOption> models, List<MemberOption> members, UUID me) {

    public GalleryFilterOptions {
        models = List.copyOf(models);
        members = List.copyOf(members);
    }

    public record ModelOption(String id, String label) {
    }

    public record MemberOption(UUID id, String displayName) {
    }
}
