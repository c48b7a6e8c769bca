package studio.imgen.generate.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;
import studio.imgen.base.UserInputException;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.storage.PendingUploads;
import studio.imgen.storage.PendingUploads.PendingFile;

/**
 * Receives a form's uploads onto disk (a {@link PendingUploads.Batch}), with the per-file and total caps enforced while
 * the bytes stream in, and hands each accepted file or refusal sentence to the UI thread. The batch lives as long as
 * the form: it is deleted when the form is detached (navigation, closed dialog, ended session).
 */
public class UploadInbox implements UploadHandler {

    private final PendingUploads.Batch batch;
    private final long maxFileBytes;
    private final long maxTotalBytes;
    private final Consumer<PendingFile> onFile;
    private final Consumer<String> onRejected;

    /**
     * @param owner the form: the files are deleted when it is detached
     * @param onFile receives each accepted file, on the UI thread
     * @param onRejected receives a sentence naming the refused file, on the UI thread
     */
    public UploadInbox(PendingUploads uploads, long maxFileBytes, long maxTotalBytes, Component owner,
                       Consumer<PendingFile> onFile, Consumer<String> onRejected) {
        this.batch = uploads.open(maxFileBytes, maxTotalBytes);
        this.maxFileBytes = maxFileBytes;
        this.maxTotalBytes = maxTotalBytes;
        this.onFile = onFile;
        this.onRejected = onRejected;
        owner.addDetachListener(e -> batch.close());
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        String name = event.getFileName() == null ? "file" : event.getFileName();
        try (InputStream in = event.getInputStream()) {
            PendingFile file = batch.receive(name, in);
            event.getUI().access(() -> onFile.accept(file));
        } catch (UserInputException refused) {
            event.getUI().access(() -> onRejected.accept(refused.getMessage()));
        }
    }

    /** The files as they will be submitted, read from disk now. */
    public List<GenerationRequest.Upload> uploads() {
        return batch.files().stream()
                .map(f -> new GenerationRequest.Upload(f.displayName(), f.read())).toList();
    }

    public List<PendingFile> files() {
        return batch.files();
    }

    public void remove(PendingFile file) {
        batch.remove(file);
    }

    /** After a submit: the files are deleted; the form can take new ones. */
    public void clear() {
        batch.clear();
    }

    @Override
    public long getFileSizeMax() {
        return maxFileBytes;
    }

    @Override
    public long getRequestSizeMax() {
        return maxTotalBytes;
    }
}
