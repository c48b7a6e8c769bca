package studio.imgen.thread.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import studio.imgen.base.ui.ImageUrls;
import studio.imgen.catalog.Money;
import studio.imgen.generate.GenerationDetails;
import studio.imgen.generate.GenerationStatus;
import studio.imgen.generate.ImageOptions;
import studio.imgen.generate.ui.MaskPicker;
import studio.imgen.thread.ThreadTurn;

/**
 * One turn of a thread in the chat: the prompt as the member's message, then the image as the answer, with option
 * chips, cost and actions. While the turn runs it shows elapsed time, live previews and Cancel.
 */
class TurnCard extends Div {

    static final String FALLBACK_NOTICE = "OpenAI no longer had this conversation; this turn was a direct edit of"
            + " the previous image.";
    static final String CHAT_MODEL_GONE_NOTICE = "The conversation model was shut down and no offered model replaces"
            + " it, so this turn was a direct edit of the previous image. A workspace admin can choose another"
            + " conversation model.";

    /** What a turn's buttons ask the thread view to do. */
    interface Actions {
        void branch(int seq);

        void reuse(GenerationDetails settings);

        void editImage(UUID imageId);

        void cancel(GenerationDetails running);
    }

    private final boolean editable;
    private final Actions actions;
    private final Clock clock;
    private final Span elapsed = new Span();
    private final Div preview = new Div();
    private ThreadTurn turn;

    TurnCard(ThreadTurn turn, boolean editable, Actions actions, Clock clock) {
        this.clock = clock;
        this.editable = editable;
        this.actions = actions;
        addClassName("turn");
        show(turn);
    }

    ThreadTurn turn() {
        return turn;
    }

    void show(ThreadTurn updated) {
        this.turn = updated;
        removeAll();
        getElement().setAttribute("data-seq", String.valueOf(updated.seq()));
        getElement().setAttribute("data-status", updated.start() ? "start" : updated.generation().status().dbValue());
        add(message(updated));
        Div answer = new Div();
        answer.addClassName("turn-answer");
        if (updated.start()) {
            answer.add(images(updated.startImageId()));
            answer.add(footer(updated.origin(), updated.startImageId()));
        } else {
            GenerationDetails g = updated.generation();
            switch (g.status()) {
                case QUEUED, RUNNING -> answer.add(progress(g));
                case SUCCEEDED -> {
                    if (updated.fellBack()) {
                        Div notice = new Div(VaadinIcon.INFO_CIRCLE.create(), new Span(
                                g.conversation().fallback() == GenerationDetails.Fallback.CHAT_MODEL_SHUT_DOWN
                                        ? CHAT_MODEL_GONE_NOTICE : FALLBACK_NOTICE));
                        notice.addClassName("turn-notice");
                        answer.add(notice);
                    }
                    g.images().forEach(image -> answer.add(images(image.id())));
                    answer.add(footer(g, g.images().isEmpty() ? null : g.images().get(0).id()));
                }
                default -> answer.add(failure(g));
            }
        }
        add(answer);
    }

    /** A live preview (small JPEG) while the model draws. */
    void preview(byte[] jpeg) {
        preview.removeAll();
        preview.add(new Image("data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg),
                "Preview of the image being drawn"));
        preview.setVisible(true);
    }

    void tick(Instant now) {
        if (turn.running() && turn.generation().createdAt() != null) {
            Duration d = Duration.between(turn.generation().createdAt(), now);
            elapsed.setText((turn.generation().status() == GenerationStatus.QUEUED ? "Queued · " : "Drawing · ")
                    + d.toMinutes() + ":" + String.format("%02d", d.toSecondsPart()));
        }
    }

