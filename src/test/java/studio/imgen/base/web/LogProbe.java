package studio.imgen.base.web;

import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Started as its own JVM by {@link StructuredLogTest}: boots Spring's logging from the real application.properties
 * (nothing else) and logs one line inside a request context, so the test reads what production would print.
 */
public final class LogProbe {

    private LogProbe() {
    }

    public static void main(String[] args) {
        try (var context = new SpringApplicationBuilder(LogProbe.class).web(WebApplicationType.NONE)
                .bannerMode(org.springframework.boot.Banner.Mode.OFF).run(args)) {
            MDC.put(RequestIdFilter.MDC_KEY, "probe-request-42");
            LoggerFactory.getLogger("studio.imgen.probe").info("probe line");
            MDC.clear();
        }
    }
}
