package studio.imgen.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import studio.imgen.audit.AuditCursor;
import studio.imgen.audit.AuditRow;

/** The Grid asks by offset; the log answers by keyset. */
class KeysetPagerTest {

    /** 100 entries, newest (seq 100) first, one second apart. */
    final List<AuditRow> log = LongStream.rangeClosed(1, 100).map(i -> 101 - i)
            .mapToObj(seq -> new AuditRow(seq, Instant.ofEpochSecond(seq), "Ana", "generation", "generate", "m", "s",
                    "q", "succeeded", 1L, false, List.of(), "p", null))
            .toList();
    final List<String> calls = new ArrayList<>();
    final KeysetPager pager = new KeysetPager(this::page);

    private List<AuditRow> page(AuditCursor after, int skip, int limit) {
        calls.add((after == null ? "start" : "after " + after.seq()) + " skip " + skip);
        int start = after == null ? 0 : log.indexOf(log.stream().filter(r -> r.seq() == after.seq()).findFirst().orElseThrow()) + 1;
        return log.subList(Math.min(log.size(), start + skip), Math.min(log.size(), start + skip + limit));
    }

    @Test
    void scrollingOnContinuesFromTheLastEntryWithoutOffsets() {
        assertThat(pager.fetch(0, 10)).isEqualTo(log.subList(0, 10));
        assertThat(pager.fetch(10, 10)).isEqualTo(log.subList(10, 20));
        assertThat(pager.fetch(20, 10)).isEqualTo(log.subList(20, 30));

        assertThat(calls).containsExactly("start skip 0", "after 91 skip 0", "after 81 skip 0");
    }

    @Test
    void aJumpSkipsOnlyFromTheNearestKnownPosition() {
        pager.fetch(0, 10);
        pager.fetch(10, 10);

        assertThat(pager.fetch(55, 10)).isEqualTo(log.subList(55, 65));
        assertThat(pager.fetch(30, 10)).isEqualTo(log.subList(30, 40));
        assertThat(pager.fetch(95, 10)).isEqualTo(log.subList(95, 100));

        assertThat(calls).containsExactly("start skip 0", "after 91 skip 0", "after 81 skip 35", "after 81 skip 10",
                "after 36 skip 30");
    }

    @Test
    void goingBackUsesWhatIsAlreadyKnown() {
        pager.fetch(0, 10);
        pager.fetch(10, 10);
        pager.fetch(20, 10);
        calls.clear();

        assertThat(pager.fetch(10, 10)).isEqualTo(log.subList(10, 20));
        assertThat(calls).containsExactly("after 91 skip 0");
    }
}
