package studio.imgen.testsupport;

import java.time.Duration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import studio.imgen.openai.OpenAiProperties;

/**
 * Beans every Spring test context shares; keeping them identical keeps the number of contexts (and databases) small.
 * The app talks to a fake OpenAI on loopback through the real SDK, with short timeouts and backoffs.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestBeans {

    @Bean
    @Primary
    public MutableClock testClock() {
        return new MutableClock();
    }

    /** Every response of the app under test is read for secret canaries (see {@link CanaryWatch}). */
    @Bean
    public org.springframework.boot.web.servlet.FilterRegistrationBean<CanaryResponseFilter> canaryResponseFilter() {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new CanaryResponseFilter());
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean(destroyMethod = "close")
    public FakeOpenAi fakeOpenAi() {
        return FakeOpenAi.start();
    }

    @Bean
    @Primary
    public OpenAiProperties testOpenAiProperties(FakeOpenAi fake) {
        return new OpenAiProperties(fake.baseUrl(), Duration.ofSeconds(20), Duration.ofSeconds(2), 3,
                Duration.ofMillis(20), Duration.ofSeconds(60));
    }
}
