package studio.imgen.generate.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import studio.imgen.base.UserInputException;
import studio.imgen.base.ui.ImageUrls;
import studio.imgen.storage.UploadValidator;

/**
 * Paints an inpainting mask over a stored image: brush and eraser with an adjustable size, undo, clear and a preview
 * of the area that may change. The browser part is {@code /js/mask-painter.js}.
 *
 * <p>On Apply the browser encodes the mask at the image's natural size (painted pixels transparent, the rest opaque)
 * and POSTs the PNG to an upload handler owned by this dialog. That route was chosen over returning base64 from
 * {@code executeJs}: the bytes arrive as a plain request body that is read with a hard 4 MB cap while streaming,
 * instead of as one unbounded RPC message the server must hold in full before it can refuse it.
 *
 * <p>{@code onMaskPng} receives the PNG on the UI thread. It validates it (as uploads are) and may refuse it with a
 * {@link UserInputException}: the dialog then shows the message and stays open, so nothing painted is lost.
 */
public class MaskPainterDialog extends Dialog {

    static final int MIN_BRUSH = 5;
    static final int MAX_BRUSH = 120;
    static final int DEFAULT_BRUSH = 40;
    static final String NOTE =
            "GPT-Image masks guide the edit rather than guarantee it: the model may change other areas too.";

    private final int width;
    private final int height;
    private final Consumer<byte[]> onMaskPng;
    private final Div stage = new Div();
    private final Button brush = new Button("Brush", VaadinIcon.PAINTBRUSH.create());
    private final Button eraser = new Button("Eraser", VaadinIcon.ERASER.create());
    private final Input size = new Input();
    private final Span sizeValue = new Span();
    private final Button undo = new Button("Undo", VaadinIcon.ROTATE_LEFT.create());
    private final Button clear = new Button("Clear", VaadinIcon.TRASH.create());
    private final Checkbox preview = new Checkbox("Preview mask");
    private final Span error = new Span();
    private final Button apply = new Button("Apply mask");
    private String mode = "paint";

