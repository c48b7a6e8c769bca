package studio.imgen.thread.ui;

import studio.imgen.base.ui.EditThisImage;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import studio.imgen.admin.EditThreadDefaults.Mode;
import studio.imgen.base.UserInputException;
import studio.imgen.shell.MainLayout;
import studio.imgen.base.ui.Notifications;
import studio.imgen.base.ui.UiUpdates;
import studio.imgen.generate.GenerationDetails;
import studio.imgen.generate.GenerationEvent;
import studio.imgen.generate.GenerationService;
import studio.imgen.generate.ui.MaskPicker;
import studio.imgen.thread.ThreadDetails;
import studio.imgen.thread.ThreadService;
import studio.imgen.thread.ThreadTurn;
import studio.imgen.thread.TurnRequest;

/**
 * One edit thread as a chat: turns top to bottom, the input bar at the bottom. Sending never blocks the page: the
 * turn is a generation on the worker pool and its previews and result arrive by push. Colleagues see it read-only.
 */
@Route(value = "threads/:threadId", layout = MainLayout.class)
@PermitAll
public class ThreadView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String ID = "threadId";

    private final ThreadService threads;
    private final GenerationService generations;
    private final H2 title = new H2();
    private final Div meta = new Div();
    private final Select<Mode> mode = new Select<>();
    private final Button rename = new Button(VaadinIcon.PENCIL.create());
    private final Div turnList = new Div();
    private final Map<Integer, TurnCard> cards = new LinkedHashMap<>();
    private TurnInputBar input;
    private ThreadDetails thread;
    private Runnable subscription;
    private UUID followed;
    private Registration pollRegistration;
    private boolean applyingMode;
    private final Clock clock;

    ThreadView(ThreadService threads, GenerationService generations, Clock clock) {
        this.threads = threads;
        this.clock = clock;
        this.generations = generations;
        addClassName("thread-view");
        turnList.addClassName("turn-list");
        mode.setAriaLabel("Edit mode");
        mode.setItems(Mode.values());
        mode.setItemLabelGenerator(Mode::label);
        mode.setTooltipText("Conversation keeps the thread's context at OpenAI; direct edit re-sends the previous"
                + " image (cheaper). Applies to the next turns.");
        mode.addClassName("thread-mode");
        mode.addValueChangeListener(e -> {
            if (!applyingMode && e.isFromClient() && e.getValue() != null) {
                threads.changeMode(thread.id(), e.getValue());
                Notifications.info("Next turns: " + e.getValue().label() + ".");
                reload();
            }
        });
        rename.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        rename.setAriaLabel("Rename thread");
        rename.setTooltipText("Rename");
        rename.addClickListener(e -> new RenameDialog(thread.title(), name -> {
            threads.rename(thread.id(), name);
            reload();
        }).open());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<ThreadDetails> found = event.getRouteParameters().get(ID).flatMap(ThreadView::parse)
                .flatMap(threads::find);
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        build(found.get());
    }

    @Override
    public String getPageTitle() {
        return (thread == null ? "Thread" : thread.title()) + " · ImGen Studio";
    }

    static RouteParameters parameters(UUID threadId) {
        return new RouteParameters(ID, threadId.toString());
    }

    private void build(ThreadDetails details) {
        removeAll();
        cards.clear();
        turnList.removeAll();
        thread = details;
        RouterLink back = new RouterLink("All threads", ThreadsView.class);
        back.addClassName("thread-back");
        Div titleRow = new Div(title);
        titleRow.addClassName("thread-title-row");
        if (details.editable()) {
            titleRow.add(rename);
        }
        Div header = new Div(back, titleRow, meta);
        header.addClassName("thread-header");
        if (details.editable()) {
            header.add(mode);
        }
        add(header, turnList);
        if (details.editable()) {
            input = new TurnInputBar(generations::form, new MaskPicker(generations), "Send", this::send);
            add(input);
        } else {
            Div readOnly = new Div(VaadinIcon.EYE.create(), new Span(details.ownerName() + "'s thread: you can look"
                    + " and use “Edit this image” to continue in a thread of your own."));
            readOnly.addClassName("thread-read-only");
            add(readOnly);
        }
        show(details);
        details.current().flatMap(ThreadTurn::settings).ifPresent(g -> {
            if (input != null) {
                input.prefill(g);
            }
        });
    }

    private void show(ThreadDetails details) {
        thread = details;
        title.setText(details.title());
        meta.removeAll();
        meta.addClassName("thread-meta");
        meta.add(new Span(details.editable() ? "Your thread" : "Started by " + details.ownerName() + " · read-only"));
        details.branchedFrom().ifPresent(origin -> {
            String name = origin.title().isEmpty() ? "a deleted thread" : origin.title();
            if (origin.title().isEmpty()) {
                meta.add(new Span("Branched from " + name + " turn " + origin.seq()));
            } else {
                RouterLink link = new RouterLink("Branched from " + name + " turn " + origin.seq(), ThreadView.class,
                        parameters(origin.threadId()));
                link.addClassName("thread-branch-link");
                meta.add(link);
            }
        });
        applyingMode = true;
        mode.setValue(details.mode());
        applyingMode = false;
        for (ThreadTurn turn : details.turns()) {
            TurnCard card = cards.get(turn.seq());
            if (card == null) {
                card = new TurnCard(turn, details.editable(), actions(), clock);
                cards.put(turn.seq(), card);
                turnList.add(card);
            } else if (!card.turn().equals(turn)) {
                card.show(turn);
            }
        }
        boolean running = details.running().isPresent();
        if (input != null) {
            input.setBusy(running);
            input.editing(details.current().flatMap(ThreadTurn::imageView)
                    .map(i -> new MaskPicker.Target.Stored(i.id(), i.width(), i.height())).orElse(null));
        }
        details.running().ifPresentOrElse(t -> follow(t.generation().id()), this::unfollow);
        updatePolling();
    }

    private TurnCard.Actions actions() {
        return new TurnCard.Actions() {
            @Override
            public void branch(int seq) {
                try {
                    UUID branch = threads.branch(thread.id(), seq);
                    Notifications.success("New thread from turn " + seq + ". The original stays as it was.");
                    UI.getCurrent().navigate(ThreadView.class, parameters(branch));
                } catch (UserInputException e) {
                    Notifications.error(e.getMessage());
                }
            }

            @Override
            public void reuse(GenerationDetails settings) {
                if (input != null) {
                    input.reuse(settings);
                }
            }

            @Override
            public void editImage(UUID imageId) {
                EditThisImage.open(imageId);
            }

            @Override
            public void cancel(GenerationDetails running) {
                if (generations.cancel(running.id())) {
                    Notifications.info("Cancelling… OpenAI may still bill for a request that was already sent.");
                }
                reload();
            }
        };
    }

    private void send(TurnRequest request) {
        try {
            threads.addTurn(thread.id(), request);
            input.sent();
            reload();
            scrollToEnd();
        } catch (UserInputException e) {
            Notifications.error(e.getMessage());
            input.refused();
        }
    }

    private void reload() {
        threads.find(thread.id()).ifPresentOrElse(this::show, () -> UI.getCurrent().navigate(ThreadsView.class));
    }

    private void follow(UUID generationId) {
        if (generationId.equals(followed) || !isAttached()) {
            return;
        }
        unfollow();
        followed = generationId;
        subscription = generations.watch(generationId, UiUpdates.forCurrentUser(UI.getCurrent(), this::onEvent));
    }

    private void unfollow() {
        if (subscription != null) {
            subscription.run();
        }
        subscription = null;
        followed = null;
    }

    private void onEvent(GenerationEvent event) {
        if (event instanceof GenerationEvent.Preview preview) {
            cards.values().stream().filter(c -> !c.turn().start()
                            && c.turn().generation().id().equals(preview.generationId()))
                    .findFirst().ifPresent(c -> c.preview(preview.jpeg()));
        } else {
            reload();
        }
    }

    private void scrollToEnd() {
        getElement().executeJs("requestAnimationFrame(() => this.querySelector('.turn-list > .turn:last-child')"
                + "?.scrollIntoView({block: 'end', behavior: 'smooth'}))");
    }

    /** The elapsed time ticks once a second while a turn runs, and not at all otherwise. */
    private void updatePolling() {
        boolean running = thread != null && thread.running().isPresent();
        getUI().ifPresent(ui -> ui.setPollInterval(running ? 1000 : -1));
    }

    private static Optional<UUID> parse(String raw) {
        try {
            return Optional.of(UUID.fromString(raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        pollRegistration = event.getUI().addPollListener(poll -> cards.values().forEach(c -> c.tick(clock.instant())));
        if (thread != null) {
            thread.running().ifPresent(t -> follow(t.generation().id()));
            // The turn may have finished between loading and subscribing.
            reload();
        }
        updatePolling();
        scrollToEnd();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        unfollow();
        event.getUI().setPollInterval(-1);
        if (pollRegistration != null) {
            pollRegistration.remove();
        }
    }
}
