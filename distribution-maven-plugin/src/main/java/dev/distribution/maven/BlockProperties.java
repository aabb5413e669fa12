package dev.distribution.maven;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Properties;

/**
 * Lets a user property override a value inside a format block: {@code -Ddistribution.raw.path=x}
 * sets {@code <raw><path>}. Maven binds user properties only to top-level goal parameters, so the
 * goals apply these overrides to their blocks themselves. Only text, boolean and integer fields are
 * overridable.
 */
final class BlockProperties {
    private BlockProperties() {}

    /**
     * Applies every {@code <prefix>.<field>} user property to the block's fields.
     *
     * @param block the bound block; a new instance of {@code type} when the POM has none
     * @param prefix the property prefix, such as {@code distribution.raw}
     * @return the block with overrides applied
     */
    static <T> T apply(T block, Class<T> type, String prefix, Properties properties) {
        T result = block;
        if (result == null) {
            try {
                var constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
                result = constructor.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot create " + type.getName(), e);
            }
        }
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            String value = properties.getProperty(prefix + "." + field.getName());
            if (value == null) {
                continue;
            }
            try {
                field.setAccessible(true);
                Class<?> fieldType = field.getType();
                if (fieldType == String.class) {
                    field.set(result, value);
                } else if (fieldType == Boolean.class || fieldType == boolean.class) {
                    field.set(result, value.isEmpty() || Boolean.parseBoolean(value));
                } else if (fieldType == Integer.class || fieldType == int.class) {
                    field.set(result, Integer.valueOf(value.trim()));
                }
            } catch (IllegalAccessException | NumberFormatException e) {
                throw new IllegalArgumentException(
                        "Invalid value '" + value + "' for user property " + prefix + "." + field.getName(), e);
            }
        }
        return result;
    }
}
