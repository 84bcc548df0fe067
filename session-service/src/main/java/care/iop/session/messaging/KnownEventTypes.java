package care.iop.session.messaging;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;

import care.iop.events.EventTypes;

/** Every type declared in {@link EventTypes}: a known type this service does not handle is skipped, not dead-lettered. */
final class KnownEventTypes {
    private static final Set<String> ALL = load();

    private KnownEventTypes() {
    }

    static boolean contains(String type) {
        return ALL.contains(type);
    }

    private static Set<String> load() {
        Set<String> types = new HashSet<>();
        for (Field field : EventTypes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    types.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Set.copyOf(types);
    }
}
