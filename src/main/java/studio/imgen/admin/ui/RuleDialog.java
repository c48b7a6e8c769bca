package studio.imgen.admin.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Optional;
import studio.imgen.access.RoleAccessService;
import studio.imgen.access.RoleOverview;
import studio.imgen.access.RoleRule;
import studio.imgen.access.RuleDraft;
import studio.imgen.access.RuleOptions;
import studio.imgen.base.Notice;
import studio.imgen.base.UserInputException;
import studio.imgen.base.ui.DialogForm;
import studio.imgen.workspace.WorkspaceRole;
import studio.imgen.catalog.Money;

/**
 * Add or update a role's access rule (an upsert: saving a role that has a rule replaces it). Numbers travel as the
 * admin typed them, so the service answers with the original messages ("Cooldown must be a number.").
 */
class RuleDialog extends DialogForm {

    private final RoleAccessService service;
    private final Fields fields;

    RuleDialog(RoleAccessService service, List<RoleOverview> roles, RoleOverview preselected, Runnable onSaved) {
        this(service, roles, preselected, onSaved, new Fields(service.ruleOptions(), roles));
    }

    private RuleDialog(RoleAccessService service, List<RoleOverview> roles, RoleOverview preselected,
                       Runnable onSaved, Fields f) {
        super("Access rule", "Save rule", () -> Notice.success(service.saveRule(f.draft())), onSaved, f.role, f.cooldown, f.models,
                f.sizes, f.customSizeMax, f.qualities, f.daily, f.monthly, f.budget, f.note);
        this.service = service;
        this.fields = f;
        f.role.addValueChangeListener(e -> f.show(roles.stream()
                .filter(r -> e.getValue() != null && r.role().id().equals(e.getValue().id()))
                .findFirst().flatMap(RoleOverview::rule)));
        if (preselected != null) {
            f.role.setValue(preselected.role());
        } else {
            f.show(Optional.empty());
        }
    }

    /**
     * Once a rule exists only members holding a role with a rule may generate, admins too: an admin about to lock
     * themselves out is told, and offered the rule's role.
     */
    @Override
    protected void beforeSave(Runnable save) {
        WorkspaceRole role = fields.role.getValue();
        boolean lockOut;
        try {
            lockOut = role != null && service.ruleWouldLockMeOut(fields.draft());
        } catch (UserInputException invalid) {
            // The save shows why in the dialog.
            lockOut = false;
        }
        if (!lockOut) {
            save.run();
            return;
        }
        ConfirmDialog warning = new ConfirmDialog();
        warning.addClassName("lockout-warning");
        warning.setHeader("You would lose access to image generation");
        warning.setText("With this rule, only members holding a role that has an access rule may generate, admins"
                + " included. You hold no such role. Take the " + role.name() + " role to keep your access?");
        warning.setConfirmText("Save and take " + role.name());
        warning.addConfirmListener(e -> save(() -> Notice.success(service.saveRuleAndTakeRole(fields.draft()))));
        warning.setRejectable(true);
        warning.setRejectText("Save without it");
        warning.addRejectListener(e -> save.run());
        warning.setCancelable(true);
        warning.setCancelText("Back to the rule");
        warning.open();
    }

    /** The form's fields; a rule's values fill them when its role is picked. */
    private static final class Fields {
        final Select<WorkspaceRole> role = new Select<>();
        final TextField cooldown = new TextField("Cooldown (seconds)");
        final AllOrSome models;
        final AllOrSome sizes;
        final AllOrSome qualities;
        final TextField daily = new TextField("Images per day");
        final TextField monthly = new TextField("Images per month");
        final TextField budget = new TextField("Monthly budget (USD)");
        final TextField customSizeMax = new TextField("Custom sizes up to");
        final Paragraph note = new Paragraph("Leave quotas and budget empty (or 0) for no limit. A member with several"
                + " roles gets the shortest cooldown and the most generous of everything else.");

        Fields(RuleOptions options, List<RoleOverview> roles) {
            role.setLabel("Role");
            role.setItems(roles.stream().map(RoleOverview::role).toList());
            role.setItemLabelGenerator(WorkspaceRole::name);
            role.setEmptySelectionAllowed(false);
            cooldown.setHelperText("0 = no cooldown");
            models = new AllOrSome("Models", "All models", options.models());
            sizes = new AllOrSome("Sizes", "All sizes (Auto allowed)", options.sizes());
            qualities = new AllOrSome("Qualities", "All qualities (Auto allowed)", options.qualities());
            budget.setPrefixComponent(new com.vaadin.flow.component.html.Span("$"));
            customSizeMax.setPlaceholder("e.g. 2560x1440");
            customSizeMax.setHelperText("With some sizes chosen: also any custom size up to this many pixels, on models"
                    + " that take custom sizes (a size like 2560x1440 or a pixel count). Empty: none.");
            note.addClassName("hint");
            for (TextField field : List.of(cooldown, daily, monthly, budget, customSizeMax)) {
                field.setWidthFull();
            }
            role.setWidthFull();
        }

        void show(Optional<RoleRule> rule) {
            cooldown.setValue(String.valueOf(rule.map(RoleRule::cooldownSeconds).orElse(RoleRule.DEFAULT_COOLDOWN_SECONDS)));
            models.show(rule.map(RoleRule::models).orElse(java.util.Set.of()));
            sizes.show(rule.map(RoleRule::sizes).orElse(java.util.Set.of()));
            qualities.show(rule.map(RoleRule::qualities).orElse(java.util.Set.of()));
            daily.setValue(rule.map(RoleRule::dailyQuota).filter(q -> q > 0).map(String::valueOf).orElse(""));
            monthly.setValue(rule.map(RoleRule::monthlyQuota).filter(q -> q > 0).map(String::valueOf).orElse(""));
            budget.setValue(rule.map(RoleRule::monthlyBudgetMicros).filter(b -> b > 0)
                    .map(b -> Money.format(b).substring(1)).orElse(""));
            customSizeMax.setValue(rule.map(RoleRule::customSizeMaxPixels).filter(p -> p > 0).map(String::valueOf)
                    .orElse(""));
        }

        RuleDraft draft() {
            WorkspaceRole chosen = role.getValue();
            return new RuleDraft(chosen == null ? null : chosen.id(), chosen == null ? null : chosen.name(),
                    cooldown.getValue(), models.getValue(), sizes.getValue(), qualities.getValue(), daily.getValue(),
                    monthly.getValue(), budget.getValue(), customSizeMax.getValue());
        }
    }
}