    private Div message(ThreadTurn t) {
        Div message = new Div();
        message.addClassName("turn-message");
        Span label = new Span(t.start() ? "Turn 1 · starting image" : "Turn " + t.seq());
        label.addClassName("turn-label");
        Div chips = new Div();
        chips.addClassName("chips");
        t.settings().ifPresent(g -> {
            ImageOptions options = g.options();
            chips.add(chip(options.model()), chip(label(options.size())), chip(label(options.quality())),
                    chip(options.outputFormat().label()));
            if (g.masked()) {
                chips.add(MaskPicker.usedBadge());
            }
        });
        if (!t.start()) {
            chips.add(chip(t.fellBack() ? "Direct edit (fallback)"
                    : "conversation".equals(t.mode()) ? "Conversation" : "Direct edit"));
        }
        message.add(new Div(label, chips));
        if (t.start()) {
            if (t.origin() != null) {
                Paragraph origin = new Paragraph("Made from: " + shorten(t.origin().prompt()));
                origin.addClassName("turn-origin");
                message.add(origin);
            }
        } else {
            Paragraph prompt = new Paragraph(shorten(t.generation().prompt()));
            prompt.addClassName("turn-prompt-text");
            message.add(prompt);
        }
        return message;
    }

    private Anchor images(UUID imageId) {
        Image image = new Image(ImageUrls.original(imageId), "Image of turn " + turn.seq());
        image.addClassName("turn-image");
        Anchor open = new Anchor(ImageUrls.original(imageId), image);
        open.setTarget("_blank");
        open.addClassName("turn-image-link");
        return open;
    }

    private Div footer(GenerationDetails g, UUID imageId) {
        Div footer = new Div();
        footer.addClassName("turn-footer");
        if (g != null && g.costMicros() != null && !turn.start()) {
            Span cost = new Span("Cost " + Money.cost(g.costMicros(), g.costEstimated()));
            cost.addClassName("turn-cost");
            footer.add(cost);
        }
        if (imageId == null) {
            return footer;
        }
        Anchor download = new Anchor(ImageUrls.download(imageId), "Download");
        download.getElement().setAttribute("download", true);
        download.addClassName("turn-action");
        footer.add(download);
        if (editable) {
            Button branch = button("Edit from here", VaadinIcon.SPLIT, () -> actions.branch(turn.seq()));
            branch.setTooltipText("Start a new thread from this turn; this thread stays as it is");
            footer.add(branch);
            if (g != null) {
                footer.add(button("Reuse settings", VaadinIcon.ROTATE_LEFT, () -> actions.reuse(g)));
            }
        } else {
            footer.add(button("Edit this image", VaadinIcon.EDIT, () -> actions.editImage(imageId)));
        }
        return footer;
    }

    private Div progress(GenerationDetails g) {
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        preview.addClassName("turn-preview");
        preview.setVisible(preview.getChildren().findAny().isPresent());
        elapsed.addClassName("turn-elapsed");
        tick(clock.instant());
        Div status = new Div(elapsed);
        status.addClassName("turn-status");
        if (editable) {
            Button cancel = new Button("Cancel", e -> actions.cancel(g));
            cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            status.add(cancel);
        }
        Div running = new Div(bar, status, preview);
        running.addClassName("turn-running");
        return running;
    }

    private Div failure(GenerationDetails g) {
        String message = g.errorMessage() != null ? g.errorMessage()
                : g.status() == GenerationStatus.CANCELLED ? "Cancelled." : "This turn did not finish.";
        Div failure = new Div(VaadinIcon.WARNING.create(), new Span(message));
        failure.addClassName(g.status() == GenerationStatus.CANCELLED ? "turn-cancelled" : "turn-error");
        Div box = new Div(failure);
        if (editable) {
            box.add(button("Try again with these settings", VaadinIcon.ROTATE_LEFT, () -> actions.reuse(g)));
        }
        return box;
    }

    private static Button button(String text, VaadinIcon icon, Runnable action) {
        Button button = new Button(text, icon.create(), e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        button.addClassName("turn-action");
        return button;
    }

    private static Span chip(String text) {
        Span chip = new Span(text);
        chip.getElement().getThemeList().add("badge contrast");
        return chip;
    }

    static String label(String value) {
        return "auto".equals(value) ? "Auto" : value.substring(0, 1).toUpperCase(Locale.ROOT) + value.substring(1);
    }

    private static String shorten(String prompt) {
        return prompt.length() <= 4000 ? prompt : prompt.substring(0, 4000) + "...";
    }
}
