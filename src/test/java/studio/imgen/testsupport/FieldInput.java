package studio.imgen.testsupport;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.internal.AbstractFieldSupport;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Karibu's {@code _setValue} for Vaadin 25.2: a user types or picks a value. Karibu 2.6.2 calls the four-argument
 * {@code AbstractFieldSupport.setValue} of Vaadin 25.1, which 25.2 dropped again; Karibu 2.7 follows 25.2 but is not
 * served here. Same semantics as Karibu's: the field must be visible, enabled and editable, the value goes through
 * the field's own value logic, and the change event says it came from the client.
 */
public final class FieldInput {

    private static final Field FIELD_SUPPORT;
    private static final Method SET_VALUE;

    static {
        try {
            FIELD_SUPPORT = AbstractField.class.getDeclaredField("fieldSupport");
            FIELD_SUPPORT.setAccessible(true);
            // setValue(value, fromInternal, fromClient)
            SET_VALUE = AbstractFieldSupport.class.getDeclaredMethod("setValue", Object.class, boolean.class, boolean.class);
            SET_VALUE.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private FieldInput() {
    }

    /** Sets the value as the user would; fails if the user could not (hidden, disabled or read-only). */
    public static <V> void _setValue(HasValue<?, V> field, V value) {
        BasicUtilsKt._expectEditableByUser((Component) field);
        if (!(field instanceof AbstractField<?, ?>)) {
            throw new IllegalArgumentException("Not an AbstractField (neither is Karibu's _setValue for it): " + field);
        }
        try {
            SET_VALUE.invoke(FIELD_SUPPORT.get(field), value, false, true);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
