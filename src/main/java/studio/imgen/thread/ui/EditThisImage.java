package studio.imgen.thread.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinService;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import studio.imgen.base.ui.ClientZone;
import studio.imgen.base.ui.Notifications;
import studio.imgen.generate.GenerationBlocked;
import studio.imgen.thread.ThreadService;

/**
 * "Edit this image" from anywhere in the product: first asks the server whether the member may edit now (the same
 * checks as Generate, in the server's order) and says why not without opening or creating anything; otherwise opens a
 * new edit thread whose first turn holds that image. The thread is created by {@link ThreadsView} when it receives
 * {@code ?edit=<image id>}, which checks again and then forwards to it.
 */
public final class EditThisImage {

    static final String PARAMETER = "edit";
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private EditThisImage() {
    }

    /** Opens the thread, or says why not; true when it opens. */
    public static boolean open(UUID imageId) {
        UI ui = UI.getCurrent();
        // Called from cards and menus of several modules: the service comes from the Spring context, not from each.
        var instantiator = VaadinService.getCurrent().getInstantiator();
        Optional<GenerationBlocked> blocked = instantiator.getOrCreate(ThreadService.class).whyNotEdit(imageId);
        if (blocked.isPresent()) {
            Notifications.error(sentence(blocked.get(), ui));
            return false;
        }
        ui.navigate(ThreadsView.class, query(imageId));
        return true;
    }

    /** For a view's {@code beforeEnter} that receives an old "edit" link. */
    public static void forward(BeforeEvent event, UUID imageId) {
        event.forwardTo(ThreadsView.class, query(imageId));
    }

    /** The refusal, with the end of a wait in the member's time zone: "… Try again in 1:42 — at 14:05." */
    static String sentence(GenerationBlocked blocked, UI ui) {
        if (blocked.until().isEmpty()) {
            return blocked.message();
        }
        String message = blocked.message().replaceAll("\\.$", "");
        return message + " — at " + AT.format(blocked.until().get().atZone(ClientZone.of(ui))) + ".";
    }

    private static QueryParameters query(UUID imageId) {
        return QueryParameters.of(PARAMETER, imageId.toString());
    }
}
