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
import java.time.Clock;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import studio.imgen.base.UserInputException;
import studio.imgen.base.ui.Notifications;
import studio.imgen.generate.GenerateForm;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.ui.MaskPicker;
import studio.imgen.generate.ui.UploadInbox;
import studio.imgen.storage.PendingUploads.PendingFile;
import studio.imgen.storage.PendingUploads;
import studio.imgen.storage.Thumbnails;
import studio.imgen.thread.TurnRequest;

/**
 * "New edit" from the member's own files: images (checked on the server exactly like Generate's reference images,
 * up to the model's limit) and the first prompt. A refused start keeps the files and the text.
 */
class NewEditDialog extends Dialog {

    static final long MAX_FILE_BYTES = 25_000_000;
    static final long MAX_TOTAL_BYTES = 100_000_000;

    private final UploadInbox inbox;
    private final Map<PendingFile, String> thumbnailUrls = new HashMap<>();
    private final Div tiles = new Div();
    private final Thumbnails thumbnailer;
    private TurnInputBar input;

    NewEditDialog(Function<String, GenerateForm> formLoader, MaskPicker maskPicker, PendingUploads pendingUploads,
                  Thumbnails thumbnailer, BiConsumer<TurnRequest, List<GenerationRequest.Upload>> onStart,
                  Clock clock) {
        this.thumbnailer = thumbnailer;
        addClassName("new-edit-dialog");
        setHeaderTitle("New edit");
        // On disk until Start, deleted when the dialog closes (its detach), whether it started a thread or not.
        inbox = new UploadInbox(pendingUploads, MAX_FILE_BYTES, MAX_TOTAL_BYTES, this, this::add, Notifications::error);
        Upload upload = new Upload(inbox);
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
                onStart.accept(request, inbox.uploads());
                // Submitted: the files go now, not only when the closed dialog is detached (a round trip later).
                inbox.clear();
                close();
            } catch (UserInputException refused) {
                Notifications.error(refused.getMessage());
                this.input.refused();
            }
        }, clock);
        // The dialog's own cooldown countdown ticks while it is open.
        addOpenedChangeListener(e -> getUI().ifPresent(ui -> ui.setPollInterval(
                e.isOpened() && input.coolingDown() ? 1000 : -1)));
        add(hint, upload, tiles, input);
        setWidth("min(720px, 96vw)");
    }

    private void add(PendingFile file) {
        try {
            thumbnailUrls.put(file, "data:image/jpeg;base64,"
                    + Base64.getEncoder().encodeToString(thumbnailer.thumbnail(file.read())));
        } catch (RuntimeException notAnImage) {
            // Shown by name; the service says why it cannot be used on Start.
        }
        render();
    }

    private void render() {
        List<PendingFile> files = inbox.files();
        input.editing(files.isEmpty() ? null : new MaskPicker.Target.Uploaded(files.get(0)));
        tiles.removeAll();
        for (PendingFile file : files) {
            Div tile = new Div();
            tile.addClassName("reference-tile");
            String url = thumbnailUrls.get(file);
            tile.add(url != null ? new Image(url, file.displayName()) : new Span(file.displayName()));
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                inbox.remove(file);
                thumbnailUrls.remove(file);
                render();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            remove.setAriaLabel("Remove " + file.displayName());
            tile.add(remove);
            tiles.add(tile);
        }
    }
}
