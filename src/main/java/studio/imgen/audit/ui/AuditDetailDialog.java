package studio.imgen.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import studio.imgen.audit.AuditDetail;
import studio.imgen.base.ui.ExpiredImage;
import studio.imgen.base.ui.ImageUrls;
import studio.imgen.catalog.Money;
import studio.imgen.gallery.ExpiredImages;
import studio.imgen.generate.ui.GenerateView;
import studio.imgen.base.ui.EditThisImage;

/**
 * Everything one audit entry recorded, as text (prompts, names, raw errors and admin values are user data), with the
 * entry's images and a way back into Generate with its settings.
 */
class AuditDetailDialog extends Dialog {

    AuditDetailDialog(AuditDetail entry, ExpiredImages expired) {
        addClassName("audit-detail");
        setHeaderTitle(AuditText.action(entry.category(), entry.action())
                + (entry.status() == null ? "" : " · " + entry.status()) + " · #" + entry.seq());
        setWidth("min(52rem, 96vw)");

        Div facts = new Div();
        facts.addClassName("audit-facts");
        fact(facts, "Time (UTC)", AuditText.time(entry.at()));
        fact(facts, "User", entry.actorName());
        fact(facts, "Outcome", entry.outcome());
        fact(facts, "Reason", entry.reason());
        fact(facts, "Model", entry.model());
        fact(facts, "Size", entry.size());
        fact(facts, "Quality", entry.quality());
        fact(facts, "Images requested", entry.n());
        fact(facts, "Background", entry.background());
        fact(facts, "Format", entry.outputFormat());
        fact(facts, "Moderation", entry.moderation());
        fact(facts, "Reference images", entry.referenceCount());
        fact(facts, "Mask", entry.hasMask() == null ? null : entry.hasMask() ? "yes" : "no");
        fact(facts, "Latency", entry.latencyMs() == null ? null : entry.latencyMs() + " ms");
        fact(facts, "Tokens (text in / image in / image out)", entry.textInputTokens() == null ? null
                : entry.textInputTokens() + " / " + entry.imageInputTokens() + " / " + entry.imageOutputTokens());
        fact(facts, "Cost", entry.costMicros() == null ? null
                : Money.cost(entry.costMicros(), entry.costEstimated()));
        fact(facts, "OpenAI request id", entry.openaiRequestId());
        if (entry.targetName() != null || entry.targetId() != null && !entry.targetId().equals(entry.generationId())) {
            fact(facts, "Target", entry.targetName() != null ? entry.targetName() : entry.targetId());
        }
        fact(facts, "Generation", entry.generationId());
        fact(facts, "Client address", entry.clientIp());
        add(facts);

        if (entry.prompt() != null) {
            add(new H3("Prompt"));
            Paragraph prompt = new Paragraph(entry.prompt());
            prompt.addClassName("audit-prompt");
            add(prompt);
        }
        if (!entry.imageIds().isEmpty()) {
            Div images = new Div();
            images.addClassName("audit-images");
            for (UUID imageId : entry.imageIds()) {
                if (expired.contains(imageId)) {
                    ExpiredImage gone = new ExpiredImage(expired.retentionDays());
                    gone.addClassName("audit-image");
                    images.add(gone);
                    continue;
                }
                Image thumb = new Image(ImageUrls.thumbnail(imageId), "Result image");
                thumb.addClassName("audit-image");
                Anchor full = new Anchor(ImageUrls.original(imageId), thumb);
                full.setTarget(AnchorTarget.BLANK);
                full.setRouterIgnore(true);
                // Each image of a set can be edited on its own, not only the first one.
                Div tile = new Div(full);
                tile.addClassName("audit-image-tile");
                if ("generation".equals(entry.category())) {
                    // Checked first (role, key, cooldown, quota), like every Edit this image: a refusal opens nothing.
                    Button edit = new Button("Edit this image", VaadinIcon.PENCIL.create(), e -> {
                        if (EditThisImage.open(imageId)) {
                            close();
                        }
                    });
                    edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                    edit.addClassName("audit-image-edit");
                    tile.add(edit);
                }
                images.add(tile);
            }
            add(images);
        }
        if (!entry.details().isEmpty()) {
            add(new H3("Details"));
            Div details = new Div();
            details.addClassName("audit-facts");
            for (Map.Entry<String, Object> item : entry.details().entrySet()) {
                fact(details, AuditText.detailLabel(item.getKey()), AuditText.detailValue(item.getKey(), item.getValue()));
            }
            add(details);
        }

        if (entry.generationId() != null && "generation".equals(entry.category())) {
            RouterLink reuse = new RouterLink("Reuse settings", GenerateView.class);
            reuse.setQueryParameters(QueryParameters.of(GenerateView.REUSE_PARAMETER, entry.generationId().toString()));
            reuse.addClassName("audit-reuse");
            getFooter().add(reuse);
        }
        getFooter().add(new Button("Close", e -> close()));
    }

    private static void fact(Div facts, String label, Object value) {
        if (value == null || Objects.toString(value).isEmpty()) {
            return;
        }
        Span name = new Span(label);
        name.addClassName("audit-fact-label");
        Span text = new Span(Objects.toString(value));
        text.addClassName("audit-fact-value");
        facts.add(name, text);
    }
}
