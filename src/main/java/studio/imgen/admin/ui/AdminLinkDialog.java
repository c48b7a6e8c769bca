package studio.imgen.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import studio.imgen.workspace.CreatedInvitation;
import studio.imgen.base.ui.Notifications;

/** Shows a new admin invitation link once, ready to copy: only its hash is stored, so it cannot be shown again. */
class AdminLinkDialog extends Dialog {

    AdminLinkDialog(String title, CreatedInvitation invitation) {
        this(title, invitation.message(), invitation.link());
    }

    AdminLinkDialog(String title, String message, String linkText) {
        setHeaderTitle(title);
        addClassNames("admin-dialog", "invitation-dialog");
        TextField link = new TextField("Link");
        link.setValue(linkText);
        link.setReadOnly(true);
        link.setWidthFull();
        link.addClassName("invitation-link");
        link.addFocusListener(e -> link.getElement().executeJs("this.inputElement.select()"));
        Paragraph text = new Paragraph(message);
        text.addClassName("invitation-message");
        Div body = new Div(text, link);
        body.addClassName("dialog-fields");
        add(body);
        Button copy = new Button("Copy link", VaadinIcon.COPY.create(), e -> link.getElement()
                .executeJs("return navigator.clipboard ? navigator.clipboard.writeText($0).then(() => true) : false",
                        linkText)
                .then(Boolean.class, copied -> {
                    if (Boolean.TRUE.equals(copied)) {
                        Notifications.success("Link copied.");
                    } else {
                        Notifications.info("Select the link and copy it.");
                    }
                }));
        copy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Done", e -> close()), copy);
    }
}
