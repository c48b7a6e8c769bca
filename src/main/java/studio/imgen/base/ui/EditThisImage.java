package studio.imgen.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinService;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import studio.imgen.base.EditPrecheck;

/**
 * "Edit this image" from anywhere in the product: first asks the server whether the member may edit now (the same
 * checks as Generate, in the server's order) and says why not without opening or creating anything; otherwise opens a
 * new edit thread whose first turn holds that image. The thread is created by the threads view (route {@value #ROUTE})
 * when it receives {@code ?edit=<image id>}, which checks again and then forwards to it. Addressed by route, not by
 * class, so that the views that offer the action (generate, gallery, audit) do not depend on the thread module.
 */
public final class EditThisImage {

    /** The threads view's route. */
    public static final String ROUTE = "threads";
    public static final String PARAMETER = "edit";
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private EditThisImage() {
    }

    /** Opens the thread, or says why not; true when it opens. */
    public static boolean open(UUID imageId) {
        UI ui = UI.getCurrent();
        // Called from cards and menus of several modules: the check comes from the Spring context, not from each.
        Optional<EditPrecheck.Refusal> refusal = VaadinService.getCurrent().getInstantiator()
                .getOrCreate(EditPrecheck.class).whyNotEdit(imageId);
        if (refusal.isPresent()) {
            Notifications.error(sentence(refusal.get(), ui));
            return false;
        }
        ui.navigate(ROUTE, query(imageId));
        return true;
    }

    /** For a view's {@code beforeEnter} that receives an old "edit" link. */
    public static void forward(BeforeEvent event, UUID imageId) {
        event.forwardTo(ROUTE, query(imageId));
    }

    /** The refusal, with the end of a wait in the member's time zone: "… Try again in 1:42 — at 14:05." */
    static String sentence(EditPrecheck.Refusal refusal, UI ui) {
        if (refusal.until().isEmpty()) {
            return refusal.message();
        }
        String message = refusal.message().replaceAll("\\.$", "");
        return message + " — at " + AT.format(refusal.until().get().atZone(ClientZone.of(ui))) + ".";
    }

    private static QueryParameters query(UUID imageId) {
        return QueryParameters.of(PARAMETER, imageId.toString());
    }
}
