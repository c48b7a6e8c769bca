package studio.imgen.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouterLink;
import java.util.UUID;

/**
 * "Edit this image" from anywhere in the product: opens a new edit thread whose first turn holds that image. The
 * thread is created by the threads view (route {@value #ROUTE}) when it receives {@code ?edit=<image id>}, which then
 * forwards to it. Addressed by route, not by class, so that the views that offer the action (generate, gallery, audit)
 * do not depend on the thread module, which itself composes generate.
 */
public final class EditThisImage {

    /** The threads view's route. */
    public static final String ROUTE = "threads";
    public static final String PARAMETER = "edit";

    private EditThisImage() {
    }

    public static void open(UUID imageId) {
        UI.getCurrent().navigate(ROUTE, query(imageId));
    }

    /** For a view's {@code beforeEnter} that receives an old "edit" link. */
    public static void forward(BeforeEvent event, UUID imageId) {
        event.forwardTo(ROUTE, query(imageId));
    }

    public static RouterLink link(String text, UUID imageId) {
        RouterLink link = new RouterLink(text, RouteConfiguration.forApplicationScope().getRoute(ROUTE)
                .orElseThrow(() -> new IllegalStateException("No view at route " + ROUTE)));
        link.setQueryParameters(query(imageId));
        return link;
    }

    private static QueryParameters query(UUID imageId) {
        return QueryParameters.of(PARAMETER, imageId.toString());
    }
}
