package studio.imgen.generate.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.UUID;
import studio.imgen.base.UserInputException;
import studio.imgen.base.ui.CooldownCountdown;
import studio.imgen.base.ui.EditThisImage;
import studio.imgen.shell.MainLayout;
import studio.imgen.base.ui.Notifications;
import studio.imgen.generate.GenerateForm;
import studio.imgen.generate.GenerationDetails;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.GenerationService;
import studio.imgen.storage.PendingUploads;
import studio.imgen.storage.Thumbnails;

/**
 * Generate: the form on one side, this member's generations on the other. Submitting never blocks the page: the job
 * runs on the server's worker pool and progress, previews and results arrive by push. Leaving and coming back shows
 * running jobs where they are.
 */
@Route(value = "", layout = MainLayout.class)
@Menu(title = "Generate", order = 1, icon = "vaadin:magic")
@PageTitle("Generate · ImGen Studio")
@PermitAll
public class GenerateView extends Div implements BeforeEnterObserver {

    /** Other views link here with {@code ?reuse=<generation id>} to fill the form from an earlier generation. */
    public static final String REUSE_PARAMETER = "reuse";

    /** Old links to {@code ?edit=<image id>} open an edit thread, where "Edit this image" now goes. */
    private static final String EDIT_PARAMETER = "edit";

    private final GenerationService generations;
    private final GenerateFormPanel formPanel;
    private final Div banner = new Div();
    /** "That model is no longer available. Use … instead." after reusing settings that name a shut-down model. */
    private final Div modelGone = new Div();
    /** For admins: the models this workspace uses that shut down soon, one line each. */
    private final Div shutdowns = new Div();
    private final Div limits = new Div();
    private final CooldownCountdown countdown;
    private final GenerationResults results;
    private GenerateForm form;

    GenerateView(GenerationService generations, PendingUploads pendingUploads, Thumbnails thumbnails, Clock clock) {
        this.generations = generations;
        this.countdown = new CooldownCountdown(clock);
        addClassName("generate-view");
        formPanel = new GenerateFormPanel(generations::form, pendingUploads, thumbnails, new MaskPicker(generations),
                this::submit);
        banner.addClassName("banner");
        banner.setVisible(false);
        modelGone.addClassNames("banner", "model-gone");
        modelGone.setVisible(false);

        limits.addClassName("member-limits");
        shutdowns.addClassName("generate-shutdowns");
        Div formColumn = new Div(new H2("Generate"), limits, shutdowns, banner, modelGone, formPanel, countdown);
        formColumn.addClassName("form-column");
        results = new GenerationResults(generations, clock, this::reuse, () -> refreshForm(true),
                this::updatePolling);
        add(formColumn, results);
        refreshForm(false);
    }

    private void refreshForm(boolean keepChoices) {
        form = generations.form(null);
        shutdowns.removeAll();
        form.shutdownNotices().forEach(n -> {
            Div notice = new Div(VaadinIcon.CLOCK.create(), new Span(n.shortLine()), new Anchor("admin", "Open settings"));
            notice.addClassNames("shutdown-notice", "urgency-" + n.urgency().name().toLowerCase(java.util.Locale.ROOT));
            shutdowns.add(notice);
        });
        // The first reason the server would give comes first (imgen-behaviour.md §3.5): the key, then the role.
        if (!form.keyConfigured()) {
            showBanner(GenerationService.NO_KEY, form.workspaceAdmin());
            countdown.stop();
            if (form.blocked().isPresent()) {
                formPanel.setVisible(false);
                return;
            }
        } else if (form.blocked().isPresent()) {
            showBanner(form.blocked().get(), false);
            formPanel.setVisible(false);
            countdown.stop();
            return;
        }
        formPanel.setVisible(true);
        formPanel.apply(form, keepChoices);
        limits.setText(String.join(" · ", form.limits()));
        limits.setVisible(!form.limits().isEmpty());
        if (!form.keyConfigured()) {
            formPanel.setSubmitEnabled(false, "An admin must set the workspace's OpenAI key first.");
        } else if (form.waitMessage().isPresent()) {
            showBanner(form.waitMessage().get(), false);
            countdown.stop();
            formPanel.setSubmitEnabled(false, form.waitMessage().get());
        } else if (form.waitUntil().isPresent()) {
            banner.setVisible(false);
            formPanel.setSubmitEnabled(false, "Wait for the cooldown to end");
            countdown.start(form.waitUntil().get(), () -> {
                refreshForm(true);
                updatePolling();
            });
        } else {
            banner.setVisible(false);
            countdown.stop();
            formPanel.setSubmitEnabled(true, null);
        }
        updatePolling();
    }

    private void showBanner(String message, boolean linkToSettings) {
        banner.removeAll();
        banner.add(VaadinIcon.INFO_CIRCLE.create(), new Span(message));
        if (linkToSettings) {
            banner.add(new Anchor("admin", "Open workspace settings"));
        }
        banner.setVisible(true);
    }

    private void submit(GenerationRequest request) {
        try {
            UUID id = generations.submit(request);
            formPanel.submitted();
            generations.find(id).ifPresent(details -> results.add(details, true));
            refreshForm(true);
        } catch (UserInputException e) {
            Notifications.error(e.getMessage());
            refreshForm(true);
        }
    }

    /** An earlier generation's settings; a model shut down since is replaced by its successor, and the member told. */
    private void reuse(GenerationDetails earlier) {
        formPanel.reuse(earlier);
        modelGone.setVisible(false);
        generations.modelGone(earlier.options().model()).ifPresent(gone -> {
            gone.replacementId().ifPresent(id -> formPanel.apply(generations.form(id), true));
            modelGone.removeAll();
            modelGone.add(VaadinIcon.INFO_CIRCLE.create(), new Span(gone.message()));
            modelGone.setVisible(true);
        });
    }

    /** Elapsed-time labels and the cooldown tick once a second while something runs, and not at all otherwise. */
    private void updatePolling() {
        boolean ticking = countdown.running() || results.running();
        getUI().ifPresent(ui -> ui.setPollInterval(ticking ? 1000 : -1));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter(REUSE_PARAMETER)
                .flatMap(GenerateView::parseId)
                .flatMap(generations::find)
                .ifPresent(this::reuse);
        event.getLocation().getQueryParameters().getSingleParameter(EDIT_PARAMETER)
                .flatMap(GenerateView::parseId)
                .ifPresent(imageId -> EditThisImage.forward(event, imageId));
    }

    private static java.util.Optional<UUID> parseId(String raw) {
        try {
            return java.util.Optional.of(UUID.fromString(raw));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        updatePolling();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
    }

}