    public MaskPainterDialog(UUID imageId, int width, int height, Consumer<byte[]> onMaskPng) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image dimensions must be positive");
        }
        this.width = width;
        this.height = height;
        this.onMaskPng = Objects.requireNonNull(onMaskPng);
        addClassName("mask-painter");
        setHeaderTitle("Paint mask");
        setWidth("min(1100px, 96vw)");
        setCloseOnOutsideClick(false);
        setDraggable(false);

        Paragraph note = new Paragraph();
        note.add(VaadinIcon.INFO_CIRCLE_O.create(), new Span("Paint over the part that may change. " + NOTE));
        note.addClassName("mask-note");

        brush.addClickListener(e -> setMode("paint"));
        eraser.addClickListener(e -> setMode("erase"));
        Div modes = new Div(brush, eraser);
        modes.addClassName("mask-modes");

        size.setType("range");
        size.getElement().setAttribute("min", String.valueOf(MIN_BRUSH));
        size.getElement().setAttribute("max", String.valueOf(MAX_BRUSH));
        size.getElement().setAttribute("aria-label", "Brush size");
        size.setId("mask-brush-size");
        size.setValue(String.valueOf(DEFAULT_BRUSH));
        size.addValueChangeListener(e -> setBrushSize(parseSize(e.getValue())));
        NativeLabel sizeLabel = new NativeLabel("Size");
        sizeLabel.setFor(size);
        sizeValue.addClassName("mask-size-value");
        sizeValue.setText(DEFAULT_BRUSH + " px");
        Div sizeField = new Div(sizeLabel, size, sizeValue);
        sizeField.addClassName("mask-size");

        undo.addClickListener(e -> js("undo($0)"));
        undo.addClickShortcut(Key.KEY_Z, KeyModifier.CONTROL);
        undo.setTooltipText("Ctrl+Z");
        undo.setEnabled(false);
        clear.addClickListener(e -> js("clear($0)"));
        preview.addValueChangeListener(e -> js("setPreview($0, $1)", e.getValue()));
        for (Button tool : new Button[] {brush, eraser, undo, clear}) {
            tool.addThemeVariants(ButtonVariant.LUMO_SMALL);
        }
        Div toolbar = new Div(modes, sizeField, undo, clear, preview);
        toolbar.addClassName("mask-toolbar");

        Image image = new Image(ImageUrls.original(imageId), "Image to mask");
        image.addClassName("mask-image");
        stage.addClassName("mask-stage");
        stage.getStyle().set("--mask-aspect", width + " / " + height);
        stage.getElement().appendChild(new Element("canvas"));
        stage.add(image);
        stage.getElement().setAttribute("upload-target", new UploadHandler() {
            @Override
            public void handleUploadRequest(UploadEvent event) throws IOException {
                receiveUpload(event);
            }

            /** Flow recognises ".../upload" URLs as its own (their security key stands in for a CSRF token). */
            @Override
            public String getUrlPostfix() {
                return "upload";
            }
        });
        stage.getElement().addEventListener("mask-changed",
                e -> undo.setEnabled(e.getEventData().path("event.detail.undoable").booleanValue(false)))
                .addEventData("event.detail.undoable");

        error.addClassName("mask-error");
        error.setVisible(false);
        add(note, toolbar, stage, error);

        Button cancel = new Button("Cancel", e -> close());
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.addClickListener(e -> send());
        getFooter().add(cancel, apply);
        setMode("paint");
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        attachEvent.getUI().getPage().addJavaScript("/js/mask-painter.js");
        // Runs after the script has loaded: Flow loads eager dependencies before executing the response's calls.
        js("init($0, $1, $2, $3)", width, height, parseSize(size.getValue()));
        js("setMode($0, $1)", mode);
    }

    private void setMode(String chosen) {
        mode = chosen;
        boolean painting = "paint".equals(chosen);
        pressed(brush, painting);
        pressed(eraser, !painting);
        if (isAttached()) {
            js("setMode($0, $1)", chosen);
        }
    }

    private static void pressed(Button button, boolean on) {
        button.getElement().setAttribute("aria-pressed", String.valueOf(on));
        if (on) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        } else {
            button.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
    }

    private void setBrushSize(int pixels) {
        sizeValue.setText(pixels + " px");
        js("setSize($0, $1)", pixels);
    }

    private static int parseSize(String value) {
        try {
            return Math.max(MIN_BRUSH, Math.min(MAX_BRUSH, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            return DEFAULT_BRUSH;
        }
    }

    private void send() {
        apply.setEnabled(false);
        apply.setText("Applying…");
        error.setVisible(false);
        stage.getElement().executeJs("return window.studioMaskPainter.send(this)")
                .then(ignored -> { }, failure -> {
                    showError("The mask could not be sent. Check your connection and try again.");
                    ready();
                });
    }

    private void receiveUpload(UploadEvent event) throws IOException {
        byte[] png;
        try (InputStream in = event.getInputStream()) {
            png = in.readNBytes(UploadValidator.MASK_MAX_BYTES + 1);
        }
        event.getUI().access(() -> {
            if (png.length > UploadValidator.MASK_MAX_BYTES) {
                showError("The mask is too large. Masks must be smaller than 4,000,000 bytes.");
                ready();
            } else {
                receive(png);
            }
        });
    }

    /** The painted mask arrived: hand it on, and close unless it was refused. */
    void receive(byte[] png) {
        try {
            onMaskPng.accept(png);
            close();
        } catch (UserInputException refused) {
            showError(refused.getMessage());
            ready();
        }
    }

    private void ready() {
        apply.setEnabled(true);
        apply.setText("Apply mask");
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private void js(String call, java.io.Serializable... arguments) {
        java.io.Serializable[] withStage = new java.io.Serializable[arguments.length + 1];
        withStage[0] = stage.getElement();
        System.arraycopy(arguments, 0, withStage, 1, arguments.length);
        stage.getElement().executeJs("window.studioMaskPainter && window.studioMaskPainter." + call, withStage);
    }
}
