package studio.imgen.catalog;

import static imgen.db.Tables.CHAT_MODEL;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import imgen.db.tables.records.ChatModelRecord;

@Repository
class ChatModelRepository {

    private final DSLContext db;
    private final Clock clock;

    ChatModelRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    List<ChatModel> findAll() {
        return db.selectFrom(CHAT_MODEL).orderBy(CHAT_MODEL.SORT_ORDER, CHAT_MODEL.ID).fetch(ChatModelRepository::toModel);
    }

    void insert(ChatModel m) {
        Integer last = db.select(DSL.max(CHAT_MODEL.SORT_ORDER)).from(CHAT_MODEL).fetchOne(0, Integer.class);
        ChatModelRecord r = db.newRecord(CHAT_MODEL);
        r.setId(m.id());
        r.setSortOrder(last == null ? 10 : last + 10);
        r.setIsDefault(false);
        copy(m, r);
        r.insert();
    }

    boolean update(ChatModel m) {
        ChatModelRecord r = db.selectFrom(CHAT_MODEL).where(CHAT_MODEL.ID.eq(m.id())).forUpdate().fetchOne();
        if (r == null) {
            return false;
        }
        copy(m, r);
        r.setUpdatedAt(OffsetDateTime.now(clock));
        r.update();
        return true;
    }

    private static void copy(ChatModel m, ChatModelRecord r) {
        r.setLabel(m.label());
        r.setEnabled(m.enabled());
        r.setSupportsImageTool(m.supportsImageTool());
        r.setDeprecatedFrom(m.deprecatedFrom());
        r.setShutdownOn(m.shutdownOn());
        r.setReplacement(m.replacement());
    }

    private static ChatModel toModel(ChatModelRecord r) {
        return new ChatModel(r.getId(), r.getLabel(), r.getSortOrder(), r.getEnabled(), r.getIsDefault(),
                r.getSupportsImageTool(), r.getDeprecatedFrom(), r.getShutdownOn(), r.getReplacement());
    }
}
