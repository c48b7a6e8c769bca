package studio.imgen.admin.ui;

import studio.imgen.base.ui.Actions;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import studio.imgen.admin.RetentionSettings;
import studio.imgen.base.ui.Notifications;

/** How long the workspace keeps images: 0 keeps them forever; anything else deletes older images every hour. */
class RetentionCard extends Div {

    private final IntegerField days = new IntegerField("Delete images older than");

    RetentionCard(RetentionSettings retention, Runnable onChange) {
        addClassName("admin-card");
        addClassName("retention-card");
        days.addClassName("retention-field");
        days.setMin(0);
        days.setMax(RetentionSettings.MAX_DAYS);
        days.setStepButtonsVisible(true);
        days.setSuffixComponent(new Span("days"));

        Button save = new Button("Save retention", e -> {
            Integer value = days.getValue();
            if (value == null || days.isInvalid()) {
                Notifications.error("Enter a number of days from 0 (keep images forever) to 36,500.");
                return;
            }
            Actions.report(() -> retention.setDays(value), onChange);
        });

        Paragraph intro = new Paragraph("Older images and their thumbnails are deleted for good, for every member."
                + " The audit log keeps its entries and shows \"Image expired\" where an image was.");
        intro.addClassName("hint");
        // No helper text under the field: the button lines up with the field's box, the hint sits below both.
        Div row = new Div(days, save);
        row.addClassName("retention-row");
        Span forever = new Span("0 keeps images forever.");
        forever.addClassName("hint");
        add(new H3("Retention"), intro, row, forever);
    }

    void show(int current) {
        days.setValue(current);
    }
}
