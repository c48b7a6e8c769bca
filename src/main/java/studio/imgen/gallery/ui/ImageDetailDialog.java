package studio.imgen.gallery.ui;

import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.avatar.AvatarVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.function.Consumer;
import java.util.function.Function;
import studio.imgen.base.ui.ImageUrls;
import studio.imgen.gallery.ImageDetails;
import studio.imgen.generate.GeneratedImageView;
import studio.imgen.generate.GenerationDetails;
import studio.imgen.generate.ImageOptions;

/**
 * One image in full: the original, the whole prompt (as text), the parameters as resolved and sent, who asked when,
 * tokens and cost, the generation's other images, and the actions. Switching to a sibling image reloads through the
 * service, so it is access-checked like any other.
 */
class ImageDetailDialog extends Dialog {

    static final int PROMPT_SHOWN = 4000;

    private final Times times;
    private final Function<String, String> modelLabel;
    private final Consumer<java.util.UUID> onSwitch;
    private final ImageActions actions;

    ImageDetailDialog(ImageDetails details, Times times, Function<String, String> modelLabel,
                      Consumer<java.util.UUID> onSwitch, ImageActions actions) {
        this.times = times;
        this.modelLabel = modelLabel;
        this.onSwitch = onSwitch;
        this.actions = actions;
        addClassName("image-detail");
        setWidth("min(72rem, 96vw)");
        setMaxHeight("94vh");
        setCloseOnEsc(true);
        setCloseOnOutsideClick(true);
        Button close = new Button(VaadinIcon.CLOSE.create(), e -> close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        close.setAriaLabel("Close");
        getHeader().add(close);
        show(details);
    }

    void show(ImageDetails details) {
        GenerationDetails generation = details.generation();
        removeAll();
        setHeaderTitle(generation.title());

        Image full = new Image(ImageUrls.original(details.imageId()), "The image: " + shorten(generation.prompt(), 200));
        full.addClassName("image-detail-full");
        Div picture = new Div(full);
        picture.addClassName("image-detail-picture");
        if (generation.images().size() > 1) {
            picture.add(siblings(details));
        }

        Paragraph prompt = new Paragraph(shorten(generation.prompt(), PROMPT_SHOWN));
        prompt.addClassName("image-detail-prompt");
        Avatar avatar = new Avatar(generation.userName());
        avatar.addThemeVariants(AvatarVariant.LUMO_XSMALL);
        Div requester = new Div(avatar, new Span("Requested by " + generation.userName()),
                new Span(" · " + times.full(details.createdAt())));
        requester.addClassName("image-detail-requester");

        Div info = new Div(new H3("Prompt"), prompt, requester, parameters(details), actions(details));
        info.addClassName("image-detail-info");
        Div body = new Div(picture, info);
        body.addClassName("image-detail-body");
        add(body);
    }

    private Div siblings(ImageDetails details) {
        Div strip = new Div();
        strip.addClassName("image-detail-siblings");
        for (GeneratedImageView sibling : details.generation().images()) {
            Image thumb = new Image(ImageUrls.thumbnail(sibling.id()), "Image " + (sibling.position() + 1));
            thumb.getElement().setAttribute("loading", "lazy");
            Button button = new Button(thumb, e -> onSwitch.accept(sibling.id()));
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            button.setAriaLabel("Show image " + (sibling.position() + 1));
            button.addClassName("image-detail-sibling");
            if (sibling.id().equals(details.imageId())) {
                button.addClassName("current");
                button.getElement().setAttribute("aria-current", "true");
            }
            strip.add(button);
        }
        return strip;
    }

    private Div parameters(ImageDetails details) {
        GenerationDetails g = details.generation();
        ImageOptions o = g.options();
        Div list = new Div();
        list.addClassName("image-detail-parameters");
        row(list, "Model", modelLabel.apply(o.model()));
        String pixels = details.width() + " × " + details.height();
        row(list, "Size", "auto".equals(o.size()) ? "Auto (" + pixels + ")" : pixels);
        row(list, "Quality", label(o.quality()));
        row(list, "Format", o.outputFormat().label()
                + (o.outputCompression() == null ? "" : ", compression " + o.outputCompression()));
        row(list, "Background", o.background().label());
        row(list, "Moderation", label(o.moderation().wireValue()));
        if (o.inputFidelity() != null) {
            row(list, "Input fidelity", label(o.inputFidelity().wireValue()));
        }
        if (g.referenceCount() > 0) {
            row(list, "References", String.valueOf(g.referenceCount()));
        }
        row(list, "Images", String.valueOf(o.n()));
        row(list, "Tokens", Formats.tokens(g));
        row(list, "Cost", Formats.cost(g));
        return list;
    }

    private Div actions(ImageDetails details) {
        Anchor download = new Anchor(ImageUrls.download(details.imageId()), "Download");
        download.getElement().setAttribute("download", true);
        download.addClassName("image-action");
        download.addClassName("primary");
        Anchor open = new Anchor(ImageUrls.original(details.imageId()), "Open full size");
        open.setTarget("_blank");
        open.getElement().setAttribute("rel", "noopener");
        open.addClassName("image-action");
        Button reuse = new Button("Reuse settings", VaadinIcon.ROTATE_LEFT.create(),
                e -> actions.reuse(details.generation().id()));
        Button edit = new Button("Edit this image", VaadinIcon.EDIT.create(), e -> actions.edit(details.imageId()));
        edit.setTooltipText("Opens Generate with this image as the input of your next request");
        Div buttons = new Div(download, open, reuse, edit);
        if (details.deletable()) {
            Button delete = new Button("Delete", VaadinIcon.TRASH.create(), e -> actions.delete(details.imageId()));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            buttons.add(delete);
        }
        buttons.addClassName("image-detail-actions");
        return buttons;
    }

    private static void row(Div list, String name, String value) {
        Span term = new Span(name);
        term.addClassName("term");
        Span text = new Span(value);
        text.addClassName("value");
        list.add(term, text);
    }

    static String label(String value) {
        if (value == null || value.isEmpty()) {
            return "–";
        }
        return "auto".equals(value) ? "Auto" : value.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + value.substring(1);
    }

    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...";
    }
}
