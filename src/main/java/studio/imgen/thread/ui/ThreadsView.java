package studio.imgen.thread.ui;

import studio.imgen.base.ui.EditThisImage;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import studio.imgen.base.UserInputException;
import studio.imgen.base.ui.ImageUrls;
import studio.imgen.shell.MainLayout;
import studio.imgen.base.ui.Notifications;
import studio.imgen.generate.GenerationService;
import studio.imgen.generate.ui.MaskPicker;
import studio.imgen.storage.PendingUploads;
import studio.imgen.storage.Thumbnails;
import studio.imgen.thread.ThreadService;
import studio.imgen.thread.ThreadSummary;

/**
 * My edit threads: latest image, name, turns and mode, newest activity first; search by name or prompt; rename and
 * delete; "New edit" from uploads. {@code ?edit=<image id>} ("Edit this image" anywhere) starts a thread and opens it.
 */
@Route(value = "threads", layout = MainLayout.class)
@Menu(title = "Threads", order = 2, icon = "vaadin:chat")
@PageTitle("Threads · ImGen Studio")
@PermitAll
public class ThreadsView extends Div implements BeforeEnterObserver {

    private final ThreadService threads;
    private final GenerationService generations;
    private final Thumbnails thumbnails;
    private final PendingUploads pendingUploads;
    private final TextField search = new TextField();
    private final Div list = new Div();
    private final Div empty = new Div();
    private final Clock clock;

    ThreadsView(ThreadService threads, GenerationService generations, PendingUploads pendingUploads,
                Thumbnails thumbnails, Clock clock) {
        this.threads = threads;
        this.pendingUploads = pendingUploads;
        this.clock = clock;
        this.generations = generations;
        this.thumbnails = thumbnails;
        addClassName("threads-view");
        search.setPlaceholder("Search names and prompts");
        search.setAriaLabel("Search threads");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        Button newEdit = new Button("New edit", VaadinIcon.PLUS.create(), e -> openNewEdit());
        newEdit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div header = new Div(new H2("Edit threads"), search, newEdit);
        header.addClassName("threads-header");
        list.addClassName("thread-list");
        empty.addClassName("empty-state");
        add(header, empty, list);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var edit = event.getLocation().getQueryParameters().getSingleParameter(EditThisImage.PARAMETER);
        if (edit.isPresent()) {
            try {
                UUID thread = threads.startFromImage(UUID.fromString(edit.get()));
                event.forwardTo(ThreadView.class, ThreadView.parameters(thread), QueryParameters.empty());
                return;
            } catch (UserInputException refused) {
                Notifications.error(refused.getMessage());
            } catch (IllegalArgumentException e) {
                Notifications.error("Could not find the image to edit.");
            }
        }
        refresh();
    }

    private void refresh() {
        List<ThreadSummary> mine = threads.mine(search.getValue());
        list.removeAll();
        mine.forEach(summary -> list.add(row(summary)));
        empty.removeAll();
        if (mine.isEmpty()) {
            boolean searching = !search.isEmpty();
            empty.add(VaadinIcon.CHAT.create(), new H3(searching ? "No thread matches" : "No edit threads yet"),
                    new Paragraph(searching ? "Try other words from a prompt or a thread name."
                            : "Use “Edit this image” on any image, or start a new edit from your own files, and"
                            + " refine it turn by turn."));
        }
        empty.setVisible(mine.isEmpty());
    }

    private Div row(ThreadSummary summary) {
        Div thumb = new Div();
        thumb.addClassName("thread-thumb");
        if (summary.latestImageId() != null) {
            thumb.add(new Image(ImageUrls.thumbnail(summary.latestImageId()), "Latest image of " + summary.title()));
        } else {
            thumb.add(VaadinIcon.HOURGLASS.create());
        }
        RouterLink open = new RouterLink(ThreadView.class, ThreadView.parameters(summary.id()));
        open.add(thumb);
        open.addClassName("thread-open");
        RouterLink name = new RouterLink(summary.title(), ThreadView.class, ThreadView.parameters(summary.id()));
        name.addClassName("thread-name");
        Span meta = new Span(summary.turns() + (summary.turns() == 1 ? " turn" : " turns") + " · "
                + summary.mode().label() + (summary.branch() ? " · branch" : "") + " · " + ago(summary.updatedAt(), clock.instant()));
        meta.addClassName("thread-row-meta");
        Div text = new Div(name, meta);
        text.addClassName("thread-row-text");
        Button rename = iconButton(VaadinIcon.PENCIL, "Rename " + summary.title(), () ->
                new RenameDialog(summary.title(), title -> {
                    threads.rename(summary.id(), title);
                    refresh();
                }).open());
        Button delete = iconButton(VaadinIcon.TRASH, "Delete " + summary.title(), () -> confirmDelete(summary));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Div actions = new Div(rename, delete);
        actions.addClassName("thread-row-actions");
        Div row = new Div(open, text, actions);
        row.addClassName("thread-row");
        return row;
    }

    private void confirmDelete(ThreadSummary summary) {
        ConfirmDialog confirm = new ConfirmDialog("Delete “" + summary.title() + "”?",
                "The thread disappears from your list. Its images stay in the gallery.", "Delete", e -> {
                    try {
                        threads.delete(summary.id());
                        Notifications.success("Thread deleted.");
                    } catch (UserInputException refused) {
                        Notifications.error(refused.getMessage());
                    }
                    refresh();
                });
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.open();
    }

    private void openNewEdit() {
        new NewEditDialog(generations::form, new MaskPicker(generations), pendingUploads, thumbnails, (request, files) -> {
            UUID thread = threads.startFromUploads(request, files);
            UI.getCurrent().navigate(ThreadView.class, ThreadView.parameters(thread));
        }, clock).open();
    }

    private static Button iconButton(VaadinIcon icon, String label, Runnable action) {
        Button button = new Button(icon.create(), e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        return button;
    }

    static String ago(Instant when, Instant now) {
        Duration d = Duration.between(when, now);
        if (d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toHours() < 1) {
            return d.toMinutes() + " min ago";
        }
        if (d.toDays() < 1) {
            return d.toHours() + " h ago";
        }
        return d.toDays() + (d.toDays() == 1 ? " day ago" : " days ago");
    }
}
