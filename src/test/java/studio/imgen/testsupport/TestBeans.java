package studio.imgen.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Beans every Spring test context shares; keeping them identical keeps the number of contexts (and databases) small. */
@TestConfiguration(proxyBeanMethods = false)
public class TestBeans {

    @Bean
    @Primary
    public MutableClock testClock() {
        return new MutableClock();
    }
}
