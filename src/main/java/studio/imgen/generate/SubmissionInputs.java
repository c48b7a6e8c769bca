package studio.imgen.generate;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import studio.imgen.base.UserInputException;
import studio.imgen.catalog.ImageModel;
import studio.imgen.storage.ReferenceUpload;
import studio.imgen.storage.UploadLimits;
import studio.imgen.storage.UploadValidator;
import studio.imgen.storage.ValidatedImage;
import studio.imgen.storage.ValidatedMask;

/**
 * The images of a submission, checked: stored images to edit (of the caller's workspace), uploaded references and a
 * mask. Refusals are {@link UserInputException}s that say what to change.
 */
@Component
class SubmissionInputs {

    private final ImageRepository images;
    private final UploadValidator uploads;
    private final UploadLimits uploadLimits;

    SubmissionInputs(ImageRepository images, UploadValidator uploads, UploadLimits uploadLimits) {
        this.images = images;
        this.uploads = uploads;
        this.uploadLimits = uploadLimits;
    }

    /** A stored image to edit, checked to belong to the caller's workspace. */
    record SourceImage(UUID id, int width, int height) {
    }

    List<SourceImage> sourceImages(UUID workspaceId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, int[]> sizes = images.resultSizes(workspaceId, ids);
        List<SourceImage> sources = new ArrayList<>();
        for (UUID id : ids) {
            int[] size = sizes.get(id);
            if (size == null) {
                throw new UserInputException("Could not find the image to edit.");
            }
            sources.add(new SourceImage(id, size[0], size[1]));
        }
        return sources;
    }

    List<ValidatedImage> references(GenerationRequest request, ImageModel model, List<SourceImage> sources) {
        int total = sources.size() + request.references().size();
        if (total == 0) {
            return List.of();
        }
        if (total > model.maxReferenceImages()) {
            throw new UserInputException(model.maxReferenceImages() == 0
                    ? model.label() + " does not accept reference images."
                    : "You can attach at most " + model.maxReferenceImages() + " reference images for this model.");
        }
        List<ReferenceUpload> files = request.references().stream()
                .map(u -> new ReferenceUpload(u.displayName(), new ByteArrayInputStream(u.bytes()))).toList();
        List<ValidatedImage> validated = files.isEmpty() ? List.of()
                : uploads.validateSet(files, uploadLimits.withMaxFiles(model.maxReferenceImages()));
        long distinctSizes = Stream.concat(
                sources.stream().map(s -> s.width() + "x" + s.height()),
                validated.stream().map(v -> v.width() + "x" + v.height())).distinct().count();
        if (distinctSizes > 1) {
            throw new UserInputException("All reference images must have identical width × height");
        }
        return validated;
    }

    /** OpenAI applies the mask to the first image, so it must have that image's size. */
    ValidatedMask mask(GenerationRequest.Upload mask, List<SourceImage> sources, List<ValidatedImage> references) {
        if (!sources.isEmpty()) {
            return mask(mask, sources.get(0).width(), sources.get(0).height());
        }
        if (!references.isEmpty()) {
            return mask(mask, references.get(0).width(), references.get(0).height());
        }
        throw new UserInputException("A mask needs an image to edit. Add the image first, then its mask.");
    }

    /** A mask for an uploaded image that will be the first reference of a submission. */
    ValidatedMask maskForUpload(GenerationRequest.Upload image, GenerationRequest.Upload mask) {
        ValidatedImage first = uploads.validateReference(image.displayName(), new ByteArrayInputStream(image.bytes()),
                uploadLimits);
        return mask(mask, first.width(), first.height());
    }

    ValidatedMask mask(GenerationRequest.Upload mask, int width, int height) {
        return uploads.validateMask(mask.displayName(), new ByteArrayInputStream(mask.bytes()), width, height);
    }
}
