package studio.imgen.admin.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import studio.imgen.admin.SettingsOverview;

/**
 * The settings at a glance (ImGen's {@code /imgen view}): key status, defaults, log webhook, admin exemption and
 * every rule.
 */
class OverviewCard extends Div {

    private final Div content = new Div();

    OverviewCard() {
        addClassName("admin-card");
        addClassName("overview-card");
        add(new H3("Overview"), content);
    }

    void show(SettingsOverview overview) {
        content.removeAll();
        overview.quotaNotice().ifPresent(notice -> {
            Paragraph alert = new Paragraph(notice);
            alert.addClassName("overview-alert");
            content.add(alert);
        });
        content.add(new H4("OpenAI key"), new Paragraph(overview.keyLine()),
                new H4("Defaults"), list(overview.defaults()),
                new H4("Log webhook"), new Paragraph(overview.logWebhook()),
                new H4("Admins"), new Paragraph(overview.adminExemption()),
                new H4("Access"), list(overview.access()));
    }

    private static UnorderedList list(List<String> lines) {
        UnorderedList list = new UnorderedList();
        lines.forEach(line -> list.add(new ListItem(line)));
        return list;
    }
}
