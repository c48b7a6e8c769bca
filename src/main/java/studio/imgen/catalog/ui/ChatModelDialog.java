package studio.imgen.catalog.ui;

import studio.imgen.base.Notice;
import studio.imgen.base.ui.DialogForm;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Function;
import studio.imgen.catalog.ChatModelDraft;

/** Adds or edits a chat model; the service validates and answers with one sentence per problem. */
class ChatModelDialog extends DialogForm {

    ChatModelDialog(ChatModelDraft current, Function<ChatModelDraft, Notice> save, Runnable afterSuccess) {
        this(current == null ? ChatModelDraft.blank() : current, current == null, save, afterSuccess, new Fields());
    }

    private ChatModelDialog(ChatModelDraft d, boolean isNew, Function<ChatModelDraft, Notice> save,
                            Runnable afterSuccess, Fields f) {
        super(isNew ? "Add a chat model" : "Edit " + d.label(), isNew ? "Add chat model" : "Save",
                () -> save.apply(f.draft()), afterSuccess, f.layout(isNew));
        addClassName("model-dialog");
        f.show(d, isNew);
    }

    private static final class Fields {
        final TextField id = new TextField("Model id");
        final TextField label = new TextField("Label");
        final Checkbox enabled = new Checkbox("Enabled (offered for conversations unless shut down)");
        final Checkbox imageTool = new Checkbox("Can call the image generation tool");
        final DatePicker deprecatedFrom = new DatePicker("Deprecated from");
        final DatePicker shutdownOn = new DatePicker("Shuts down on");
        final TextField replacement = new TextField("Replacement model id");

        FormLayout layout(boolean isNew) {
            id.setPlaceholder("gpt-5.4-mini");
            id.setHelperText(isNew ? "Exactly as OpenAI lists it." : "The id cannot change.");
            imageTool.setHelperText("Only models OpenAI documents as able to call the tool drive conversation turns.");
            shutdownOn.setHelperText("From this day turns use the replacement instead.");
            replacement.setHelperText("Another chat model; workspaces move to it on the shutdown date.");
            FormLayout form = new FormLayout();
            form.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("32em", 2));
            form.add(id, label);
            form.add(enabled, 2);
            form.add(imageTool, 2);
            form.add(deprecatedFrom, shutdownOn, replacement);
            form.addClassName("model-form");
            return form;
        }

        void show(ChatModelDraft d, boolean isNew) {
            id.setValue(d.id());
            id.setReadOnly(!isNew);
            label.setValue(d.label());
            enabled.setValue(d.enabled());
            imageTool.setValue(d.supportsImageTool());
            deprecatedFrom.setValue(d.deprecatedFrom());
            shutdownOn.setValue(d.shutdownOn());
            replacement.setValue(d.replacement() == null ? "" : d.replacement());
        }

        ChatModelDraft draft() {
            return new ChatModelDraft(id.getValue(), label.getValue(), enabled.getValue(), imageTool.getValue(),
                    deprecatedFrom.getValue(), shutdownOn.getValue(), replacement.getValue());
        }
    }
}
