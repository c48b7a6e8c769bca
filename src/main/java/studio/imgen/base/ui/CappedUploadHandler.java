package studio.imgen.base.ui;

import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Receives uploaded files into memory with limits enforced on the server while streaming: the Upload component's
 * own size limit is only a browser hint. Results are handed to the UI thread.
 */
public class CappedUploadHandler implements UploadHandler {

    private final long maxFileBytes;
    private final long maxRequestBytes;
    private final BiConsumer<String, byte[]> onFile;
    private final Consumer<String> onRejected;

    /**
     * @param onFile receives the client's file name (for messages only) and the bytes, on the UI thread
     * @param onRejected receives a sentence naming the file, on the UI thread
     */
    public CappedUploadHandler(long maxFileBytes, long maxRequestBytes, BiConsumer<String, byte[]> onFile,
                               Consumer<String> onRejected) {
        this.maxFileBytes = maxFileBytes;
        this.maxRequestBytes = maxRequestBytes;
        this.onFile = onFile;
        this.onRejected = onRejected;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        String name = event.getFileName() == null ? "file" : event.getFileName();
        byte[] bytes;
        try (InputStream in = event.getInputStream()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileBytes + 1));
        }
        if (bytes.length > maxFileBytes) {
            event.getUI().access(() -> onRejected.accept("“" + name + "” is larger than "
                    + (maxFileBytes / 1_000_000) + " MB. Each reference image must be ≤ " + (maxFileBytes / 1_000_000) + " MB."));
            return;
        }
        event.getUI().access(() -> onFile.accept(name, bytes));
    }

    @Override
    public long getFileSizeMax() {
        return maxFileBytes;
    }

    @Override
    public long getRequestSizeMax() {
        return maxRequestBytes;
    }
}
