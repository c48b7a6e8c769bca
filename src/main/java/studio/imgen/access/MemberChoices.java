package studio.imgen.access;

import java.util.List;
import java.util.Optional;

/**
 * What a member may choose right now (see {@link AccessControl#choices}).
 *
 * @param refusal      why a submission would be refused before its options are looked at (no role, cooldown, quota,
 *                     budget), if it would
 * @param preselection the options the form starts with, or why the member has none
 * @param allowed      the models, sizes and qualities they may pick, present when the preselection is
 * @param limitLines   their limits and usage as short texts ("12 of 50 today")
 */
public record MemberChoices(Optional<Refusal> refusal, Outcome<ResolvedOptions> preselection,
                            Optional<AllowedOptions> allowed, List<String> limitLines) {

    /** The first reason a submission would be refused now, in the server's order: usage before options. */
    public Optional<Refusal> blocked() {
        return refusal.or(() -> preselection instanceof Outcome.Refused<ResolvedOptions> refused
                ? Optional.of(refused.refusal()) : Optional.empty());
    }
}
