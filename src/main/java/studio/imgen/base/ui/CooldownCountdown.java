package studio.imgen.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.shared.Registration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import studio.imgen.base.Countdown;

/**
 * "Next generation in 1:42 — at 14:05": the member's cooldown, counted down once a second on the server's clock
 * (the same clock admission uses), with the end time in the member's time zone. The owning view keeps the UI
 * polling while {@link #running()} and re-enables its submit button in the end callback; the server refuses an
 * early submission on its own whatever this shows.
 */
public class CooldownCountdown extends Span {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final Clock clock;
    private final Span text = new Span();
    private Instant until;
    private Runnable onEnd = () -> { };
    private Registration poll;

    public CooldownCountdown(Clock clock) {
        this.clock = clock;
        addClassName("cooldown-countdown");
        getElement().setAttribute("role", "timer");
        add(VaadinIcon.HOURGLASS.create(), text);
        setVisible(false);
    }

    /** Counts down to {@code end}; {@code whenOver} runs once the clock has reached it. */
    public void start(Instant end, Runnable whenOver) {
        this.until = end;
        this.onEnd = whenOver;
        setVisible(true);
        tick();
    }

    public void stop() {
        until = null;
        setVisible(false);
    }

    public boolean running() {
        return until != null;
    }

    private void tick() {
        if (until == null) {
            return;
        }
        Instant now = clock.instant();
        if (!now.isBefore(until)) {
            stop();
            onEnd.run();
            return;
        }
        String at = AT.format(until.atZone(ClientZone.of(getUI().orElse(null))));
        text.setText("Next generation in " + Countdown.of(Duration.between(now, until)) + " — at " + at);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        poll = event.getUI().addPollListener(e -> tick());
        tick();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (poll != null) {
            poll.remove();
        }
    }
}
