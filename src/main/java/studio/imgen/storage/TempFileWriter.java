package studio.imgen.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Writes bytes into the open temporary file; a seam so tests can simulate a disk that fills up mid-write. */
@FunctionalInterface
interface TempFileWriter {

    TempFileWriter DIRECT = (channel, bytes) -> {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    };

    void write(FileChannel channel, byte[] bytes) throws IOException;
}
