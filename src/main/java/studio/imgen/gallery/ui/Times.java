package studio.imgen.gallery.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as the member reads them, in their browser's time zone (UTC until the browser has told us, e.g. in tests),
 * and the day boundaries of the date filter in that same zone.
 */
final class Times {

    private static final DateTimeFormatter BRIEF = DateTimeFormatter.ofPattern("d MMM, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter BRIEF_OTHER_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private final ZoneId zone;
    private final Clock clock;

    Times(ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    static Times of(UI ui, Clock clock) {
        ExtendedClientDetails details = ui.getInternals().getExtendedClientDetails();
        if (details == null || details.getTimeZoneId() == null) {
            return new Times(ZoneOffset.UTC, clock);
        }
        try {
            return new Times(ZoneId.of(details.getTimeZoneId()), clock);
        } catch (RuntimeException e) {
            return new Times(ZoneOffset.UTC, clock);
        }
    }

    ZoneId zone() {
        return zone;
    }

    /** "12 May, 14:03" this year, "12 May 2025" before. */
    String brief(Instant instant) {
        ZonedDateTime time = instant.atZone(zone);
        return time.getYear() == clock.instant().atZone(zone).getYear() ? BRIEF.format(time) : BRIEF_OTHER_YEAR.format(time);
    }

    String full(Instant instant) {
        return FULL.format(instant.atZone(zone));
    }

    Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
