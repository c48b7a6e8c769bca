package studio.imgen.audit.ui;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import studio.imgen.audit.AuditCursor;
import studio.imgen.audit.AuditRow;

/**
 * Turns the Grid's offset/limit requests into keyset queries. It remembers where each fetched page ended, so the next
 * page (the usual case while scrolling) continues from that entry's cursor with no offset at all; a jump further down
 * starts from the nearest known position and skips only the difference. Valid for one pinned filter: the pinned log
 * never changes, so remembered positions stay right.
 */
final class KeysetPager {

    /** Enough to remember every page of a million entries at the Grid's page size, and still a few hundred kB. */
    static final int MAX_REMEMBERED = 20_000;

    interface PageSource {
        List<AuditRow> page(AuditCursor after, int skip, int limit);
    }

    private final PageSource source;
    /** Offset → cursor of the entry just before it. */
    private final NavigableMap<Integer, AuditCursor> positions = new TreeMap<>();

    KeysetPager(PageSource source) {
        this.source = source;
    }

    List<AuditRow> fetch(int offset, int limit) {
        Map.Entry<Integer, AuditCursor> start = positions.floorEntry(offset);
        int known = start == null ? 0 : start.getKey();
        List<AuditRow> rows = source.page(start == null ? null : start.getValue(), offset - known, limit);
        if (!rows.isEmpty() && positions.size() < MAX_REMEMBERED) {
            positions.put(offset + rows.size(), rows.get(rows.size() - 1).cursor());
        }
        return rows;
    }
}
