package studio.imgen.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

class LocalImageStoreContractTest extends ImageStoreContractTest {

    @TempDir
    Path dir;

    @Override
    ImageStore store() {
        return new LocalImageStore(dir.resolve("images"), StorageReserve.none(), Clock.systemUTC());
    }

    @Override
    ImageStore failingStore() {
        return new LocalImageStore(dir.resolve("images"), StorageReserve.none(), Clock.systemUTC(),
                (channel, bytes) -> {
                    throw new IOException("Input/output error");
                });
    }

    @Override
    void plantForeign(ImageStore store, String name) {
        try {
            Path file = ((LocalImageStore) store).root().resolve(name);
            Files.createDirectories(file.getParent());
            Files.write(file, new byte[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
