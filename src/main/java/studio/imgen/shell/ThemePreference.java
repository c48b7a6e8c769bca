package studio.imgen.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Light or dark theme: follows the operating system until the user picks one from the user menu; the choice lasts
 * for the session.
 */
final class ThemePreference {

    private static final String ATTRIBUTE = "imgen.theme";

    private ThemePreference() {
    }

    static void apply(UI ui) {
        Object chosen = VaadinSession.getCurrent().getAttribute(ATTRIBUTE);
        if (chosen != null) {
            set(ui, Lumo.DARK.equals(chosen));
        } else {
            ui.getPage().executeJs("return window.matchMedia('(prefers-color-scheme: dark)').matches")
                    .then(Boolean.class, dark -> set(ui, dark));
        }
    }

    static void toggle(UI ui) {
        boolean dark = !ui.getElement().getThemeList().contains(Lumo.DARK);
        VaadinSession.getCurrent().setAttribute(ATTRIBUTE, dark ? Lumo.DARK : Lumo.LIGHT);
        set(ui, dark);
    }

    private static void set(UI ui, boolean dark) {
        if (dark) {
            ui.getElement().getThemeList().add(Lumo.DARK);
        } else {
            ui.getElement().getThemeList().remove(Lumo.DARK);
        }
    }
}
