package studio.imgen.bench;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import studio.imgen.openai.OpenAiProperties;

/**
 * The production timeouts for upstream calls instead of the test profile's 20 s per attempt, so a benchmark can give
 * the fake OpenAI a realistic latency (image calls take 10–60 s) without the SDK giving up on them.
 */
@TestConfiguration(proxyBeanMethods = false)
class PatientUpstream {

    @Bean
    static BeanPostProcessor productionOpenAiTimeouts() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                return bean instanceof OpenAiProperties test ? OpenAiProperties.defaults(test.baseUrl()) : bean;
            }
        };
    }
}
