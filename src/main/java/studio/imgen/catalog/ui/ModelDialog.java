package studio.imgen.catalog.ui;

import studio.imgen.base.Notice;
import studio.imgen.base.ui.DialogForm;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import studio.imgen.catalog.ModelDraft;

/**
 * Adds or edits a catalogue model. The service validates everything and answers with one sentence per problem; the
 * dialog stays open with the admin's input until the entry is accepted.
 */
class ModelDialog extends DialogForm {

    static final List<String> QUALITIES = List.of("auto", "low", "medium", "high", "xhigh", "max");

    ModelDialog(ModelDraft current, Function<ModelDraft, Notice> save, Runnable afterSuccess) {
        this(current == null ? ModelDraft.blank() : current, current == null, save, afterSuccess, new Fields());
    }

    private ModelDialog(ModelDraft d, boolean isNew, Function<ModelDraft, Notice> save, Runnable afterSuccess,
                        Fields f) {
        super(isNew ? "Add a model" : "Edit " + d.label(), isNew ? "Add model" : "Save", () -> save.apply(f.draft()),
                afterSuccess, f.layout(isNew));
        addClassName("model-dialog");
        f.show(d, isNew);
    }

    /** The form's fields, built before the dialog so its save action can read them. */
    private static final class Fields {
        final TextField id = new TextField("Model id");
        final TextField label = new TextField("Label");
        final Checkbox enabled = new Checkbox("Enabled (offered to members unless shut down)");
        final TextField sizes = new TextField("Sizes");
        final CheckboxGroup<String> qualities = new CheckboxGroup<>("Qualities");
        final IntegerField maxImages = new IntegerField("Images per request (max)");
        final IntegerField maxReferences = new IntegerField("Reference images (max)");
        final Checkbox transparent = new Checkbox("Transparent background");
        final Checkbox fidelity = new Checkbox("Input fidelity");
        final Checkbox mask = new Checkbox("Mask (inpainting)");
        final Checkbox streaming = new Checkbox("Streaming");
        final Checkbox customSizes = new Checkbox("Custom sizes (any WIDTHxHEIGHT within OpenAI's limits)");
        final Checkbox ratesEstimated = new Checkbox("These rates are an estimate, not OpenAI's published prices");
        final BigDecimalField textIn = price("Text input");
        final BigDecimalField textInCached = price("Text input, cached");
        final BigDecimalField imageIn = price("Image input");
        final BigDecimalField imageInCached = price("Image input, cached");
        final BigDecimalField imageOut = price("Image output");
        final BigDecimalField textOut = price("Text output");
        final DatePicker deprecatedFrom = new DatePicker("Deprecated from");
        final DatePicker shutdownOn = new DatePicker("Shuts down on");
        final TextField replacement = new TextField("Replacement model id");

        FormLayout layout(boolean isNew) {
            id.setPlaceholder("gpt-image-2");
            id.setHelperText(isNew ? "Exactly as OpenAI lists it." : "The id cannot change.");
            sizes.setHelperText("Comma-separated WIDTHxHEIGHT (multiples of 16, aspect 1:3 to 3:1, at most 3840x2160),"
                    + " plus auto if supported.");
            qualities.setItems(QUALITIES);
            maxImages.setMin(1);
            maxImages.setMax(10);
            maxImages.setStepButtonsVisible(true);
            maxReferences.setMin(0);
            maxReferences.setMax(16);
            maxReferences.setStepButtonsVisible(true);
            deprecatedFrom.setHelperText("From this day members see a retirement warning.");
            shutdownOn.setHelperText("From this day the model is no longer offered.");
            replacement.setHelperText("Optional: suggested in the retirement warning.");
            FormLayout form = new FormLayout();
            form.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("32em", 2));
            form.add(id, label);
            form.add(enabled, 2);
            form.add(section("Capabilities"), 2);
            form.add(sizes, 2);
            form.add(qualities, 2);
            form.add(maxImages, maxReferences, transparent, fidelity, mask, streaming);
            form.add(customSizes, 2);
            form.add(section("Token prices (USD per million tokens)"), 2);
            form.add(textIn, textInCached, imageIn, imageInCached, imageOut, textOut);
            ratesEstimated.setHelperText("Costs at estimated rates read “≈ $0.04 (estimated)” everywhere.");
            form.add(ratesEstimated, 2);
            form.add(section("Lifecycle"), 2);
            form.add(deprecatedFrom, shutdownOn, replacement);
            form.addClassName("model-form");
            return form;
        }

        void show(ModelDraft d, boolean isNew) {
            id.setValue(d.id());
            id.setReadOnly(!isNew);
            label.setValue(d.label());
            enabled.setValue(d.enabled());
            sizes.setValue(String.join(", ", d.sizes()));
            qualities.setValue(new java.util.LinkedHashSet<>(d.qualities()));
            maxImages.setValue(d.maxImages());
            maxReferences.setValue(d.maxReferenceImages());
            transparent.setValue(d.supportsTransparent());
            fidelity.setValue(d.supportsInputFidelity());
            mask.setValue(d.supportsMask());
            streaming.setValue(d.supportsStreaming());
            customSizes.setValue(d.supportsCustomSizes());
            ratesEstimated.setValue(d.ratesEstimated());
            textIn.setValue(d.textIn());
            textInCached.setValue(d.textInCached());
            imageIn.setValue(d.imageIn());
            imageInCached.setValue(d.imageInCached());
            imageOut.setValue(d.imageOut());
            textOut.setValue(d.textOut());
            deprecatedFrom.setValue(d.deprecatedFrom());
            shutdownOn.setValue(d.shutdownOn());
            replacement.setValue(d.replacement() == null ? "" : d.replacement());
        }

        ModelDraft draft() {
            List<String> sizeList = Arrays.stream(sizes.getValue().split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
            List<String> qualityList = QUALITIES.stream().filter(qualities.getValue()::contains).toList();
            return new ModelDraft(id.getValue(), label.getValue(), enabled.getValue(), sizeList, qualityList,
                    maxImages.getValue(), maxReferences.getValue(), transparent.getValue(), fidelity.getValue(),
                    mask.getValue(), streaming.getValue(), textIn.getValue(), textInCached.getValue(),
                    imageIn.getValue(), imageInCached.getValue(), imageOut.getValue(), textOut.getValue(),
                    deprecatedFrom.getValue(), shutdownOn.getValue(), replacement.getValue(), ratesEstimated.getValue(),
                    customSizes.getValue());
        }

        private static BigDecimalField price(String label) {
            BigDecimalField field = new BigDecimalField(label);
            field.setPrefixComponent(new com.vaadin.flow.component.html.Span("$"));
            return field;
        }

        private static H4 section(String title) {
            H4 heading = new H4(title);
            heading.addClassName("form-section");
            return heading;
        }
    }

}
