package studio.imgen.openai;

import com.openai.client.OpenAIClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;

/**
 * One SDK client per workspace key (each has its own connection pool), least recently used first out. Entries are
 * keyed by a SHA-256 of the key so the map never holds the key itself. Closing an evicted client only drops idle
 * connections; calls still running on it finish normally.
 */
final class ClientCache implements AutoCloseable {

    private final int capacity;
    private final Function<String, OpenAIClient> factory;
    private final LinkedHashMap<String, OpenAIClient> clients = new LinkedHashMap<>(16, 0.75f, true);

    ClientCache(int capacity, Function<String, OpenAIClient> factory) {
        this.capacity = capacity;
        this.factory = factory;
    }

    OpenAIClient get(String apiKey) {
        List<OpenAIClient> evicted = new ArrayList<>();
        OpenAIClient client;
        synchronized (this) {
            client = clients.computeIfAbsent(fingerprint(apiKey), id -> factory.apply(apiKey));
            var oldest = clients.entrySet().iterator();
            while (clients.size() > capacity) {
                evicted.add(oldest.next().getValue());
                oldest.remove();
            }
        }
        evicted.forEach(OpenAIClient::close);
        return client;
    }

    @Override
    public void close() {
        List<OpenAIClient> all;
        synchronized (this) {
            all = new ArrayList<>(clients.values());
            clients.clear();
        }
        all.forEach(OpenAIClient::close);
    }

    static String fingerprint(String apiKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
