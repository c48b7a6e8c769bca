package studio.imgen.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import java.util.function.Supplier;
import studio.imgen.base.Notice;
import studio.imgen.base.UserInputException;

/**
 * A dialog with a form, an inline error line and Save/Cancel. Save runs the action; a {@link UserInputException}
 * keeps the dialog open with its sentence, success closes it and reports the service's notice in its own tone (a
 * save that changed nothing is information, not a success).
 */
public class DialogForm extends Dialog {

    private final Div error = new Div();
    private final Button save;
    private final Runnable afterSuccess;

    /** A save action whose outcome says its own tone. */
    @FunctionalInterface
    public interface Save {
        Notice run();
    }

    /** A form whose save reports a success message. */
    public DialogForm(String title, String saveLabel, Supplier<String> action, Runnable afterSuccess, Component... fields) {
        this(title, saveLabel, (Save) () -> Notice.success(action.get()), afterSuccess, fields);
    }

    public DialogForm(String title, String saveLabel, Save action, Runnable afterSuccess, Component... fields) {
        this.afterSuccess = afterSuccess;
        setHeaderTitle(title);
        addClassName("admin-dialog");
        error.addClassName("form-error");
        error.setVisible(false);
        Div body = new Div(fields);
        body.addClassName("dialog-fields");
        add(error, body);
        save = new Button(saveLabel, e -> beforeSave(() -> save(action)));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, save);
    }

    public Button saveButton() {
        return save;
    }

    /** A form that must ask something before saving overrides this; {@code save} runs the form's own action. */
    protected void beforeSave(Runnable save) {
        save.run();
    }

    /** Runs a save action: success closes the dialog and reports, a refusal stays in the dialog. */
    protected void save(Save action) {
        try {
            Notice notice = action.run();
            close();
            Notifications.show(notice);
            afterSuccess.run();
        } catch (UserInputException ex) {
            error.setText(ex.getMessage());
            error.setVisible(true);
        }
    }
}
