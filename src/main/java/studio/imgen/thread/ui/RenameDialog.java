package studio.imgen.thread.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import studio.imgen.base.UserInputException;
import studio.imgen.base.ui.Notifications;

/** Renames a thread; a refused name keeps the dialog open with the text as typed. */
class RenameDialog extends Dialog {

    RenameDialog(String current, Consumer<String> onSave) {
        setHeaderTitle("Rename thread");
        TextField name = new TextField("Name");
        name.setValue(current);
        name.setMaxLength(200);
        name.setWidthFull();
        name.setAutoselect(true);
        add(name);
        Button save = new Button("Rename", e -> {
            try {
                onSave.accept(name.getValue());
                close();
            } catch (UserInputException refused) {
                Notifications.error(refused.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        getFooter().add(new Button("Cancel", e -> close()), save);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                name.focus();
            }
        });
    }
}
