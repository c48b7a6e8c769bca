package studio.imgen.security;

import static imgen.db.Tables.LOGIN_EVENT;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import studio.imgen.security.LoginAttempted.Outcome;

/**
 * Records every login attempt with its outcome; written outside any request transaction so it always lands. Then
 * tells other modules (the audit log), whose failures never change the login's result.
 */
@Component
class LoginEvents {

    private static final Logger log = LoggerFactory.getLogger(LoginEvents.class);

    private final DSLContext db;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LoginEvents(DSLContext db, ApplicationEventPublisher events, Clock clock) {
        this.db = db;
        this.events = events;
        this.clock = clock;
    }

    void record(String username, UUID userId, Outcome outcome, String clientAddress) {
        db.insertInto(LOGIN_EVENT)
                .set(LOGIN_EVENT.USERNAME, username.length() > 200 ? username.substring(0, 200) : username)
                .set(LOGIN_EVENT.USER_ID, userId)
                .set(LOGIN_EVENT.OUTCOME, outcome.name().toLowerCase(java.util.Locale.ROOT))
                .set(LOGIN_EVENT.CLIENT_IP, clientAddress)
                .set(LOGIN_EVENT.AT, OffsetDateTime.now(clock))
                .execute();
        try {
            events.publishEvent(new LoginAttempted(username, userId, outcome, clientAddress));
        } catch (RuntimeException e) {
            log.error("A listener failed on a login attempt", e);
        }
    }
}
