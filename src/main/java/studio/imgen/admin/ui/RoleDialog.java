package studio.imgen.admin.ui;

import studio.imgen.base.ui.DialogForm;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.Map;
import studio.imgen.access.RoleAccessService;
import studio.imgen.workspace.WorkspaceRole;

/** Create a role or change its name and colour. */
final class RoleDialog {

    /** The colours offered; the service accepts any {@code #rrggbb}. */
    static final Map<String, String> PALETTE = palette();

    private RoleDialog() {
    }

    static DialogForm create(RoleAccessService service, Runnable onSaved) {
        TextField name = nameField(null);
        Select<String> colour = colourField("#2563eb");
        return new DialogForm("New role", "Create role", () -> service.createRole(name.getValue(), colour.getValue()),
                onSaved, name, colour);
    }

    static DialogForm edit(RoleAccessService service, WorkspaceRole role, Runnable onSaved) {
        TextField name = nameField(role.name());
        Select<String> colour = colourField(role.colour());
        return new DialogForm("Edit role", "Save role",
                () -> service.updateRole(role.id(), name.getValue(), colour.getValue()), onSaved, name, colour);
    }

    private static TextField nameField(String value) {
        TextField name = new TextField("Name");
        name.setMaxLength(50);
        name.setWidthFull();
        if (value != null) {
            name.setValue(value);
        }
        return name;
    }

    private static Select<String> colourField(String value) {
        Select<String> colour = new Select<>();
        colour.setLabel("Colour");
        Map<String, String> options = new LinkedHashMap<>(PALETTE);
        options.putIfAbsent(value, value);
        colour.setItems(options.keySet());
        colour.setRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(hex -> {
            Span swatch = new Span();
            swatch.addClassName("colour-swatch");
            swatch.getStyle().set("--role-colour", hex);
            Span label = new Span(options.get(hex));
            return new Span(swatch, label);
        }));
        colour.setItemLabelGenerator(options::get);
        colour.setValue(value);
        colour.setWidthFull();
        return colour;
    }

    private static Map<String, String> palette() {
        Map<String, String> palette = new LinkedHashMap<>();
        palette.put("#2563eb", "Blue");
        palette.put("#16a34a", "Green");
        palette.put("#d97706", "Amber");
        palette.put("#dc2626", "Red");
        palette.put("#9333ea", "Purple");
        palette.put("#db2777", "Pink");
        palette.put("#0d9488", "Teal");
        palette.put("#64748b", "Slate");
        return palette;
    }
}
