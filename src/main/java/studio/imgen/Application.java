package studio.imgen;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * ImGen Studio: the app shell carries push (results reach the browser while generations run) and the theme: Lumo,
 * then the studio's own CSS, both plain static style sheets (Vaadin 25 no longer loads Lumo by itself, and a
 * {@code @Theme} folder would need a frontend bundle build, which needs Node).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("themes/studio/styles.css")
@PWA(name = "ImGen Studio", shortName = "ImGen")
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }
}
