package studio.imgen.gallery.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
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

    Times(ZoneId zone) {
        this.zone = zone;
    }

    static Times of(UI ui) {
        ExtendedClientDetails details = ui.getInternals().getExtendedClientDetails();
        if (details == null || details.getTimeZoneId() == null) {
            return new Times(ZoneOffset.UTC);
        }
        try {
            return new Times(ZoneId.of(details.getTimeZoneId()));
        } catch (RuntimeException e) {
            return new Times(ZoneOffset.UTC);
        }
    }

    ZoneId zone() {
        return zone;
    }

    /** "12 May, 14:03" this year, "12 May 2025" before. */
    String brief(Instant instant) {
        ZonedDateTime time = instant.atZone(zone);
        return time.getYear() == ZonedDateTime.now(zone).getYear() ? BRIEF.format(time) : BRIEF_OTHER_YEAR.format(time);
    }

    String full(Instant instant) {
        return FULL.format(instant.atZone(zone));
    }

    Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
