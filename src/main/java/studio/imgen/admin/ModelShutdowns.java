package studio.imgen.admin;

import studio.imgen.access.RoleRule;
import studio.imgen.access.RuleModels;
import studio.imgen.access.ModelReplacements;

import studio.imgen.workspace.AdminActionPerformed;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import studio.imgen.base.UserInputException;
import studio.imgen.catalog.ChatModel;
import studio.imgen.catalog.ImageModel;
import studio.imgen.catalog.ModelAvailability;
import studio.imgen.catalog.ModelCatalog;
import studio.imgen.catalog.WorkspaceModels;

/**
 * Retiring models where a workspace uses them (its default model, role rules, conversation model): the notices its
 * admins see from {@value #NOTICE_DAYS} days ahead, the one action that moves every use to the replacement, and the
 * same move made by the application on the shutdown date if nobody acted, so a member never loses access because of a
 * date. A model's shutdown date is the catalogue's or the earlier one OpenAI announced to the workspace's key.
 * Callers check who asks; this class works on the workspace it is given.
 */
@Component
public class ModelShutdowns {

    static final int NOTICE_DAYS = 30;

    private final WorkspaceSettingsRepository settings;
    private final RuleModels rules;
    private final ModelReplacements replacements;
    private final ModelCatalog catalog;
    private final ModelAvailability availability;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    ModelShutdowns(WorkspaceSettingsRepository settings, RuleModels rules, ModelReplacements replacements,
                   ModelCatalog catalog, ModelAvailability availability, ApplicationEventPublisher events, TransactionTemplate transaction) {
        this.settings = settings;
        this.rules = rules;
        this.replacements = replacements;
        this.catalog = catalog;
        this.availability = availability;
        this.events = events;
        this.transaction = transaction;
    }

    /** The workspace's notices, soonest shutdown first. */
    public List<ShutdownNotice> notices(UUID workspaceId) {
        LocalDate today = catalog.today();
        return retiring(workspaceId).stream()
                .filter(r -> !r.uses().isEmpty())
                .map(r -> r.notice(today))
                .filter(n -> n.daysLeft() <= NOTICE_DAYS)
                .sorted(Comparator.comparing(ShutdownNotice::shutdownOn).thenComparing(ShutdownNotice::modelId))
                .toList();
    }

    /**
     * Moves every use of {@code modelId} in the workspace to its replacement, audited before → after.
     *
     * @param actorId the admin who asked, or null when the application does it on the shutdown date
     * @return what changed, as a sentence
     */
    public String applyReplacement(UUID workspaceId, String modelId, UUID actorId) {
        Retiring model = retiring(workspaceId).stream().filter(r -> r.id().equals(modelId)).findFirst()
                .orElseThrow(() -> new UserInputException("That model is not retiring, so there is nothing to replace."));
        Replacement to = model.replacement().orElseThrow(() -> new UserInputException(model.label() + " has no"
                + " replacement this workspace can use. Choose another model for the default, the role rules and the"
                + " conversation model by hand."));
        return transaction.execute(status -> {
            List<String> before = new ArrayList<>();
            List<String> after = new ArrayList<>();
            if (settings.replaceModel(workspaceId, model.chat(), modelId, to.id())) {
                String what = model.chat() ? "conversation model: " : "default model: ";
                before.add(what + modelId);
                after.add(what + to.id());
            }
            if (!model.chat()) {
                for (RuleModels.Move move : rules.replace(workspaceId, modelId, to.id())) {
                    before.add(move.before());
                    after.add(move.after());
                }
            }
            if (before.isEmpty()) {
                return "Nothing in this workspace uses " + model.label() + " any more.";
            }
            events.publishEvent(actorId == null
                    ? AdminActionPerformed.system(workspaceId, "model.replaced", modelId, String.join("; ", before),
                            String.join("; ", after))
                    : new AdminActionPerformed(workspaceId, actorId, "model.replaced", modelId,
                            String.join("; ", before), String.join("; ", after)));
            return to.label() + " replaces " + model.label() + " for " + String.join(", ", model.uses()) + ".";
        });
    }

    /** On and after a model's shutdown date, moves what still uses it to its replacement. @return how many moved */
    int replaceShutDown(UUID workspaceId) {
        LocalDate today = catalog.today();
        int moved = 0;
        for (Retiring model : retiring(workspaceId)) {
            if (!today.isBefore(model.shutdownOn()) && !model.uses().isEmpty() && model.replacement().isPresent()) {
                applyReplacement(workspaceId, model.id(), null);
                moved++;
            }
        }
        return moved;
    }

    private List<Retiring> retiring(UUID workspaceId) {
        WorkspaceModels status = availability.of(workspaceId);
        LocalDate today = catalog.today();
        WorkspaceSettings current = settings.find(workspaceId);
        List<RoleRule> workspaceRules = rules.rulesOf(workspaceId);
        String conversation = settings.findThreadDefaults(workspaceId).mainlineModel();
        List<Retiring> retiring = new ArrayList<>();
        for (ImageModel m : catalog.all()) {
            Optional<LocalDate> shutdown = status.shutdownOf(m.id(), m.shutdownOn());
            if (shutdown.isPresent()) {
                List<String> uses = new ArrayList<>();
                if (m.id().equals(current.defaultModel())) {
                    uses.add("the workspace default model");
                }
                workspaceRules.stream().filter(r -> r.models().contains(m.id()))
                        .forEach(r -> uses.add("the rule of the " + r.roleName() + " role"));
                retiring.add(new Retiring(m.id(), m.label(), false, shutdown.get(), uses,
                        replacements.replacement(m, status, today).map(r -> new Replacement(r.id(), r.label()))));
            }
        }
        for (ChatModel m : catalog.chatModels()) {
            Optional<LocalDate> shutdown = status.shutdownOf(m.id(), m.shutdownOn());
            if (shutdown.isPresent()) {
                List<String> uses = m.id().equals(conversation) ? List.of("the conversation model of edit threads")
                        : List.of();
                retiring.add(new Retiring(m.id(), m.label(), true, shutdown.get(), uses,
                        Optional.ofNullable(m.replacement()).flatMap(catalog::chatModelToSend)
                                .map(r -> new Replacement(r.id(), r.label()))));
            }
        }
        return retiring;
    }

    private record Replacement(String id, String label) {
    }

    private record Retiring(String id, String label, boolean chat, LocalDate shutdownOn, List<String> uses,
                            Optional<Replacement> replacement) {

        ShutdownNotice notice(LocalDate today) {
            return new ShutdownNotice(id, label, shutdownOn, ChronoUnit.DAYS.between(today, shutdownOn), uses,
                    replacement.map(Replacement::id), replacement.map(Replacement::label));
        }
    }
}
