package studio.imgen.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the images API.
 *
 * @param maxJsonBytes largest JSON body (a 32,000-character prompt needs about 128 KB at most)
 * @param maxMultipartBytes largest edit request (16 images and a mask); also the servlet's multipart request cap
 * @param maxWait how long a call waits for its generation before answering 504 (the job still finishes and lands in
 *     the gallery)
 * @param freeAddressFailures failed token attempts a client address may make before each further one waits longer
 */
@ConfigurationProperties(prefix = "app.api")
public record ApiProperties(Long maxJsonBytes, Long maxMultipartBytes, Duration maxWait, Integer freeAddressFailures) {

    public ApiProperties {
        maxJsonBytes = maxJsonBytes == null ? 1_000_000L : maxJsonBytes;
        maxMultipartBytes = maxMultipartBytes == null ? 110_000_000L : maxMultipartBytes;
        maxWait = maxWait == null ? Duration.ofMinutes(10) : maxWait;
        freeAddressFailures = freeAddressFailures == null ? 20 : freeAddressFailures;
    }
}
