package studio.imgen.thread.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import studio.imgen.access.Choice;
import studio.imgen.base.ui.CooldownCountdown;
import studio.imgen.generate.GenerationService;
import studio.imgen.generate.ModelGone;
import studio.imgen.generate.GenerateForm;
import studio.imgen.generate.GenerateForm.ModelOption;
import studio.imgen.generate.GenerationDetails;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.catalog.CustomSize;
import studio.imgen.catalog.OutputFormat;
import studio.imgen.generate.ImageOptions;
import studio.imgen.generate.ui.CustomSizeField;
import studio.imgen.generate.ui.MaskPicker;
import studio.imgen.thread.TurnRequest;

/**
 * The edit prompt with model, size, quality and output format. It offers only what the member's role and the chosen
 * model allow (the same form the Generate view gets from the service) and starts from the previous turn's settings
 * where they are still allowed. {@link #tools()} is the slot next to the prompt for further editing tools.
 */
class TurnInputBar extends Div {

    private final Function<String, GenerateForm> formLoader;
    private final TextArea prompt = new TextArea();
    private final Select<ModelOption> model = new Select<>();
    private final Select<Choice> size = new Select<>();
    private final CustomSizeField customSize = new CustomSizeField();
    private final Select<Choice> quality = new Select<>();
    private final Select<OutputFormat> format = new Select<>();
    private final Div tools = new Div();
    private final Div blocked = new Div();
    private final Div modelGone = new Div();
    private Function<String, Optional<ModelGone>> retired = id -> Optional.empty();
    private final CooldownCountdown countdown;
    private final Button send;
    private final MaskPicker maskPicker;
    private GenerateForm form;
    private boolean applying;
    private boolean busy;

