package studio.imgen.admin.ui;

import studio.imgen.base.ui.Actions;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.Locale;
import studio.imgen.admin.SettingsOverview;
import studio.imgen.admin.ShutdownNotice;
import studio.imgen.admin.WorkspaceSettingsService;

/**
 * The settings at a glance (ImGen's {@code /imgen view}): key status, defaults, log webhook, admin exemption and
 * every rule.
 */
class OverviewCard extends Div {

    private final Div content = new Div();
    private final WorkspaceSettingsService settings;
    private final Runnable onChange;

    OverviewCard(WorkspaceSettingsService settings, Runnable onChange) {
        this.settings = settings;
        this.onChange = onChange;
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
        overview.shutdowns().forEach(notice -> content.add(shutdownNotice(notice)));
        overview.unavailableModels().forEach(line -> {
            Paragraph alert = new Paragraph(line);
            alert.addClassName("overview-alert");
            content.add(alert);
        });
        content.add(new H4("OpenAI key"), new Paragraph(overview.keyLine()),
                new H4("Models of this key"), new Paragraph(overview.modelStatus()),
                new H4("Defaults"), list(overview.defaults()),
                new H4("Log webhook"), new Paragraph(overview.logWebhook()),
                new H4("Admins"), new Paragraph(overview.adminExemption()),
                new H4("Access"), list(overview.access()));
    }

    /** The notice with its one action: the replacement everywhere the workspace uses the model. */
    private Div shutdownNotice(ShutdownNotice notice) {
        Div box = new Div(VaadinIcon.CLOCK.create(), new Span(notice.sentence()));
        box.addClassNames("shutdown-notice", "urgency-" + notice.urgency().name().toLowerCase(Locale.ROOT));
        box.getElement().setAttribute("role", "alert");
        box.getElement().setAttribute("data-model", notice.modelId());
        notice.replacementLabel().ifPresent(label -> {
            Button apply = new Button("Use " + label + " everywhere", e -> Actions.run(
                    () -> settings.applyReplacement(notice.modelId()), onChange));
            apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
            box.add(apply);
        });
        return box;
    }

    private static UnorderedList list(List<String> lines) {
        UnorderedList list = new UnorderedList();
        lines.forEach(line -> list.add(new ListItem(line)));
        return list;
    }
}
