package studio.imgen.generate.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import studio.imgen.base.ui.EditThisImage;
import studio.imgen.base.ui.Notifications;
import studio.imgen.base.ui.UiUpdates;
import studio.imgen.generate.GenerationDetails;
import studio.imgen.generate.GenerationEvent;
import studio.imgen.generate.GenerationService;

/**
 * The member's generations, newest first, with the empty state: each running card follows its job by push (while
 * this is attached) and its elapsed time ticks with the UI's poll.
 */
class GenerationResults extends Div {

    private static final int RECENT = 12;

    private final GenerationService generations;
    private final Clock clock;
    private final Consumer<GenerationDetails> onReuse;
    private final Runnable onFinished;
    private final Runnable onRunningChanged;
    private final Div results = new Div();
    private final Div empty = new Div();
    private final Map<UUID, GenerationCard> cards = new LinkedHashMap<>();
    /** The card whose result images are in the page itself (see {@link #showFinished}). */
    private GenerationCard inlineCard;
    private final Map<UUID, Runnable> subscriptions = new LinkedHashMap<>();
    private Registration pollRegistration;

    /**
     * @param onFinished after a followed job ends (the form may be usable again)
     * @param onRunningChanged when whether anything runs may have changed (the view polls only while it does)
     */
    GenerationResults(GenerationService generations, Clock clock, Consumer<GenerationDetails> onReuse,
                      Runnable onFinished, Runnable onRunningChanged) {
        this.generations = generations;
        this.clock = clock;
        this.onReuse = onReuse;
        this.onFinished = onFinished;
        this.onRunningChanged = onRunningChanged;
        addClassName("results-column");
        results.addClassName("results");
        empty.addClassName("empty-state");
        empty.add(VaadinIcon.PICTURE.create(), new H2("No images yet"),
                new Paragraph("Describe what you want and press Generate. Your images appear here as they are drawn."));
        add(empty, results);
        List<GenerationDetails> recent = new ArrayList<>(generations.recent(RECENT));
        Collections.reverse(recent);
        recent.forEach(details -> add(details, false));
        updateEmptyState();
    }

    /** Shows a generation at the top; {@code animate} for one just submitted. */
    void add(GenerationDetails details, boolean animate) {
        GenerationCard card = new GenerationCard(details, onReuse, this::cancel,
                (image, from) -> EditThisImage.open(image.id()), clock);
        if (animate) {
            card.addClassName("new");
        }
        cards.put(details.id(), card);
        results.addComponentAsFirst(card);
        if (card.running() && isAttached()) {
            follow(details.id());
        }
        updateEmptyState();
    }

    boolean running() {
        return cards.values().stream().anyMatch(GenerationCard::running);
    }

    private void cancel(GenerationDetails details) {
        if (generations.cancel(details.id())) {
            Notifications.info("Cancelling… OpenAI may still bill for a request that was already sent.");
        }
        generations.find(details.id()).ifPresent(this::update);
    }

    private void follow(UUID id) {
        if (subscriptions.containsKey(id)) {
            return;
        }
        subscriptions.put(id, generations.watch(id, UiUpdates.forCurrentUser(UI.getCurrent(), this::onEvent)));
        // The job may have finished between loading the card and subscribing.
        generations.find(id).ifPresent(this::update);
        onRunningChanged.run();
    }

    private void onEvent(GenerationEvent event) {
        GenerationCard card = cards.get(event.generationId());
        if (card == null) {
            return;
        }
        if (event instanceof GenerationEvent.Preview preview) {
            card.preview(preview.jpeg());
        } else if (event instanceof GenerationEvent.Started started) {
            generations.find(started.generationId()).ifPresent(this::update);
        } else if (event instanceof GenerationEvent.Finished finished) {
            generations.find(finished.generationId()).ifPresent(this::showFinished);
            Runnable unsubscribe = subscriptions.remove(finished.generationId());
            if (unsubscribe != null) {
                unsubscribe.run();
            }
            // The result goes to the browser now; the form's refresh (limits, cooldown, a dozen reads) follows it.
            UiUpdates.pushNow(UI.getCurrent());
            onFinished.run();
        }
        onRunningChanged.run();
    }

    /**
     * A followed job's end: its images come in the push itself while this instance still holds them; the card shown
     * that way before goes back to the stored files, so the page keeps the bytes of one result at most.
     */
    private void showFinished(GenerationDetails details) {
        GenerationCard card = cards.get(details.id());
        if (card == null) {
            return;
        }
        if (inlineCard != null && inlineCard != card) {
            inlineCard.useStoredThumbnails();
        }
        card.show(details, generations::freshThumbnail);
        inlineCard = card;
    }

    private void update(GenerationDetails details) {
        GenerationCard card = cards.get(details.id());
        if (card != null && (card.details().status() != details.status() || details.status().finished())) {
            card.show(details);
        }
    }

    private void updateEmptyState() {
        empty.setVisible(cards.isEmpty());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        cards.values().stream().filter(GenerationCard::running).map(c -> c.details().id()).toList().forEach(this::follow);
        pollRegistration = event.getUI().addPollListener(poll -> cards.values().forEach(c -> c.tick(clock.instant())));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        subscriptions.values().forEach(Runnable::run);
        subscriptions.clear();
        if (pollRegistration != null) {
            pollRegistration.remove();
        }
    }
}
