package studio.imgen.base.ui;

import com.vaadin.flow.component.UI;

/**
 * Starts a download from server code without leaving the page. Opening the URL in the same window looks like
 * navigating away to the browser: it closes the push channel and the page stops reacting until a reload. A
 * temporary anchor with the {@code download} attribute saves the file and the page stays as it was.
 */
public final class Downloads {

    static final String CLICK_TEMPORARY_ANCHOR = """
            const link = document.createElement('a');
            link.href = $0;
            link.download = '';
            link.hidden = true;
            document.body.appendChild(link);
            link.click();
            link.remove();""";

    private Downloads() {
    }

    /** @param url a same-origin URL whose answer is an attachment (e.g. {@link ImageUrls#download}) */
    public static void start(UI ui, String url) {
        ui.getPage().executeJs(CLICK_TEMPORARY_ANCHOR, url);
    }
}
