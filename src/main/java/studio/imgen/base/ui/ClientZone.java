package studio.imgen.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The member's time zone as their browser reports it; UTC until the browser has told us (and in Karibu tests). */
public final class ClientZone {

    private ClientZone() {
    }

    public static ZoneId of(UI ui) {
        ExtendedClientDetails details = ui == null ? null : ui.getInternals().getExtendedClientDetails();
        if (details == null || details.getTimeZoneId() == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(details.getTimeZoneId());
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
