package studio.imgen.generate.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import studio.imgen.access.Choice;
import studio.imgen.generate.GenerateForm;
import studio.imgen.generate.GenerateForm.ModelOption;
import studio.imgen.generate.GenerationDetails;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.ImageOptions;
import studio.imgen.storage.PendingUploads;
import studio.imgen.storage.Thumbnails;

/**
 * Every knob of a generation. Offers only what the service says the member may use for the chosen model; the
 * advanced options keep their combinations valid themselves ({@link AdvancedOptions}).
 */
class GenerateFormPanel extends Div {

    private final Function<String, GenerateForm> formLoader;
    private final TextArea prompt = new TextArea("Prompt");
    private final Select<ModelOption> model = new Select<>();
    private final Span modelWarning = new Span();
    private final Select<Choice> size = new Select<>();
    private final CustomSizeField customSize = new CustomSizeField();
    private final Select<Choice> quality = new Select<>();
    private final IntegerField count = new IntegerField("Images");
    private final AdvancedOptions advanced = new AdvancedOptions();
    private final ReferencePicker references;
    private final MaskPicker maskPicker;
    private final Button submit = new Button("Generate");
    private GenerateForm form;
    private boolean applying;

    GenerateFormPanel(Function<String, GenerateForm> formLoader, PendingUploads pendingUploads, Thumbnails thumbnails,
                      MaskPicker maskPicker,
                      Consumer<GenerationRequest> onSubmit) {
        this.formLoader = formLoader;
        this.maskPicker = maskPicker;
        addClassName("generate-form");
        references = new ReferencePicker(pendingUploads, thumbnails, this::updateDependentFields);

        prompt.setMaxLength(GenerationRequest.MAX_PROMPT);
        prompt.setPlaceholder("Describe the image: subject, style, light, composition…");
        prompt.setValueChangeMode(ValueChangeMode.TIMEOUT);
        prompt.setValueChangeTimeout(250);
        prompt.addValueChangeListener(e -> updateCounter());
        prompt.setWidthFull();
        prompt.addClassName("prompt");
        updateCounter();

        model.setLabel("Model");
        model.setItemLabelGenerator(ModelOption::label);
        model.addValueChangeListener(e -> {
            if (!applying && e.getValue() != null) {
                apply(formLoader.apply(e.getValue().id()), true);
            }
        });
        modelWarning.addClassName("model-warning");
        size.setLabel("Size");
        size.setItemLabelGenerator(Choice::label);
        size.addValueChangeListener(e -> customSize.setVisible(CustomSizeField.CUSTOM.equals(e.getValue())));
        quality.setLabel("Quality");
        quality.setItemLabelGenerator(Choice::label);
        count.setMin(1);
        count.setStepButtonsVisible(true);
        count.setValue(1);

        Div main = new Div(model, size, quality, count);
        main.addClassName("form-row");

        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        submit.addClickShortcut(Key.ENTER, KeyModifier.CONTROL);
        submit.setTooltipText("Ctrl+Enter");
        submit.setDisableOnClick(true);
        submit.addClickListener(e -> {
            if (customSize.isVisible() && !customSize.validate()) {
                submit.setEnabled(true);
                return;
            }
            onSubmit.accept(request());
        });
        submit.addClassName("generate-button");

        add(prompt, main, customSize, modelWarning, references, maskPicker, advanced, submit);
    }

