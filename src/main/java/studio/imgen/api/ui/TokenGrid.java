package studio.imgen.api.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import studio.imgen.api.ApiToken;
import studio.imgen.base.UserInputException;
import studio.imgen.base.ui.Notifications;

/** A list of tokens with their state and last use; active ones can be revoked (after a confirmation). */
class TokenGrid extends Grid<ApiToken> {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Supplier<List<ApiToken>> source;
    private final Predicate<UUID> revoke;
    private Runnable afterRevoke = () -> { };

    TokenGrid(boolean withOwner, Supplier<List<ApiToken>> source, Predicate<UUID> revoke, String emptyText) {
        this.source = source;
        this.revoke = revoke;
        addClassName("token-grid");
        addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
        setAllRowsVisible(true);
        addColumn(ApiToken::name).setKey("name").setHeader("Name").setFlexGrow(2);
        if (withOwner) {
            addColumn(ApiToken::ownerName).setHeader("Member").setFlexGrow(1);
        }
        addColumn(t -> t.hint() + "…").setHeader("Token").setFlexGrow(1);
        addColumn(t -> when(t.createdAt())).setHeader("Created (UTC)").setFlexGrow(1);
        addColumn(t -> when(t.expiresAt())).setHeader("Expires (UTC)").setFlexGrow(1);
        addColumn(TokenGrid::lastUse).setHeader("Last used").setFlexGrow(2);
        addComponentColumn(TokenGrid::badge).setKey("state").setHeader("State").setFlexGrow(0).setAutoWidth(true);
        addComponentColumn(this::revokeButton).setKey("revoke").setHeader("").setFlexGrow(0).setAutoWidth(true);
        setEmptyStateText(emptyText);
        refresh();
    }

    void refresh() {
        setItems(source.get());
    }

    /** What else shows these tokens and must be refreshed after a revocation here. */
    void afterRevoke(Runnable action) {
        this.afterRevoke = action;
    }

    private static String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    private static String lastUse(ApiToken token) {
        if (token.lastUsedAt() == null) {
            return "Never";
        }
        return when(token.lastUsedAt()) + (token.lastUsedFrom() == null ? "" : " from " + token.lastUsedFrom());
    }

    private static Span badge(ApiToken token) {
        Span badge = switch (token.state()) {
            case ACTIVE -> new Span("Active");
            case EXPIRED -> new Span("Expired");
            case REVOKED -> new Span("Revoked");
        };
        badge.getElement().getThemeList().add("badge pill small " + switch (token.state()) {
            case ACTIVE -> "success";
            case EXPIRED -> "contrast";
            case REVOKED -> "error";
        });
        return badge;
    }

    private Span revokeButton(ApiToken token) {
        Span cell = new Span();
        if (token.state() != ApiToken.State.ACTIVE) {
            return cell;
        }
        Button button = new Button("Revoke", e -> {
            ConfirmDialog confirm = new ConfirmDialog("Revoke \"" + token.name() + "\"?",
                    "Scripts and tools using this token stop working at once. This cannot be undone.", "Revoke",
                    ok -> {
                        try {
                            if (revoke.test(token.id())) {
                                Notifications.success("Token \"" + token.name() + "\" revoked.");
                            } else {
                                Notifications.info("That token was already revoked or has expired.");
                            }
                        } catch (UserInputException failure) {
                            Notifications.error(failure.getMessage());
                        }
                        refresh();
                        afterRevoke.run();
                    });
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        button.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        button.setAriaLabel("Revoke " + token.name());
        cell.add(button);
        return cell;
    }
}