    TurnInputBar(Function<String, GenerateForm> formLoader, MaskPicker maskPicker, String sendLabel,
                 Consumer<TurnRequest> onSend, Clock clock) {
        this.formLoader = formLoader;
        this.maskPicker = maskPicker;
        this.countdown = new CooldownCountdown(clock);
        addClassName("turn-input");
        prompt.setPlaceholder("Describe the change: “make it night”, “add a red scarf”…");
        prompt.setAriaLabel("Edit prompt");
        prompt.setMaxLength(GenerationRequest.MAX_PROMPT);
        prompt.setWidthFull();
        prompt.addClassName("turn-prompt");
        model.setAriaLabel("Model");
        model.setItemLabelGenerator(ModelOption::label);
        model.addValueChangeListener(e -> {
            if (!applying && e.getValue() != null) {
                apply(formLoader.apply(e.getValue().id()));
            }
        });
        size.setAriaLabel("Size");
        size.addClassName("turn-size");
        size.setItemLabelGenerator(Choice::label);
        size.addValueChangeListener(e -> customSize.setVisible(CustomSizeField.CUSTOM.equals(e.getValue())));
        quality.setAriaLabel("Quality");
        quality.setItemLabelGenerator(Choice::label);
        format.setAriaLabel("Output format");
        format.setItems(OutputFormat.values());
        format.setItemLabelGenerator(OutputFormat::label);
        send = new Button(sendLabel, VaadinIcon.PAPERPLANE.create(), e -> {
            if (customSize.isVisible() && !customSize.validate()) {
                updateEnabled();
                return;
            }
            onSend.accept(request());
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(prompt);
        send.setTooltipText("Ctrl+Enter");
        send.setDisableOnClick(true);
        send.addClassName("turn-send");
        tools.addClassName("turn-tools");
        tools.add(maskPicker);
        blocked.addClassName("turn-blocked");
        blocked.setVisible(false);
        Div options = new Div(model, size, quality, format);
        options.addClassName("turn-options");
        Div promptRow = new Div(prompt, tools, send);
        promptRow.addClassName("turn-prompt-row");
        modelGone.addClassName("turn-model-gone");
        modelGone.setVisible(false);
        add(blocked, modelGone, promptRow, countdown, options, customSize);
        apply(formLoader.apply(null));
    }

    /** Where tools that act on the current image sit, next to the prompt. */
    Div tools() {
        return tools;
    }

    /** Tells the bar how to learn that a previous turn's model was shut down, and what replaces it. */
    void whenModelGone(Function<String, Optional<ModelGone>> lookup) {
        this.retired = lookup;
    }

    /**
     * The previous turn's model, size, quality and format, where the member may still use them. A model shut down
     * since is replaced by its successor, with "That model is no longer available. Use … instead." above the prompt.
     */
    void prefill(GenerationDetails from) {
        if (form == null || form.blocked().isPresent()) {
            return;
        }
        modelGone.setVisible(false);
        if (form.models().stream().noneMatch(m -> m.id().equals(from.options().model()))) {
            retired.apply(from.options().model()).ifPresent(gone -> {
                gone.replacementId().filter(id -> form.models().stream().anyMatch(m -> m.id().equals(id)))
                        .filter(id -> model.getValue() == null || !model.getValue().id().equals(id))
                        .ifPresent(id -> apply(formLoader.apply(id)));
                modelGone.removeAll();
                modelGone.add(VaadinIcon.INFO_CIRCLE.create(), new Span(gone.message()));
                modelGone.setVisible(true);
            });
        }
        form.models().stream().filter(m -> m.id().equals(from.options().model())).findFirst().ifPresent(m -> {
            if (!m.equals(model.getValue())) {
                apply(formLoader.apply(m.id()));
            }
        });
        select(size, from.options().size());
        if (form.customSizeMaxPixels() > 0 && CustomSize.parse(from.options().size()).isPresent()
                && form.sizes().stream().noneMatch(c -> c.value().equals(from.options().size()))) {
            size.setValue(CustomSizeField.CUSTOM);
            customSize.show(from.options().size());
        }
        select(quality, from.options().quality());
        format.setValue(from.options().outputFormat());
    }

    /** "Reuse settings": the earlier turn's prompt as well as its options. */
    void reuse(GenerationDetails from) {
        prefill(from);
        prompt.setValue(from.prompt());
        prompt.focus();
    }

    /** While a turn runs the input waits; the text typed so far stays. When it ends, the cooldown it started shows. */
    void setBusy(boolean running) {
        boolean finished = busy && !running;
        this.busy = running;
        if (finished) {
            reload();
        } else {
            updateEnabled();
        }
    }

    /** The member's cooldown is being counted down: the view keeps the page ticking meanwhile. */
    boolean coolingDown() {
        return countdown.running();
    }

    /** The image the next turn edits: a mask is painted or uploaded for it. */
    void editing(MaskPicker.Target image) {
        maskPicker.setTarget(image);
    }

    void sent() {
        reload();
        prompt.clear();
        maskPicker.clear();
    }

    /** After a refused send: everything stays as typed. */
    void refused() {
        updateEnabled();
    }

    void focus() {
        prompt.focus();
    }

    private void apply(GenerateForm updated) {
        applying = true;
        try {
            form = updated;
            // The first reason the server would give (imgen-behaviour.md §3.5): the key before the role.
            Optional<String> reason = !updated.keyConfigured() ? Optional.of(GenerationService.NO_KEY)
                    : updated.blocked().or(updated::waitMessage);
            reason.ifPresent(blocked::setText);
            blocked.setVisible(reason.isPresent());
            if (reason.isEmpty() && updated.waitUntil().isPresent()) {
                countdown.start(updated.waitUntil().get(), this::reload);
            } else {
                countdown.stop();
            }
            Choice keptSize = size.getValue();
            Choice keptQuality = quality.getValue();
            model.setItems(updated.models());
            updated.selectedModel().ifPresent(model::setValue);
            List<Choice> sizes = CustomSizeField.sizesOf(updated);
            size.setItems(sizes);
            size.setValue(pick(sizes, keptSize, updated.size()));
            customSize.setMaxPixels(updated.customSizeMaxPixels());
            quality.setItems(updated.qualities());
            quality.setValue(pick(updated.qualities(), keptQuality, updated.quality()));
            if (format.getValue() == null) {
                format.setValue(updated.outputFormat());
            }
            updateEnabled();
        } finally {
            applying = false;
        }
    }

    private void updateEnabled() {
        boolean usable = form != null && form.blocked().isEmpty() && form.keyConfigured();
        boolean waiting = form != null && (form.waitMessage().isPresent() || countdown.running());
        prompt.setEnabled(!busy && usable);
        send.setEnabled(!busy && usable && !waiting);
        send.setTooltipText(busy ? "Wait for the current turn to finish"
                : waiting ? "Wait for the cooldown to end" : "Ctrl+Enter");
    }

    /** The form again from the server, keeping the chosen model: after a turn, and when a cooldown ends. */
    private void reload() {
        apply(formLoader.apply(model.getValue() == null ? null : model.getValue().id()));
    }

    private TurnRequest request() {
        ImageOptions options = ImageOptions.DEFAULTS
                .withModel(model.getValue() == null ? null : model.getValue().id())
                .withSize(CustomSizeField.CUSTOM.equals(size.getValue()) ? customSize.value().orElse(null)
                        : size.getValue() == null ? null : size.getValue().value())
                .withQuality(quality.getValue() == null ? null : quality.getValue().value())
                .withOutputFormat(format.getValue());
        return TurnRequest.of(prompt.getValue(), options).withMask(maskPicker.mask());
    }

    private static void select(Select<Choice> select, String value) {
        select.getListDataView().getItems().filter(c -> c.value().equals(value)).findFirst().ifPresent(select::setValue);
    }

    private static Choice pick(List<Choice> options, Choice kept, String preselected) {
        if (kept != null && options.contains(kept)) {
            return kept;
        }
        return options.stream().filter(c -> c.value().equals(preselected)).findFirst()
                .orElse(options.isEmpty() ? null : options.get(0));
    }
}
