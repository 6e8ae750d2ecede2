package kelvin.experiments.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kelvin.api.Component;
import kelvin.api.Context;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.ValueType;
import kelvin.experiments.config.Binder;
import kelvin.experiments.config.Registry;

/**
 * The forms of the schedule explorer, read from the schedules' declarations in the registry (the
 * ones validation, {@code kelvin list} and the JSON Schema read), so a plug-in's schedule gets its
 * form like a built-in.
 */
final class ScheduleForms {
    private ScheduleForms() {
    }

    /**
     * Every schedule of the registry with its keys.
     *
     * @param registry the built-ins and the lab's plug-ins
     * @return per schedule: name, summary, source, origin and the keys' fields
     */
    static List<Map<String, Object>> schedules(Registry registry) {
        Binder words = new Binder(registry, Context.NONE);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Registry.Entry e : registry.all(Kind.SCHEDULE)) {
            Component<?> c = e.component();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("summary", c.summary());
            m.put("source", c.source());
            m.put("plugin", e.plugin());
            m.put("keys", fields(c.keys(), words));
            out.add(m);
        }
        return out;
    }

    private static List<Map<String, Object>> fields(List<Key> keys, Binder words) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Key k : keys) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", k.name());
            f.put("doc", k.doc());
            f.put("allowed", words.describe(k.type()));
            f.put("default", k.defaultText());
            f.put("required", k.required());
            ValueType type = k.type();
            if (type instanceof ValueType.Group g) {
                f.put("input", "group");
                f.put("keys", fields(g.keys(), words));
            } else if (type instanceof ValueType.Choice c) {
                f.put("input", "choice");
                f.put("choices", c.values());
                f.put("value", k.defaultValue() == null ? "" : Key.show(k.defaultValue()));
            } else if (type instanceof ValueType.Bool) {
                f.put("input", "choice");
                f.put("choices", List.of("true", "false"));
                f.put("value", k.defaultValue() == null ? "" : Key.show(k.defaultValue()));
            } else {
                f.put("input", "text");
                f.put("value", start(k));
            }
            out.add(f);
        }
        return out;
    }

    /**
     * What a new form shows in a field: the default when there is one; for a required number a
     * value the type allows that makes a visible course (0.99 for a factor in (0, 1], 1 for a
     * positive number, 100 for a whole number of steps); else empty.
     */
    private static String start(Key k) {
        if (k.defaultValue() != null) {
            return Key.show(k.defaultValue());
        }
        if (!k.required()) {
            return "";
        }
        if (k.type() instanceof ValueType.Num n) {
            double v = n.max() <= 1 ? 0.99 : 1.0;
            return n.accepts(v) ? Key.show(v) : "";
        }
        if (k.type() instanceof ValueType.Int i) {
            long v = Math.max(i.min(), Math.min(i.max(), 100));
            return Long.toString(v);
        }
        return "";
    }
}
