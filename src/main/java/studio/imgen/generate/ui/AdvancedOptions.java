package studio.imgen.generate.ui;

import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.function.Consumer;
import studio.imgen.catalog.Background;
import studio.imgen.catalog.InputFidelity;
import studio.imgen.catalog.Moderation;
import studio.imgen.catalog.OutputFormat;
import studio.imgen.generate.ImageOptions;

/**
 * "More options": background, output format, compression, moderation and input fidelity. Keeps the combinations
 * valid as choices change (JPEG disables Transparent; PNG disables compression and resets it) and shows only what
 * the chosen model and the inputs make meaningful. The choices live in plain fields; the inputs are built the first
 * time the section is opened, since most members never open it and every open page holds what it has built.
 */
class AdvancedOptions extends Details {

    private Background background;
    private OutputFormat format;
    private Integer compression = 100;
    private Moderation moderation = Moderation.AUTO;
    private InputFidelity fidelity = InputFidelity.LOW;
    private boolean modelSupportsTransparent;
    private boolean fidelityOffered;
    private boolean editing;
    private Inputs inputs;

    AdvancedOptions() {
        super("More options");
        addClassName("advanced-options");
        addOpenedChangeListener(event -> {
            if (event.isOpened() && inputs == null) {
                inputs = new Inputs();
                add(inputs.row);
                inputs.show();
            }
        });
    }

    /** The workspace's default format and background (a fresh form, or another model's form). */
    void showDefaults(OutputFormat defaultFormat, Background defaultBackground) {
        format = defaultFormat;
        background = defaultBackground;
        keepCombinationsValid();
    }

    /** Follows the chosen model and the inputs: what the model cannot do and what an edit ignores are not offered. */
    void adapt(boolean supportsTransparent, boolean supportsInputFidelity, boolean withReferences) {
        modelSupportsTransparent = supportsTransparent;
        fidelityOffered = withReferences && supportsInputFidelity;
        editing = withReferences;
        keepCombinationsValid();
    }

    /** An earlier generation's choices ("Reuse settings"). */
    void reuse(ImageOptions earlier) {
        format = earlier.outputFormat();
        background = earlier.background();
        compression = earlier.outputCompression() == null ? 100 : earlier.outputCompression();
        moderation = earlier.moderation();
        keepCombinationsValid();
    }

    /** {@code options} with these choices; compression only for a compressible format, fidelity only when offered. */
    ImageOptions chosen(ImageOptions options, boolean withReferences) {
        return options.withBackground(background)
                .withOutputFormat(format)
                .withOutputCompression(format != OutputFormat.PNG ? compression : null)
                .withModeration(moderation)
                .withInputFidelity(!withReferences || !fidelityOffered ? null : fidelity);
    }

    private boolean transparentPossible() {
        return modelSupportsTransparent && (format == null || format.allowsTransparency());
    }

    private void keepCombinationsValid() {
        if (background == Background.TRANSPARENT && !transparentPossible()) {
            background = format == OutputFormat.JPEG ? Background.OPAQUE : Background.AUTO;
        }
        if (format == OutputFormat.PNG) {
            compression = 100;
        }
        if (inputs != null) {
            inputs.show();
        }
    }

    private static <T> Select<T> select(String label, T[] values, ItemLabelGenerator<T> labels, Consumer<T> chosen) {
        Select<T> select = new Select<>();
        select.setLabel(label);
        select.setItems(values);
        select.setItemLabelGenerator(labels);
        select.addValueChangeListener(e -> chosen.accept(e.getValue()));
        return select;
    }

    /** The inputs, once built: each writes its choice back to the fields above, and shows them. */
    private final class Inputs {

        private final Select<Background> backgroundSelect = select("Background", Background.values(),
                Background::label, value -> background = value);
        private final Select<OutputFormat> formatSelect = select("Output format", OutputFormat.values(),
                OutputFormat::label, value -> {
                    format = value;
                    keepCombinationsValid();
                });
        private final IntegerField compressionField = new IntegerField("Compression");
        private final Select<Moderation> moderationSelect = select("Moderation", Moderation.values(), Moderation::label,
                value -> moderation = value);
        private final Select<InputFidelity> fidelitySelect = select("Input fidelity", InputFidelity.values(),
                InputFidelity::label, value -> fidelity = value);
        private final Div row;

        Inputs() {
            compressionField.setMin(0);
            compressionField.setMax(100);
            compressionField.setHelperText("JPEG and WebP only; 100 = best quality");
            compressionField.addValueChangeListener(e -> compression = e.getValue());
            Span transparentHint = new Span("Transparent backgrounds need PNG or WebP and a model that supports them.");
            transparentHint.addClassName("hint");
            row = new Div(backgroundSelect, formatSelect, compressionField, moderationSelect, fidelitySelect,
                    transparentHint);
            row.addClassName("form-row");
        }

        void show() {
            boolean transparentPossible = transparentPossible();
            backgroundSelect.setItemEnabledProvider(v -> v != Background.TRANSPARENT || transparentPossible);
            formatSelect.setValue(format);
            backgroundSelect.setValue(background);
            compressionField.setValue(compression);
            compressionField.setEnabled(format != OutputFormat.PNG);
            moderationSelect.setValue(moderation);
            moderationSelect.setEnabled(!editing);
            moderationSelect.setHelperText(editing ? "Not used when editing reference images" : null);
            fidelitySelect.setValue(fidelity);
            fidelitySelect.setVisible(fidelityOffered);
        }
    }
}
