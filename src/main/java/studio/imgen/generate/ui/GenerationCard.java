package studio.imgen.generate.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import studio.imgen.base.ui.ImageUrls;
import studio.imgen.catalog.Money;
import studio.imgen.generate.GenerationDetails;
import studio.imgen.generate.GenerationStatus;
import studio.imgen.generate.ImageOptions;
import studio.imgen.generate.GeneratedImageView;

/**
 * One generation: progress with elapsed time and live previews while it runs, then the images with their actions,
 * or the failure in a sentence. Everything user-supplied is rendered as text.
 */
class GenerationCard extends Div {

    private final Consumer<GenerationDetails> onReuse;
    private final Consumer<GenerationDetails> onCancel;
    private final java.util.function.BiConsumer<GeneratedImageView, GenerationDetails> onEdit;
    private GenerationDetails details;
    private final Clock clock;
    private final Span elapsed = new Span();
    private final Div preview = new Div();
    private final Map<Image, UUID> inlineThumbs = new HashMap<>();

    GenerationCard(GenerationDetails details, Consumer<GenerationDetails> onReuse, Consumer<GenerationDetails> onCancel,
                   java.util.function.BiConsumer<GeneratedImageView, GenerationDetails> onEdit, Clock clock) {
        this.clock = clock;
        this.onReuse = onReuse;
        this.onCancel = onCancel;
        this.onEdit = onEdit;
        addClassName("generation-card");
        show(details);
    }

    GenerationDetails details() {
        return details;
    }

    boolean running() {
        return !details.status().finished();
    }

    void show(GenerationDetails updated) {
        show(updated, id -> Optional.empty());
    }

    /**
     * {@link #show(GenerationDetails)}, with the thumbnails {@code inline} has put into the page itself (a result just
     * made: the browser need not ask for the file) until {@link #useStoredThumbnails()}.
     */
    void show(GenerationDetails updated, Function<UUID, Optional<byte[]>> inline) {
        this.details = updated;
        inlineThumbs.clear();
        removeAll();
        getElement().setAttribute("data-status", updated.status().dbValue());

        Paragraph prompt = new Paragraph(shorten(updated.prompt()));
        prompt.addClassName("generation-prompt");
        ImageOptions options = updated.options();
        Div chips = new Div(chip(options.model()), chip(label(options.size())), chip(label(options.quality())),
                chip(options.outputFormat().label()), chip(options.n() + (options.n() == 1 ? " image" : " images")));
        if (updated.referenceCount() > 0) {
            chips.add(chip(updated.referenceCount() + " reference" + (updated.referenceCount() == 1 ? "" : "s")));
        }
        if (updated.masked()) {
            chips.add(MaskPicker.usedBadge());
        }
        chips.addClassName("chips");
        add(new Div(new Span(updated.title()), chips), prompt);

        switch (updated.status()) {
            case QUEUED, RUNNING -> showProgress();
            case SUCCEEDED -> showImages(inline);
            default -> showFailure();
        }
    }

    /** A live preview (small JPEG) while the model draws. */
    void preview(byte[] jpeg) {
        preview.removeAll();
        Image image = new Image(jpegDataUrl(jpeg), "Preview of the image being generated");
        image.addClassName("generation-preview-image");
        preview.add(image);
        preview.setVisible(true);
    }

    void tick(Instant now) {
        if (running() && details.createdAt() != null) {
            Duration d = Duration.between(details.createdAt(), now);
            elapsed.setText((details.status() == GenerationStatus.QUEUED ? "Queued · " : "Generating · ")
                    + d.toMinutes() + ":" + String.format("%02d", d.toSecondsPart()));
        }
    }

    private void showProgress() {
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        preview.addClassName("generation-preview");
        preview.setVisible(!preview.getChildren().findAny().isEmpty());
        elapsed.addClassName("generation-elapsed");
        tick(clock.instant());
        Button cancel = new Button("Cancel", e -> onCancel.accept(details));
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        add(bar, new Div(elapsed, cancel), preview);
    }

    private void showImages(Function<UUID, Optional<byte[]>> inline) {
        Div grid = new Div();
        grid.addClassName("result-grid");
        for (GeneratedImageView image : details.images()) {
            Optional<byte[]> inlined = inline.apply(image.id());
            Image thumb = new Image(inlined.map(GenerationCard::jpegDataUrl).orElse(ImageUrls.thumbnail(image.id())),
                    "Generated image " + (image.position() + 1));
            inlined.ifPresent(bytes -> inlineThumbs.put(thumb, image.id()));
            thumb.addClassName("result-thumb");
            Anchor open = new Anchor(ImageUrls.original(image.id()), thumb);
            open.setTarget("_blank");
            Anchor download = new Anchor(ImageUrls.download(image.id()), "Download");
            download.getElement().setAttribute("download", true);
            download.addClassName("result-action");
            Anchor full = new Anchor(ImageUrls.original(image.id()), "Full size");
            full.setTarget("_blank");
            full.addClassName("result-action");
            Button edit = new Button("Edit this image", VaadinIcon.EDIT.create(), e -> onEdit.accept(image, details));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            edit.setTooltipText("Edit this image in a new edit thread");
            edit.addClassName("result-action");
            Div tile = new Div(open, new Div(edit, download, full));
            tile.addClassName("result-tile");
            grid.add(tile);
        }
        Span cost = new Span(details.costMicros() == null ? ""
                : "Cost " + Money.cost(details.costMicros(), details.costEstimated()));
        if (details.costEstimated()) {
            cost.addClassName("cost-estimated");
            cost.setTitle("Computed at estimated rates: OpenAI has not published this model's prices in the catalogue.");
        }
        Span tokens = new Span(tokens(details));
        Button reuse = new Button("Reuse settings", VaadinIcon.ROTATE_LEFT.create(), e -> onReuse.accept(details));
        reuse.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div footer = new Div(cost, tokens, reuse);
        footer.addClassName("generation-footer");
        add(grid, footer);
    }

    /** Inline thumbnails point to their stored files again, so the page state does not keep every image's bytes. */
    void useStoredThumbnails() {
        inlineThumbs.forEach((thumb, id) -> thumb.setSrc(ImageUrls.thumbnail(id)));
        inlineThumbs.clear();
    }

    private static String jpegDataUrl(byte[] jpeg) {
        return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg);
    }

    private void showFailure() {
        String message = details.errorMessage() != null ? details.errorMessage()
                : details.status() == GenerationStatus.CANCELLED ? "Cancelled." : "This generation did not finish.";
        Div failure = new Div(VaadinIcon.WARNING.create(), new Span(message));
        failure.addClassName(details.status() == GenerationStatus.CANCELLED ? "generation-cancelled" : "generation-error");
        Button reuse = new Button("Try again with these settings", e -> onReuse.accept(details));
        reuse.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(failure, reuse);
    }

    private static String tokens(GenerationDetails d) {
        if (d.imageOutputTokens() == null) {
            return "";
        }
        long in = (d.textInputTokens() == null ? 0 : d.textInputTokens()) + (d.imageInputTokens() == null ? 0 : d.imageInputTokens());
        return in + " tokens in · " + d.imageOutputTokens() + " out";
    }

    private static Span chip(String text) {
        Span chip = new Span(text);
        chip.getElement().getThemeList().add("badge contrast");
        return chip;
    }

    static String label(String value) {
        return "auto".equals(value) ? "Auto" : value.substring(0, 1).toUpperCase() + value.substring(1);
    }

    private static String shorten(String prompt) {
        return prompt.length() <= 4000 ? prompt : prompt.substring(0, 4000) + "...";
    }
}
