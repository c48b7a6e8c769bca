package studio.imgen.generate.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import studio.imgen.base.ui.Notifications;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.storage.PendingUploads;
import studio.imgen.storage.PendingUploads.PendingFile;
import studio.imgen.storage.Thumbnails;

/**
 * Reference images: drag and drop or browse, up to the model's limit, each shown as a small thumbnail with remove.
 * Files wait on disk (only their thumbnails stay in memory) with the caps enforced while they arrive; the service
 * validates and re-encodes them on submit.
 */
class ReferencePicker extends Div {

    static final long MAX_FILE_BYTES = 25_000_000;
    /** What one request may carry in uploads together, checked while they arrive. */
    static final long MAX_TOTAL_BYTES = 100_000_000;

    private final UploadInbox inbox;
    private final Map<PendingFile, String> thumbnailUrls = new HashMap<>();
    private final Div thumbnails = new Div();
    private final Upload upload;
    private final Thumbnails thumbnailer;
    private final Runnable onChange;
    private int maxFiles = 16;

    ReferencePicker(PendingUploads pendingUploads, Thumbnails thumbnailer, Runnable onChange) {
        this.thumbnailer = thumbnailer;
        this.onChange = onChange;
        addClassName("reference-picker");
        inbox = new UploadInbox(pendingUploads, MAX_FILE_BYTES, MAX_TOTAL_BYTES, this, this::add, Notifications::error);
        upload = new Upload(inbox);
        upload.setAcceptedFileTypes("image/png", "image/jpeg", "image/webp", ".png", ".jpg", ".jpeg", ".webp");
        upload.setMaxFileSize((int) MAX_FILE_BYTES);
        upload.setDropAllowed(true);
        upload.addFileRejectedListener(e -> Notifications.error(e.getErrorMessage()));
        upload.setUploadButton(new Button("Add reference images", VaadinIcon.UPLOAD.create()));
        upload.setDropLabel(new Span("or drop PNG, JPEG or WebP here"));
        thumbnails.addClassName("reference-thumbnails");
        add(upload, thumbnails);
    }

    /** The files as they are submitted (read from disk now). */
    List<GenerationRequest.Upload> uploads() {
        return inbox.uploads();
    }

    List<PendingFile> files() {
        return inbox.files();
    }

    boolean isEmpty() {
        return inbox.files().isEmpty();
    }

    void setMaxFiles(int max) {
        this.maxFiles = max;
        upload.setMaxFiles(Math.max(max, 1));
        setVisible(max > 0);
    }

    void clear() {
        inbox.clear();
        thumbnailUrls.clear();
        upload.clearFileList();
        render();
    }

    private void add(PendingFile file) {
        upload.clearFileList();
        if (inbox.files().size() > maxFiles) {
            inbox.remove(file);
            Notifications.error("You can attach at most " + maxFiles + " reference images for this model.");
            return;
        }
        thumbnailUrls.put(file, thumbnailUrl(file));
        render();
    }

    /** A small JPEG kept as a data URL; null for a file that is no image (the service names it on submit). */
    private String thumbnailUrl(PendingFile file) {
        try {
            return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(thumbnailer.thumbnail(file.read()));
        } catch (RuntimeException notAnImage) {
            return null;
        }
    }

    private void render() {
        thumbnails.removeAll();
        for (PendingFile file : inbox.files()) {
            Div tile = new Div();
            tile.addClassName("reference-tile");
            String url = thumbnailUrls.get(file);
            if (url != null) {
                tile.add(new Image(url, file.displayName()));
            } else {
                tile.add(new Span(file.displayName()));
                tile.addClassName("reference-unreadable");
            }
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                inbox.remove(file);
                thumbnailUrls.remove(file);
                render();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            remove.setAriaLabel("Remove " + file.displayName());
            remove.setTooltipText("Remove " + file.displayName());
            tile.add(remove);
            thumbnails.add(tile);
        }
        onChange.run();
    }
}
