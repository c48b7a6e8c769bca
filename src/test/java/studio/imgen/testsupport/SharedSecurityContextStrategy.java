package studio.imgen.testsupport;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategy;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * One security context strategy for every application context of the test JVM. Vaadin 25 gives each context its own
 * strategy bean (method security and the filter chain hold on to it) and hands the static {@code
 * SecurityContextHolder} the strategy of the context started last. A running app has one context, so they agree; the
 * tests keep several contexts (and TwoInstanceTest two running apps) in one JVM, where a user put in the holder would
 * be invisible to the method security of every other context. Registered for every Spring application of the test
 * run in META-INF/spring.factories; as in Vaadin 24, the holder and every context then share one strategy.
 */
public class SharedSecurityContextStrategy implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final SecurityContextHolderStrategy SHARED = new VaadinAwareSecurityContextHolderStrategy();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.addBeanFactoryPostProcessor(new BeanDefinitionRegistryPostProcessor() {
            @Override
            public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
                RootBeanDefinition shared = new RootBeanDefinition(SecurityContextHolderStrategy.class, () -> SHARED);
                shared.setPrimary(true);
                registry.registerBeanDefinition("sharedSecurityContextHolderStrategy", shared);
            }
        });
    }
}
