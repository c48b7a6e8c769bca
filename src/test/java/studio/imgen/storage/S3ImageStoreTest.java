package studio.imgen.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import studio.imgen.testsupport.S3MockServer;

/** The S3 store against S3Mock, a real S3-compatible server on loopback: the shared contract plus S3's failures. */
class S3ImageStoreTest extends ImageStoreContractTest {

    private final S3MockServer server = S3MockServer.shared();
    private final List<S3ImageStore> opened = new ArrayList<>();

    @AfterEach
    void closeStores() {
        opened.forEach(S3ImageStore::close);
    }

    private S3ImageStore open(String bucket) {
        S3ImageStore store = server.store(bucket);
        opened.add(store);
        return store;
    }

    @Override
    ImageStore store() {
        return open(server.createBucket());
    }

    @Override
    ImageStore failingStore() {
        return open("no-such-bucket");
    }

    @Override
    void plantForeign(ImageStore store, String name) {
        String bucket = store.describe().replaceAll(".*'(.*)'.*", "$1");
        try (var client = server.client()) {
            client.putObject(b -> b.bucket(bucket).key(name), RequestBody.fromBytes(new byte[1]));
        }
    }

    @Test
    void startupCheckAcceptsAnExistingBucket() {
        S3ImageStore store = open(S3MockServer.BUCKET);

        store.verifyReachable();

        assertThat(store.describe()).isEqualTo("S3 bucket '" + S3MockServer.BUCKET + "' at " + server.endpoint());
    }

    @Test
    void startupCheckExplainsAMissingBucket() {
        assertThatThrownBy(() -> open("missing-bucket").verifyReachable()).isInstanceOf(StorageException.class)
                .hasMessage("S3 bucket 'missing-bucket' at " + server.endpoint()
                        + " is not usable: the bucket does not exist (create it first)");
    }

    @Test
    void aBucketIsRequired() {
        assertThatThrownBy(() -> S3ImageStore.connect(new StorageProperties.S3(" ", null, "us-east-1", true), null))
                .isInstanceOf(StorageException.class).hasMessage("S3 storage needs a bucket: set APP_S3_BUCKET");
    }

    @Test
    void aStoppedServerFailsPutsAndTheStartupCheckClearly() {
        S3ImageStore store;
        StorageKey key = key(ImageFormat.PNG);
        try (S3MockServer own = S3MockServer.start()) {
            store = own.store(S3MockServer.BUCKET);
            opened.add(store);
            store.put(key, new byte[] {1});
            assertThat(store.exists(key)).isTrue();
        }

        assertThatThrownBy(() -> store.put(key(ImageFormat.PNG), new byte[] {2})).isInstanceOf(StorageException.class)
                .hasMessageContaining("Could not write");
        assertThatThrownBy(store::verifyReachable).isInstanceOf(StorageException.class)
                .hasMessageContaining("is not reachable").hasMessageContaining("Check APP_S3_ENDPOINT");
    }

    @Test
    void anObjectStoreHasNoTemporaryFilesAndNoVolumeToFill() {
        ImageStore store = store();

        assertThat(store.deleteStaleTempFiles(java.time.Duration.ZERO)).isZero();
        assertThat(store.usableBytes()).isEqualTo(Long.MAX_VALUE);
        store.ensureSpaceFor(Long.MAX_VALUE);
    }
}
