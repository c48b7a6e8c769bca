package studio.imgen.admin.ui;

import com.vaadin.flow.component.html.Div;
import studio.imgen.admin.RetentionSettings;
import studio.imgen.admin.WorkspaceSettingsService;

/** Settings: the key, the defaults and the overview, refreshed together after every change. */
class SettingsTab extends Div {

    private final WorkspaceSettingsService settings;
    private final KeyCard key;
    private final DefaultsCard defaults;
    private final RetentionSettings retention;
    private final RetentionCard retentionCard;
    private final OverviewCard overview;

    SettingsTab(WorkspaceSettingsService settings, RetentionSettings retention) {
        this.settings = settings;
        this.retention = retention;
        addClassName("admin-tab");
        addClassName("settings-tab");
        key = new KeyCard(settings, this::refresh);
        defaults = new DefaultsCard(settings, this::refresh);
        retentionCard = new RetentionCard(retention, this::refresh);
        overview = new OverviewCard(settings, this::refresh);
        Div column = new Div(key, defaults, retentionCard);
        column.addClassName("admin-column");
        add(column, overview);
        refresh();
    }

    void refresh() {
        var current = settings.overview();
        key.show(current);
        defaults.show(settings.defaultsForm());
        overview.show(current);
        retentionCard.show(retention.days());
    }
}
