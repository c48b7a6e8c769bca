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
 * the chosen model and the inputs make meaningful.
 */
class AdvancedOptions extends Details {

    private final Select<Background> background = new Select<>();
    private final Select<OutputFormat> format = new Select<>();
    private final IntegerField compression = new IntegerField("Compression");
    private final Select<Moderation> moderation = new Select<>();
    private final Select<InputFidelity> fidelity = new Select<>();
    private boolean modelSupportsTransparent;

    AdvancedOptions() {
        super("More options");
        addClassName("advanced-options");
        background.setLabel("Background");
        background.setItems(Background.values());
        background.setItemLabelGenerator(Background::label);
        format.setLabel("Output format");
        format.setItems(OutputFormat.values());
        format.setItemLabelGenerator(OutputFormat::label);
        format.addValueChangeListener(e -> keepCombinationsValid());
        compression.setMin(0);
        compression.setMax(100);
        compression.setValue(100);
        compression.setHelperText("JPEG and WebP only; 100 = best quality");
        moderation.setLabel("Moderation");
        moderation.setItems(Moderation.values());
        moderation.setItemLabelGenerator(Moderation::label);
        moderation.setValue(Moderation.AUTO);
        fidelity.setLabel("Input fidelity");
        fidelity.setItems(InputFidelity.values());
        fidelity.setItemLabelGenerator(InputFidelity::label);
        fidelity.setValue(InputFidelity.LOW);

        Span transparentHint = new Span("Transparent backgrounds need PNG or WebP and a model that supports them.");
        transparentHint.addClassName("hint");
        Div fields = new Div(background, format, compression, moderation, fidelity, transparentHint);
        fields.addClassName("form-row");
        add(fields);
    }

    /** The workspace's default format and background (a fresh form, or another model's form). */
    void showDefaults(OutputFormat defaultFormat, Background defaultBackground) {
        format.setValue(defaultFormat);
        background.setValue(defaultBackground);
    }

    /** Follows the chosen model and the inputs: what the model cannot do and what an edit ignores are not offered. */
    void adapt(boolean supportsTransparent, boolean supportsInputFidelity, boolean withReferences) {
        this.modelSupportsTransparent = supportsTransparent;
        keepCombinationsValid();
        fidelity.setVisible(withReferences && supportsInputFidelity);
        moderation.setEnabled(!withReferences);
        moderation.setHelperText(withReferences ? "Not used when editing reference images" : null);
    }

    /** An earlier generation's choices ("Reuse settings"). */
    void reuse(ImageOptions earlier) {
        format.setValue(earlier.outputFormat());
        background.setValue(earlier.background());
        compression.setValue(earlier.outputCompression() == null ? 100 : earlier.outputCompression());
        moderation.setValue(earlier.moderation());
    }

    /** {@code options} with these choices; compression only for a compressible format, fidelity only when shown. */
    ImageOptions chosen(ImageOptions options, boolean withReferences) {
        OutputFormat chosenFormat = format.getValue();
        return options.withBackground(background.getValue())
                .withOutputFormat(chosenFormat)
                .withOutputCompression(chosenFormat != OutputFormat.PNG ? compression.getValue() : null)
                .withModeration(moderation.getValue())
                .withInputFidelity(!withReferences || !fidelity.isVisible() ? null : fidelity.getValue());
    }

    private void keepCombinationsValid() {
        boolean transparentPossible = modelSupportsTransparent
                && (format.getValue() == null || format.getValue().allowsTransparency());
        background.setItemEnabledProvider(v -> v != Background.TRANSPARENT || transparentPossible);
        if (background.getValue() == Background.TRANSPARENT && !transparentPossible) {
            background.setValue(format.getValue() == OutputFormat.JPEG ? Background.OPAQUE : Background.AUTO);
        }
        boolean compressible = format.getValue() != OutputFormat.PNG;
        compression.setEnabled(compressible);
        if (!compressible) {
            compression.setValue(100);
        }
    }
}
