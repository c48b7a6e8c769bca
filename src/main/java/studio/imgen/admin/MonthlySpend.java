package studio.imgen.admin;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * Each workspace's generation cost since a day, as its Usage page counts it. Implemented by the audit module, which
 * owns the usage tables and may depend on this one (not the other way round).
 */
public interface MonthlySpend {

    /** Cost in micro-dollars per workspace from {@code firstDay} (UTC) on; workspaces without any are absent. */
    Map<UUID, Long> spendSince(LocalDate firstDay);
}
