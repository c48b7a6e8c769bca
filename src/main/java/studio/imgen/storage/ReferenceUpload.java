package studio.imgen.storage;

import java.io.InputStream;

/**
 * One uploaded file as received: the client's name (only ever shown in messages) and its content. The caller owns
 * and closes the stream.
 */
public record ReferenceUpload(String displayName, InputStream content) {}
