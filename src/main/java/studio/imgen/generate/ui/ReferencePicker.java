package studio.imgen.generate.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import studio.imgen.base.ui.CappedUploadHandler;
import studio.imgen.base.ui.Notifications;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.storage.Thumbnails;

/**
 * Reference images: drag and drop or browse, up to the model's limit, each shown as a small thumbnail with remove.
 * Files are only received here; the service validates and re-encodes them on submit.
 */
class ReferencePicker extends Div {

    static final long MAX_FILE_BYTES = 25_000_000;

    private final List<GenerationRequest.Upload> files = new ArrayList<>();
    private final Div thumbnails = new Div();
    private final Upload upload;
    private final Thumbnails thumbnailer;
    private final Runnable onChange;
    private int maxFiles = 16;

    ReferencePicker(Thumbnails thumbnailer, Runnable onChange) {
        this.thumbnailer = thumbnailer;
        this.onChange = onChange;
        addClassName("reference-picker");
        upload = new Upload(new CappedUploadHandler(MAX_FILE_BYTES, 16 * MAX_FILE_BYTES, this::add, Notifications::error));
        upload.setAcceptedFileTypes("image/png", "image/jpeg", "image/webp", ".png", ".jpg", ".jpeg", ".webp");
        upload.setMaxFileSize((int) MAX_FILE_BYTES);
        upload.setDropAllowed(true);
        upload.addFileRejectedListener(e -> Notifications.error(e.getErrorMessage()));
        upload.setUploadButton(new Button("Add reference images", VaadinIcon.UPLOAD.create()));
        upload.setDropLabel(new Span("or drop PNG, JPEG or WebP here"));
        thumbnails.addClassName("reference-thumbnails");
        add(upload, thumbnails);
    }

    List<GenerationRequest.Upload> files() {
        return List.copyOf(files);
    }

    boolean isEmpty() {
        return files.isEmpty();
    }

    void setMaxFiles(int max) {
        this.maxFiles = max;
        upload.setMaxFiles(Math.max(max, 1));
        setVisible(max > 0);
    }

    void clear() {
        files.clear();
        upload.clearFileList();
        render();
    }

    private void add(String name, byte[] bytes) {
        if (files.size() >= maxFiles) {
            Notifications.error("You can attach at most " + maxFiles + " reference images for this model.");
            return;
        }
        files.add(new GenerationRequest.Upload(name, bytes));
        upload.clearFileList();
        render();
    }

    private void render() {
        thumbnails.removeAll();
        for (GenerationRequest.Upload file : files) {
            Div tile = new Div();
            tile.addClassName("reference-tile");
            try {
                byte[] small = thumbnailer.thumbnail(file.bytes());
                Image image = new Image("data:image/jpeg;base64," + Base64.getEncoder().encodeToString(small), file.displayName());
                tile.add(image);
            } catch (RuntimeException notAnImage) {
                tile.add(new Span(file.displayName()));
                tile.addClassName("reference-unreadable");
            }
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                files.remove(file);
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
