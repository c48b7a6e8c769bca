package studio.imgen.admin.ui;

import studio.imgen.base.ui.Actions;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.Objects;
import studio.imgen.access.Choice;
import studio.imgen.admin.DefaultsChange;
import studio.imgen.admin.DefaultsForm;
import studio.imgen.admin.EditThreadDefaults;
import studio.imgen.access.ModelChoice;
import studio.imgen.admin.WorkspaceSettingsService;
import studio.imgen.catalog.Background;
import studio.imgen.catalog.OutputFormat;

/**
 * Workspace defaults (used whenever a member has not chosen) and the admin cooldown exemption. Saves send only what
 * changed, with the version the form was loaded at, so a save over someone else's newer save is refused.
 */
class DefaultsCard extends Div {

    private final WorkspaceSettingsService settings;
    private final Runnable onChange;
    private final Select<String> model = new Select<>();
    private final Select<String> size = new Select<>();
    private final Select<String> quality = new Select<>();
    private final Select<String> format = new Select<>();
    private final Select<String> background = new Select<>();
    private final Select<EditThreadDefaults.Mode> threadMode = new Select<>();
    private final Select<String> mainlineModel = new Select<>();
    private final Checkbox exempt = new Checkbox("Workspace admins skip cooldowns");
    private DefaultsForm form;
    private boolean loading;

    DefaultsCard(WorkspaceSettingsService settings, Runnable onChange) {
        this.settings = settings;
        this.onChange = onChange;
        addClassName("admin-card");
        model.setLabel("Model");
        size.setLabel("Size");
        quality.setLabel("Quality");
        format.setLabel("Output format");
        format.setItemLabelGenerator(v -> OutputFormat.parse(v).label());
        background.setLabel("Background");
        background.setItemLabelGenerator(v -> Background.parse(v).label());
        Div fields = new Div(model, size, quality, format, background);
        fields.addClassNames("form-row", "defaults-row");

        Button save = new Button("Save defaults", e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        exempt.setHelperText("On by default. It only skips cooldowns: when access rules exist, admins still need a"
                + " role with a rule, and quotas and budgets still apply to them.");
        exempt.addValueChangeListener(e -> {
            if (!loading && e.isFromClient()) {
                if (!Actions.report(() -> settings.setAdminExemptFromCooldown(e.getValue(), form.version()), onChange)) {
                    onChange.run();
                }
            }
        });

        Paragraph intro = new Paragraph("Used whenever a member does not choose. Defaults are not checked against"
                + " role rules: a member who may not use a default gets the first value they may use.");
        intro.addClassName("hint");
        add(new H3("Defaults"), intro, fields, save, exempt, threadDefaults());
    }

    /** Edit threads: the mode new threads start in and the chat model that drives conversation turns. */
    private Div threadDefaults() {
        threadMode.setLabel("New edit threads");
        threadMode.setItems(EditThreadDefaults.Mode.values());
        threadMode.setItemLabelGenerator(EditThreadDefaults.Mode::label);
        mainlineModel.setLabel("Conversation model");
        mainlineModel.setHelperText("The chat model that calls the image model as a tool. The instance's model"
                + " catalogue decides which chat models are offered.");
        Div fields = new Div(threadMode, mainlineModel);
        fields.addClassName("form-row");
        Paragraph hint = new Paragraph("Conversation keeps the thread's context at OpenAI; direct edit re-sends the"
                + " previous image and is cheaper. Members can switch each thread.");
        hint.addClassName("hint");
        Button saveThreads = new Button("Save edit-thread defaults", e -> Actions.report(() ->
                settings.updateThreadDefaults(threadMode.getValue(), mainlineModel.getValue(), form.version()), onChange));
        Div section = new Div(new H4("Edit threads"), hint, fields, saveThreads);
        section.addClassName("thread-defaults");
        return section;
    }

    void show(DefaultsForm loaded) {
        loading = true;
        try {
            form = loaded;
            model.setItems(loaded.models().stream().map(ModelChoice::id).toList());
            model.setItemLabelGenerator(id -> loaded.models().stream().filter(m -> m.id().equals(id))
                    .map(ModelChoice::label).findFirst().orElse(id));
            select(model, loaded.model());
            choices(size, loaded.sizes(), loaded.size());
            choices(quality, loaded.qualities(), loaded.quality());
            format.setItems(loaded.formats());
            format.setValue(loaded.format());
            background.setItems(loaded.backgrounds());
            background.setValue(loaded.background());
            exempt.setValue(loaded.adminExemptFromCooldown());
            EditThreadDefaults threads = loaded.threads();
            threadMode.setValue(threads.mode());
            // A shut-down current model stays visible (marked) until the admin picks another one.
            List<Choice> chats = new java.util.ArrayList<>(loaded.chatModels());
            if (chats.stream().noneMatch(c -> c.value().equals(threads.mainlineModel()))) {
                chats.add(new Choice(threads.mainlineModel(), threads.mainlineModel() + " (no longer offered)"));
            }
            choices(mainlineModel, chats, threads.mainlineModel());
        } finally {
            loading = false;
        }
    }

    private void save() {
        DefaultsChange change = new DefaultsChange(changed(model.getValue(), form.model()),
                changed(size.getValue(), form.size()), changed(quality.getValue(), form.quality()),
                changed(format.getValue(), form.format()), changed(background.getValue(), form.background()));
        Actions.report(() -> settings.updateDefaults(change, form.version()), onChange);
    }

    private static String changed(String chosen, String loaded) {
        return Objects.equals(chosen, loaded) ? null : chosen;
    }

    private static void choices(Select<String> select, List<Choice> options, String value) {
        select.setItems(options.stream().map(Choice::value).toList());
        select.setItemLabelGenerator(v -> options.stream().filter(c -> c.value().equals(v)).map(Choice::label)
                .findFirst().orElse(v));
        select(select, value);
    }

    private static void select(Select<String> select, String value) {
        if (value != null && select.getListDataView().getItems().anyMatch(value::equals)) {
            select.setValue(value);
        } else {
            select.clear();
        }
    }
}
