package studio.imgen.generate.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.InputStream;
import java.util.Objects;
import java.util.UUID;
import studio.imgen.base.UserInputException;
import studio.imgen.base.ui.Notifications;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.GenerationService;
import studio.imgen.storage.PendingUploads.PendingFile;
import studio.imgen.storage.UploadValidator;
import studio.imgen.storage.ValidatedMask;

/**
 * The optional inpainting mask of an edit: paint it over the stored image being edited, or upload a PNG. It applies
 * to the first input image, so it is dropped whenever that image changes. Every mask is checked by the service when
 * it is attached (to show its painted share, or why it is refused) and again on submit.
 */
public class MaskPicker extends Div {

    /** The first input image of the form, which a mask applies to. */
    public sealed interface Target {
        /** A stored image of the workspace ("Edit this image"): it can be painted on. */
        record Stored(UUID imageId, int width, int height) implements Target {
        }

        /** An uploaded reference, waiting on disk: it takes an uploaded mask. */
        record Uploaded(PendingFile file) implements Target {
        }
    }

    private final GenerationService generations;
    private final Button paint = new Button("Paint mask", VaadinIcon.PAINTBRUSH.create());
    private final Upload upload;
    private final Div chip = new Div();
    private final Span chipText = new Span();
    private Target target;
    private GenerationRequest.Upload mask;

    public MaskPicker(GenerationService generations) {
        this.generations = generations;
        addClassName("mask-picker");
        paint.addThemeVariants(ButtonVariant.LUMO_SMALL);
        paint.addClickListener(e -> openPainter());
        paint.setTooltipText("Paint the area the edit may change");

        upload = new Upload((UploadHandler) event -> {
            String name = event.getFileName() == null ? "mask.png" : event.getFileName();
            byte[] bytes;
            try (InputStream in = event.getInputStream()) {
                bytes = in.readNBytes(UploadValidator.MASK_MAX_BYTES + 1);
            }
            event.getUI().access(() -> uploaded(name, bytes));
        });
        upload.setAcceptedFileTypes("image/png", ".png");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(UploadValidator.MASK_MAX_BYTES);
        upload.setDropAllowed(false);
        Button uploadButton = new Button("Upload mask", VaadinIcon.UPLOAD.create());
        uploadButton.addThemeVariants(ButtonVariant.LUMO_SMALL);
        upload.setUploadButton(uploadButton);
        upload.addFileRejectedListener(e -> Notifications.error("Mask must be a PNG file smaller than 4,000,000 bytes."));
        upload.addClassName("mask-upload");

        Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> setMask(null, 0));
        remove.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        remove.setAriaLabel("Remove the mask");
        remove.setTooltipText("Remove the mask");
        chip.add(VaadinIcon.PAINTBRUSH.create(), chipText, remove);
        chip.addClassName("mask-chip");

        Div actions = new Div(paint, upload);
        actions.addClassName("mask-actions");
        add(actions, chip);
        setTarget(null);
    }

    /** The image a mask would apply to, or null when the form has none; a different image drops the mask. */
    public void setTarget(Target next) {
        if (!Objects.equals(target, next)) {
            setMask(null, 0);
        }
        target = next;
        setVisible(next != null);
        paint.setVisible(next instanceof Target.Stored);
    }

    /** The badge of a generation or turn that was edited with a mask. */
    public static Span usedBadge() {
        Span badge = new Span(VaadinIcon.PAINTBRUSH.create(), new Span("Mask"));
        badge.getElement().getThemeList().add("badge contrast");
        badge.addClassName("mask-used");
        badge.getElement().setAttribute("title", "Edited with an inpainting mask: only the painted area could change");
        return badge;
    }

    /** The attached mask, or null. */
    public GenerationRequest.Upload mask() {
        return mask;
    }

    /** After a send: the next turn edits a new image, so its mask starts empty. */
    public void clear() {
        setMask(null, 0);
    }

    private void openPainter() {
        if (target instanceof Target.Stored stored) {
            new MaskPainterDialog(stored.imageId(), stored.width(), stored.height(), png -> {
                // A refusal propagates to the dialog, which shows it and keeps the painting.
                ValidatedMask checked = check(new GenerationRequest.Upload("painted mask", png));
                setMask(new GenerationRequest.Upload("painted mask", png), checked.paintedPercent());
            }).open();
        }
    }

    private void uploaded(String name, byte[] bytes) {
        upload.clearFileList();
        if (target == null) {
            return;
        }
        if (bytes.length > UploadValidator.MASK_MAX_BYTES) {
            Notifications.error("“" + name + "” is too large. Mask must be smaller than 4,000,000 bytes.");
            return;
        }
        GenerationRequest.Upload file = new GenerationRequest.Upload(name, bytes);
        try {
            setMask(file, check(file).paintedPercent());
        } catch (UserInputException refused) {
            Notifications.error(refused.getMessage());
        }
    }

    private ValidatedMask check(GenerationRequest.Upload file) {
        if (target instanceof Target.Stored stored) {
            return generations.checkMask(stored.imageId(), file);
        }
        PendingFile first = ((Target.Uploaded) target).file();
        return generations.checkMask(new GenerationRequest.Upload(first.displayName(), first.read()), file);
    }

    private void setMask(GenerationRequest.Upload file, int paintedPercent) {
        mask = file;
        chipText.setText(file == null ? "" : "Mask: painted area " + paintedPercent + " %");
        chip.setVisible(file != null);
        paint.setText(file == null ? "Paint mask" : "Paint again");
    }
}
