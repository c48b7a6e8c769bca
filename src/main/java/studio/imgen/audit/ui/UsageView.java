package studio.imgen.audit.ui;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import studio.imgen.audit.UsageReport;
import studio.imgen.audit.UsageService;
import studio.imgen.shell.MainLayout;
import studio.imgen.catalog.Money;

/**
 * Usage and cost: per day over the last 30 or 90 days, per user (admins) and per model, with the caller's remaining
 * quota and budget. Charts are SVG built on the server and CSS bars; names are only ever set as text.
 */
@Route(value = "usage", layout = MainLayout.class)
@Menu(title = "Usage", order = 4, icon = "vaadin:chart")
@PageTitle("Usage · ImGen Studio")
@PermitAll
public class UsageView extends Div {

    private final UsageService usage;
    private final Div content = new Div();

    UsageView(UsageService usage) {
        this.usage = usage;
        addClassName("usage-view");
        Tab last30 = new Tab("Last 30 days");
        Tab last90 = new Tab("Last 90 days");
        Tabs period = new Tabs(last30, last90);
        period.addSelectedChangeListener(e -> show(e.getSelectedTab() == last90 ? 90 : 30));
        add(new H2("Usage and cost"), period, content);
        show(30);
    }

    private void show(int days) {
        UsageReport report = usage.report(days);
        content.removeAll();
        NumberFormat number = NumberFormat.getIntegerInstance(Locale.US);
        Paragraph scope = new Paragraph((report.workspaceWide() ? "Everyone in this workspace" : "Your generations")
                + ": " + number.format(report.total().generations()) + " generations, "
                + number.format(report.total().images()) + " images, "
                + Money.total(report.total().costMicros(), report.total().estimatedCostMicros()) + ".");
        scope.addClassName("usage-summary");
        content.add(scope, allowance(report.allowance()),
                chart("Cost per day", DailyChart.svg("Cost per day", report.daily(), UsageReport.Day::costMicros, Money::format)),
                chart("Images per day", DailyChart.svg("Images per day", report.daily(), UsageReport.Day::images, number::format)));
        if (report.workspaceWide()) {
            content.add(bars("Per user", report.perUser()));
        }
        content.add(bars("Per model", report.perModel()));
        content.add(bars("Browser and API tokens", report.perChannel()));
        if (report.workspaceWide()) {
            Div perRole = bars("Per role (a member with several roles counts under each)", report.perRole());
            content.add(perRole);
        }
    }

    private static Div chart(String title, String svg) {
        Div card = new Div(new H3(title), new Svg(svg));
        card.addClassName("usage-card");
        return card;
    }

    /** One CSS bar per line, widths relative to the most expensive; the figures are written out too. */
    private static Div bars(String title, List<UsageReport.Line> lines) {
        Div card = new Div(new H3(title));
        card.addClassName("usage-card");
        if (lines.isEmpty()) {
            card.add(new Paragraph("No generations in this period."));
            return card;
        }
        long max = Math.max(1, lines.stream().mapToLong(UsageReport.Line::costMicros).max().orElse(1));
        for (UsageReport.Line line : lines) {
            Span label = new Span(line.label());
            label.addClassName("usage-bar-label");
            Div bar = new Div();
            bar.addClassName("usage-bar");
            bar.getStyle().set("--share", Math.max(1, Math.round(100.0 * line.costMicros() / max)) + "%");
            Span figures = new Span(Money.total(line.costMicros(), line.estimatedCostMicros()) + " · "
                    + count(line.images(), "image", "images") + " · " + count(line.generations(), "generation", "generations"));
            figures.addClassName("usage-bar-figures");
            Div row = new Div(label, bar, figures);
            row.addClassName("usage-bar-row");
            card.add(row);
        }
        return card;
    }

    private static Div allowance(UsageReport.Allowance a) {
        Div card = new Div(new H3("Your allowance"));
        card.addClassName("usage-card");
        card.addClassName("usage-allowance");
        card.add(new Paragraph("Today: " + a.usedToday() + (a.dailyQuota() == 0 ? " generations (no daily limit)"
                : " of " + a.dailyQuota() + " generations, " + Math.max(0, a.dailyQuota() - a.usedToday()) + " left")));
        card.add(new Paragraph("This month: " + a.usedThisMonth() + (a.monthlyQuota() == 0 ? " generations (no monthly limit)"
                : " of " + a.monthlyQuota() + " generations, " + Math.max(0, a.monthlyQuota() - a.usedThisMonth()) + " left")));
        card.add(new Paragraph("Spent this month: " + Money.format(a.spentThisMonthMicros()) + (a.monthlyBudgetMicros() == 0
                ? " (no budget limit)"
                : " of " + Money.format(a.monthlyBudgetMicros()) + ", "
                        + Money.format(Math.max(0, a.monthlyBudgetMicros() - a.spentThisMonthMicros())) + " left")));
        return card;
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
