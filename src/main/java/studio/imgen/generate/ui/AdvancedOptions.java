package studio.imgen.generate.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
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

    /** The inputs, once built: each writes its choice back to the fields above, and shows them. */
    private final class Inputs {

        private final Select<Background> backgroundSelect = new Select<>();
        private final Select<OutputFormat> formatSelect = new Select<>();
        private final IntegerField compressionField = new IntegerField("Compression");
        private final Select<Moderation> moderationSelect = new Select<>();
        private final Select<InputFidelity> fidelitySelect = new Select<>();
        private final Div row;

        Inputs() {
            backgroundSelect.setLabel("Background");
            backgroundSelect.setItems(Background.values());
            backgroundSelect.setItemLabelGenerator(Background::label);
            backgroundSelect.addValueChangeListener(e -> background = e.getValue());
            formatSelect.setLabel("Output format");
            formatSelect.setItems(OutputFormat.values());
            formatSelect.setItemLabelGenerator(OutputFormat::label);
            formatSelect.addValueChangeListener(e -> {
                format = e.getValue();
                keepCombinationsValid();
            });
            compressionField.setMin(0);
            compressionField.setMax(100);
            compressionField.setHelperText("JPEG and WebP only; 100 = best quality");
            compressionField.addValueChangeListener(e -> compression = e.getValue());
            moderationSelect.setLabel("Moderation");
            moderationSelect.setItems(Moderation.values());
            moderationSelect.setItemLabelGenerator(Moderation::label);
            moderationSelect.addValueChangeListener(e -> moderation = e.getValue());
            fidelitySelect.setLabel("Input fidelity");
            fidelitySelect.setItems(InputFidelity.values());
            fidelitySelect.setItemLabelGenerator(InputFidelity::label);
            fidelitySelect.addValueChangeListener(e -> fidelity = e.getValue());
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
