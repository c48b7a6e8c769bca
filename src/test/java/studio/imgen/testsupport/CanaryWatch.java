package studio.imgen.testsupport;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test class of the run (META-INF/services, autodetection on in junit-platform.properties): starts
 * reading the console before the first test, scans the Vaadin UI a Karibu test leaves behind, and fails the test (or
 * the class, for output that arrives later from background threads) in which a registered canary showed up.
 */
public final class CanaryWatch implements BeforeAllCallback, AfterTestExecutionCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        CanaryConsole.install();
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        UI ui = UI.getCurrent();
        if (ui != null) {
            scan(ui.getElement());
        }
        failOnLeaks();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        failOnLeaks();
    }

    /** Text, attributes and properties of every element: what the browser could be sent. */
    private static void scan(Element element) {
        if (element.isTextNode()) {
            Canaries.scan("UI text", element.getText());
            return;
        }
        Canaries.scan("UI text of <" + element.getTag() + ">", element.getText());
        element.getAttributeNames().forEach(name -> Canaries.scan("UI attribute " + name, element.getAttribute(name)));
        element.getPropertyNames().forEach(name -> Canaries.scan("UI property " + name,
                String.valueOf(element.getPropertyRaw(name))));
        element.getChildren().forEach(CanaryWatch::scan);
    }

    private static void failOnLeaks() {
        var leaks = Canaries.drainLeaks();
        if (!leaks.isEmpty()) {
            throw new AssertionError("A secret canary leaked (" + leaks.size() + "):\n" + String.join("\n", leaks));
        }
    }
}
