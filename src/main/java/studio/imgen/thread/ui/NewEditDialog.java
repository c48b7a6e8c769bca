package studio.imgen.thread.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import studio.imgen.base.UserInputException;
import studio.imgen.base.ui.CappedUploadHandler;
import studio.imgen.base.ui.Notifications;
import studio.imgen.generate.GenerateForm;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.ui.MaskPicker;
import studio.imgen.storage.Thumbnails;
import studio.imgen.thread.TurnRequest;

/**
 * "New edit" from the member's own files: images (checked on the server exactly like Generate's reference images,
 * up to the model's limit) and the first prompt. A refused start keeps the files and the text.
 */
class NewEditDialog extends Dialog {

    static final long MAX_FILE_BYTES = 25_000_000;

    private final List<GenerationRequest.Upload> files = new ArrayList<>();
    private final Div tiles = new Div();
    private final Thumbnails thumbnailer;
    private TurnInputBar input;

    NewEditDialog(Function<String, GenerateForm> formLoader, MaskPicker maskPicker, Thumbnails thumbnailer,
                  BiConsumer<TurnRequest, List<GenerationRequest.Upload>> onStart) {
        this.thumbnailer = thumbnailer;
        addClassName("new-edit-dialog");
        setHeaderTitle("New edit");
        Upload upload = new Upload(new CappedUploadHandler(MAX_FILE_BYTES, 16 * MAX_FILE_BYTES, this::add,
                Notifications::error));
        upload.setAcceptedFileTypes("image/png", "image/jpeg", "image/webp", ".png", ".jpg", ".jpeg", ".webp");
        upload.setMaxFileSize((int) MAX_FILE_BYTES);
        upload.setDropAllowed(true);
        upload.addFileRejectedListener(e -> Notifications.error(e.getErrorMessage()));
        upload.setUploadButton(new Button("Add images", VaadinIcon.UPLOAD.create()));
        upload.setDropLabel(new Span("or drop PNG, JPEG or WebP here"));
        upload.addSucceededListener(e -> upload.clearFileList());
        tiles.addClassName("reference-thumbnails");
        Paragraph hint = new Paragraph("The first image is the one you edit; more images guide the edit. All must"
                + " have the same size.");
        hint.addClassName("hint");
        // The first turn may be masked too: the mask applies to the first upload (and goes when that one does).
        input = new TurnInputBar(formLoader, maskPicker, "Start", request -> {
            try {
                onStart.accept(request, List.copyOf(files));
                close();
            } catch (UserInputException refused) {
                Notifications.error(refused.getMessage());
                this.input.refused();
            }
        });
        add(hint, upload, tiles, input);
        setWidth("min(720px, 96vw)");
    }

    private void add(String name, byte[] bytes) {
        files.add(new GenerationRequest.Upload(name, bytes));
        render();
    }

    private void render() {
        input.editing(files.isEmpty() ? null : new MaskPicker.Target.Uploaded(files.get(0)));
        tiles.removeAll();
        for (GenerationRequest.Upload file : files) {
            Div tile = new Div();
            tile.addClassName("reference-tile");
            try {
                tile.add(new Image("data:image/jpeg;base64,"
                        + Base64.getEncoder().encodeToString(thumbnailer.thumbnail(file.bytes())), file.displayName()));
            } catch (RuntimeException notAnImage) {
                tile.add(new Span(file.displayName()));
            }
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                files.remove(file);
                render();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            remove.setAriaLabel("Remove " + file.displayName());
            tile.add(remove);
            tiles.add(tile);
        }
    }
}
