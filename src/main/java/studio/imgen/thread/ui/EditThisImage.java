package studio.imgen.thread.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.UUID;

/**
 * "Edit this image" from anywhere in the product: opens a new edit thread whose first turn holds that image. The
 * thread is created by {@link ThreadsView} when it receives {@code ?edit=<image id>}, which then forwards to it.
 */
public final class EditThisImage {

    static final String PARAMETER = "edit";

    private EditThisImage() {
    }

    public static void open(UUID imageId) {
        UI.getCurrent().navigate(ThreadsView.class, query(imageId));
    }

    /** For a view's {@code beforeEnter} that receives an old "edit" link. */
    public static void forward(BeforeEvent event, UUID imageId) {
        event.forwardTo(ThreadsView.class, query(imageId));
    }

    public static RouterLink link(String text, UUID imageId) {
        RouterLink link = new RouterLink(text, ThreadsView.class);
        link.setQueryParameters(query(imageId));
        return link;
    }

    private static QueryParameters query(UUID imageId) {
        return QueryParameters.of(PARAMETER, imageId.toString());
    }
}