    /** Shows the options from the service; keeps the member's current choices when they are still allowed. */
    void apply(GenerateForm updated, boolean keepChoices) {
        applying = true;
        try {
            this.form = updated;
            Choice chosenSize = keepChoices ? size.getValue() : null;
            Choice chosenQuality = keepChoices ? quality.getValue() : null;
            model.setItems(updated.models());
            updated.selectedModel().ifPresent(model::setValue);
            List<Choice> sizes = CustomSizeField.sizesOf(updated);
            size.setItems(sizes);
            size.setValue(pick(sizes, chosenSize, updated.size()));
            customSize.setMaxPixels(updated.customSizeMaxPixels());
            quality.setItems(updated.qualities());
            quality.setValue(pick(updated.qualities(), chosenQuality, updated.quality()));
            if (!keepChoices) {
                advanced.showDefaults(updated.outputFormat(), updated.background());
            }
            updated.selectedModel().ifPresent(m -> {
                count.setMax(m.maxImages());
                count.setHelperText("1 to " + m.maxImages());
                references.setMaxFiles(m.maxReferenceImages());
            });
            Optional<String> warning = updated.selectedModel().flatMap(ModelOption::warning);
            modelWarning.setText(warning.orElse(""));
            modelWarning.setVisible(warning.isPresent());
            updateDependentFields();
        } finally {
            applying = false;
        }
    }

    /** Fills the form from an earlier generation ("Reuse settings"). */
    void reuse(GenerationDetails earlier) {
        if (form == null) {
            return;
        }
        prompt.setValue(earlier.prompt());
        ImageOptions options = earlier.options();
        form.models().stream().filter(m -> m.id().equals(options.model())).findFirst().ifPresent(m -> {
            if (!m.equals(model.getValue())) {
                apply(formLoader.apply(m.id()), false);
            }
        });
        size.getListDataView().getItems().filter(c -> c.value().equals(options.size())).findFirst()
                .ifPresentOrElse(size::setValue, () -> {
                    if (form.customSizeMaxPixels() > 0) {
                        size.setValue(CustomSizeField.CUSTOM);
                        customSize.show(options.size());
                    }
                });
        quality.getListDataView().getItems().filter(c -> c.value().equals(options.quality())).findFirst()
                .ifPresent(quality::setValue);
        count.setValue(options.n());
        advanced.reuse(options);
        prompt.focus();
    }

    void setSubmitEnabled(boolean enabled, String reason) {
        submit.setEnabled(enabled);
        submit.setTooltipText(enabled ? "Ctrl+Enter" : reason);
    }

    void submitted() {
        references.clear();
    }

    private GenerationRequest request() {
        ImageOptions options = advanced.chosen(ImageOptions.DEFAULTS
                .withModel(model.getValue() == null ? null : model.getValue().id())
                .withSize(chosenSize())
                .withQuality(quality.getValue() == null ? null : quality.getValue().value())
                .withN(count.getValue()), !references.isEmpty());
        return GenerationRequest.of(prompt.getValue(), options).withReferences(references.uploads())
                .withMask(maskPicker.mask());
    }

    private String chosenSize() {
        if (CustomSizeField.CUSTOM.equals(size.getValue())) {
            return customSize.value().orElse(null);
        }
        return size.getValue() == null ? null : size.getValue().value();
    }

    private void updateDependentFields() {
        Optional<ModelOption> selected = form == null ? Optional.empty() : form.selectedModel();
        boolean withReferences = !references.isEmpty();
        advanced.adapt(selected.map(ModelOption::supportsTransparent).orElse(false),
                selected.map(ModelOption::supportsInputFidelity).orElse(false), withReferences);
        submit.setText(withReferences ? "Edit with references" : "Generate");
        maskPicker.setTarget(maskTarget());
    }

    /** On Generate the mask applies to the first uploaded reference (stored images are edited in threads). */
    private MaskPicker.Target maskTarget() {
        return references.files().isEmpty() ? null : new MaskPicker.Target.Uploaded(references.files().get(0));
    }

    private void updateCounter() {
        prompt.setHelperText(NumberFormat.getIntegerInstance(Locale.ENGLISH).format(prompt.getValue().length())
                + " / 32,000 characters · Ctrl+Enter to generate");
    }

    private static Choice pick(List<Choice> options, Choice current, String preselected) {
        if (current != null && options.contains(current)) {
            return current;
        }
        return options.stream().filter(c -> Objects.equals(c.value(), preselected)).findFirst()
                .orElse(options.isEmpty() ? null : options.get(0));
    }
}
