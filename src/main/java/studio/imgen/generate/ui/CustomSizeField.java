package studio.imgen.generate.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import studio.imgen.access.Choice;
import studio.imgen.catalog.CustomSize;
import studio.imgen.generate.GenerateForm;

/**
 * Width and height of a custom size ("Custom…" in a size picker), checked as the member types against OpenAI's rules
 * and the member's custom-size cap, with one sentence saying what to change. The server checks the same again.
 */
public class CustomSizeField extends Div {

    /** The size pickers' entry that shows these fields. */
    public static final Choice CUSTOM = new Choice("custom", "Custom…");

    private final IntegerField width = side("Width");
    private final IntegerField height = side("Height");
    private final Span note = new Span();
    private long maxPixels;

    public CustomSizeField() {
        addClassName("custom-size");
        note.addClassName("custom-size-note");
        note.getElement().setAttribute("aria-live", "polite");
        Span times = new Span("×");
        add(width, times, height, note);
        width.addValueChangeListener(e -> check());
        height.addValueChangeListener(e -> check());
        setVisible(false);
    }

    /** The form's listed sizes, and "Custom…" when the model takes custom sizes and the member's roles allow some. */
    public static List<Choice> sizesOf(GenerateForm form) {
        if (form.customSizeMaxPixels() == 0) {
            return form.sizes();
        }
        List<Choice> sizes = new ArrayList<>(form.sizes());
        sizes.add(CUSTOM);
        return sizes;
    }

    /** The largest custom size the member may ask for, in pixels. */
    public void setMaxPixels(long maxPixels) {
        this.maxPixels = maxPixels;
        check();
    }

    /** Fills the fields from "1536x864" (e.g. reusing an earlier generation's settings). */
    public void show(String size) {
        CustomSize.parse(size).ifPresent(s -> {
            width.setValue(s.width());
            height.setValue(s.height());
        });
    }

    /** The size to send, when the fields hold one the member may ask for. */
    public Optional<String> value() {
        return problem().isEmpty() ? Optional.of(new CustomSize(width.getValue(), height.getValue()).value())
                : Optional.empty();
    }

    /** Shows what is wrong, if anything; @return whether the fields hold a size the member may ask for */
    public boolean validate() {
        check();
        return problem().isEmpty();
    }

    private void check() {
        if (width.isEmpty() && height.isEmpty()) {
            width.setInvalid(false);
            height.setInvalid(false);
            note.setText("Both sides multiples of 16, from 1:3 to 3:1, up to " + limit() + ".");
            return;
        }
        Optional<String> problem = problem();
        width.setInvalid(problem.isPresent());
        height.setInvalid(problem.isPresent());
        note.setText(problem.orElseGet(() -> {
            CustomSize size = new CustomSize(width.getValue(), height.getValue());
            return size.value() + " · " + CustomSize.pixels(size.pixels()) + " pixels"
                    + (size.experimental() ? " · above 2560x1440 OpenAI marks results as experimental" : "");
        }));
        note.getElement().setAttribute("data-invalid", String.valueOf(problem.isPresent()));
    }

    private Optional<String> problem() {
        Optional<String> problem = CustomSize.problem(width.getValue(), height.getValue());
        if (problem.isPresent()) {
            return problem;
        }
        long pixels = (long) width.getValue() * height.getValue();
        return pixels > maxPixels ? Optional.of("Your role allows custom sizes up to " + limit() + "; this is "
                + CustomSize.pixels(pixels) + " pixels.") : Optional.empty();
    }

    private String limit() {
        return maxPixels >= CustomSize.MAX_PIXELS ? "3840x2160" : CustomSize.pixels(maxPixels) + " pixels";
    }

    private static IntegerField side(String label) {
        // No min, max or step on the field: one rule (CustomSize) says what is wrong, in one sentence.
        IntegerField field = new IntegerField(label);
        field.setValueChangeMode(ValueChangeMode.EAGER);
        field.setSuffixComponent(new Span("px"));
        return field;
    }
}
