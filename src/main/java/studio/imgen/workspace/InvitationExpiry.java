package studio.imgen.workspace;

import java.time.Duration;

/** How long an invitation link stays valid. */
public enum InvitationExpiry {
    ONE_DAY("1 day", Duration.ofDays(1)),
    SEVEN_DAYS("7 days", Duration.ofDays(7)),
    THIRTY_DAYS("30 days", Duration.ofDays(30));

    private final String label;
    private final Duration validity;

    InvitationExpiry(String label, Duration validity) {
        this.label = label;
        this.validity = validity;
    }

    public String label() {
        return label;
    }

    public Duration validity() {
        return validity;
    }
}
