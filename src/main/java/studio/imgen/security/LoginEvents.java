package studio.imgen.security;

import static studio.imgen.db.Tables.LOGIN_EVENT;

import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** Records every login attempt with its outcome; written outside any request transaction so it always lands. */
@Component
class LoginEvents {

    enum Outcome { SUCCESS, BAD_CREDENTIALS, THROTTLED, DISABLED }

    private final DSLContext db;

    LoginEvents(DSLContext db) {
        this.db = db;
    }

    void record(String username, UUID userId, Outcome outcome, String clientAddress) {
        db.insertInto(LOGIN_EVENT)
                .set(LOGIN_EVENT.USERNAME, username.length() > 200 ? username.substring(0, 200) : username)
                .set(LOGIN_EVENT.USER_ID, userId)
                .set(LOGIN_EVENT.OUTCOME, outcome.name().toLowerCase(java.util.Locale.ROOT))
                .set(LOGIN_EVENT.CLIENT_IP, clientAddress)
                .execute();
    }
}
