package studio.imgen.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientCacheTest {

    /** A stand-in client that only knows its key's label and whether it was closed. */
    private static final class Stub {
        final String label;
        boolean closed;

        Stub(String label) {
            this.label = label;
        }
    }

    private final List<Stub> created = new ArrayList<>();

    private OpenAIClient stub(String apiKey) {
        Stub stub = new Stub(apiKey);
        created.add(stub);
        return (OpenAIClient) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {OpenAIClient.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "close" -> {
                        stub.closed = true;
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "stub";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void oneClientPerKeyAndLeastRecentlyUsedIsEvictedAndClosed() {
        ClientCache cache = new ClientCache(2, this::stub);

        OpenAIClient a = cache.get("sk-a");
        assertThat(cache.get("sk-a")).isSameAs(a);
        cache.get("sk-b");
        cache.get("sk-a");
        cache.get("sk-c");

        assertThat(created).extracting(s -> s.label).containsExactly("sk-a", "sk-b", "sk-c");
        assertThat(created).extracting(s -> s.closed).containsExactly(false, true, false);
        assertThat(cache.get("sk-a")).isSameAs(a);
        cache.get("sk-b");
        assertThat(created).hasSize(4);

        cache.close();
        assertThat(created).allSatisfy(s -> assertThat(s.closed).isTrue());
    }

    @Test
    void keysAreStoredOnlyAsSha256() {
        assertThat(ClientCache.fingerprint("sk-secret"))
                .isEqualTo("746b4ad1ca9129e1caf080bf9406d43531b8bbf97f42cc1597ee4f3d4663938e")
                .isNotEqualTo(ClientCache.fingerprint("sk-secret2"));
    }
}
