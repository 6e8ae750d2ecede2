package kelvin.experiments.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.ValueType;

/**
 * The JSON Schema (draft 2020-12) of the config format, generated from the components' declarations and the
 * top-level keys, so it cannot drift from what the loader accepts. The schema checks structure,
 * names and ranges; a few rules only the loader knows (cross-key checks such as "one mean per arm",
 * sweep paths, sizes) are left to {@code kelvin validate}.
 */
public final class ConfigSchema {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** Spellings of infinity that the loader accepts in YAML. */
    private static final List<String> INFINITY = List.of("inf", "+inf", ".inf", "+.inf", "infinity", "Infinity");

    private ConfigSchema() {
    }

    /**
     * The schema of configs that may name the components of {@code registry}.
     *
     * @param registry the built-ins and any plug-ins a config may name
     * @return the schema as a Jackson tree, with {@code $schema} and {@code title} set
     */
    public static ObjectNode schema(Registry registry) {
        ObjectNode root = F.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("title", "Kelvin experiment config");
        root.put("description", "One experiment (an environment, named agent variants, an optional sweep, "
                + "the metrics to record and how often) or a suite (envs: several environments).");
        root.put("type", "object");
        ObjectNode props = root.putObject("properties");
        ArrayNode required = root.putArray("required");
        for (Key k : ExperimentLoader.topKeys(registry)) {
            props.set(k.name(), keySchema(k));
            if (k.required()) {
                required.add(k.name());
            }
        }
        // a suite (envs) gives each environment its own env and horizon: exactly one of env and envs
        required.remove(indexOf(required, "env"));
        ArrayNode either = root.putArray("oneOf");
        either.addObject().putArray("required").add("env");
        ObjectNode suite = either.addObject();
        suite.putArray("required").add("envs");
        ObjectNode notTop = suite.putObject("not").putArray("anyOf").addObject();
        notTop.putArray("required").add("steps");
        ((ArrayNode) suite.get("not").get("anyOf")).addObject().putArray("required").add("episodes");
        ObjectNode envs = props.putObject("envs");
        envs.put("description", "A suite: named environments, each with its own env, horizon (steps or episodes) "
                + "and set (dotted key paths to values for that environment); every agent that fits runs on each.");
        envs.put("type", "object");
        envs.put("minProperties", 1);
        envs.putObject("propertyNames").put("pattern", "^[A-Za-z0-9._+-]{1,60}$");
        ObjectNode env = envs.putObject("additionalProperties");
        env.put("type", "object");
        ObjectNode envProps = env.putObject("properties");
        envProps.putObject("env").put("$ref", "#/$defs/environment");
        envProps.set("steps", props.get("steps").deepCopy());
        envProps.set("episodes", props.get("episodes").deepCopy());
        envProps.putObject("set").put("type", "object");
        env.putArray("required").add("env");
        env.put("additionalProperties", false);
        ObjectNode agents = props.putObject("agents");
        agents.put("description", "Named agent variants, drawn together on every chart.");
        agents.put("type", "object");
        agents.put("minProperties", 1);
        agents.putObject("propertyNames").put("pattern", "^[A-Za-z0-9._+-]{1,60}$");
        // in a suite, an agent may give its keys per kind of environment instead of one type
        ArrayNode agentForms = agents.putObject("additionalProperties").putArray("anyOf");
        agentForms.addObject().put("$ref", "#/$defs/agent");
        ObjectNode sections = agentForms.addObject();
        sections.put("type", "object");
        sections.putArray("anyOf").addObject().putArray("required").add("bandit");
        ((ArrayNode) sections.get("anyOf")).addObject().putArray("required").add("tabular");
        ObjectNode sectionProps = sections.putObject("properties");
        sectionProps.putObject("bandit").put("type", "object");
        sectionProps.putObject("tabular").put("type", "object");
        required.add("agents");
        props.set("sweep", sweepSchema("Dotted key paths inside agents, each with the values to sweep; applies to "
                + "every agent that has the path."));
        ObjectNode record = props.putObject("record");
        record.put("type", "object");
        ObjectNode recordProps = record.putObject("properties");
        for (Key k : ExperimentLoader.recordKeys()) {
            recordProps.set(k.name(), keySchema(k));
        }
        record.put("additionalProperties", false);
        ObjectNode plot = props.putObject("plot");
        plot.put("description", "How the curve charts are drawn; changes no number.");
        plot.put("type", "object");
        ObjectNode plotProps = plot.putObject("properties");
        for (Key k : ExperimentLoader.plotKeys(registry)) {
            plotProps.set(k.name(), keySchema(k));
        }
        plot.put("additionalProperties", false);
        root.put("additionalProperties", false);

        ObjectNode defs = root.putObject("$defs");
        for (Kind kind : Kind.values()) {
            if (kind == Kind.METRIC || kind == Kind.TABULAR_AGENT) {
                continue; // metrics are names; both agent kinds share the agent definition
            }
            ObjectNode def = defs.putObject(defName(kind));
            def.put("description", "A " + kind.word() + ": " + kind.discriminator() + " names its type.");
            ArrayNode oneOf = def.putArray("oneOf");
            List<Registry.Entry> entries = new ArrayList<>(registry.all(kind));
            if (kind == Kind.BANDIT_AGENT) {
                entries.addAll(registry.all(Kind.TABULAR_AGENT));
            }
            for (Registry.Entry e : entries) {
                oneOf.add(typeSchema(e.component()));
            }
        }
        return root;
    }

    private static int indexOf(ArrayNode array, String value) {
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).asText().equals(value)) {
                return i;
            }
        }
        throw new IllegalStateException(value + " is not in " + array);
    }

    private static String defName(Kind kind) {
        return kind.isAgent() ? "agent" : kind.name().toLowerCase(Locale.ROOT);
    }

    private static ObjectNode sweepSchema(String description) {
        ObjectNode sweep = F.objectNode();
        sweep.put("description", description);
        sweep.put("type", "object");
        sweep.putObject("propertyNames").put("pattern", "^[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*$");
        ObjectNode values = sweep.putObject("additionalProperties");
        values.put("type", "array");
        values.put("minItems", 1);
        return sweep;
    }

    private static ObjectNode typeSchema(Component<?> t) {
        ObjectNode o = F.objectNode();
        o.put("title", t.name());
        o.put("description", t.summary());
        o.put("type", "object");
        ObjectNode props = o.putObject("properties");
        props.putObject(t.kind().discriminator()).put("const", t.name());
        ArrayNode required = o.putArray("required");
        required.add(t.kind().discriminator());
        for (Key k : t.keys()) {
            props.set(k.name(), keySchema(k));
            if (k.required()) {
                required.add(k.name());
            }
        }
        if (t.kind().isAgent()) {
            props.set(Sweep.AGENT_SWEEP, sweepSchema("This agent's own sweep: key paths inside it."));
        }
        o.put("additionalProperties", false);
        return o;
    }

    private static ObjectNode keySchema(Key k) {
        ObjectNode s = valueSchema(k.type());
        s.put("description", k.doc() + " (" + k.type().describe() + "; " + k.defaultText() + ")");
        return s;
    }

    static ObjectNode valueSchema(ValueType type) {
        ObjectNode s = F.objectNode();
        if (type instanceof ValueType.Num) {
            ValueType.Num n = (ValueType.Num) type;
            ObjectNode num = F.objectNode();
            num.put("type", "number");
            if (n.min() != Double.NEGATIVE_INFINITY) {
                num.put(n.minOpen() ? "exclusiveMinimum" : "minimum", n.min());
            }
            if (n.max() != Double.POSITIVE_INFINITY) {
                num.put(n.maxOpen() ? "exclusiveMaximum" : "maximum", n.max());
            }
            if (!n.allowInfinity()) {
                return num;
            }
            ArrayNode anyOf = s.putArray("anyOf");
            anyOf.add(num);
            ArrayNode inf = anyOf.addObject().putArray("enum");
            INFINITY.forEach(inf::add);
            return s;
        }
        if (type instanceof ValueType.Int) {
            ValueType.Int i = (ValueType.Int) type;
            s.put("type", "integer");
            s.put("minimum", i.min());
            if (i.max() != Long.MAX_VALUE) {
                s.put("maximum", i.max());
            }
            return s;
        }
        if (type instanceof ValueType.Bool) {
            s.put("type", "boolean");
            return s;
        }
        if (type instanceof ValueType.Str) {
            s.put("type", "string");
            s.put("pattern", "^" + ((ValueType.Str) type).regex() + "$");
            return s;
        }
        if (type instanceof ValueType.Choice) {
            ArrayNode e = s.putArray("enum");
            ((ValueType.Choice) type).values().forEach(e::add);
            return s;
        }
        if (type instanceof ValueType.NumList) {
            ValueType.NumList l = (ValueType.NumList) type;
            s.put("type", "array");
            s.put("minItems", l.minSize());
            s.set("items", valueSchema(l.element()));
            return s;
        }
        if (type instanceof ValueType.StrList) {
            s.put("type", "array");
            s.put("minItems", 1);
            s.putObject("items").put("type", "string");
            return s;
        }
        if (type instanceof ValueType.ChoiceList) {
            s.put("type", "array");
            s.put("minItems", 1);
            s.put("uniqueItems", true);
            s.set("items", valueSchema(((ValueType.ChoiceList) type).element()));
            return s;
        }
        if (type instanceof ValueType.Nested) {
            s.put("$ref", "#/$defs/" + defName(((ValueType.Nested) type).kind()));
            return s;
        }
        if (type instanceof ValueType.NumOrSchedule) {
            ArrayNode anyOf = s.putArray("anyOf");
            anyOf.add(valueSchema(((ValueType.NumOrSchedule) type).constant()));
            anyOf.addObject().put("$ref", "#/$defs/" + defName(Kind.SCHEDULE));
            return s;
        }
        if (type instanceof ValueType.Group) {
            ValueType.Group g = (ValueType.Group) type;
            s.put("type", "object");
            ObjectNode props = s.putObject("properties");
            ArrayNode required = s.putArray("required");
            for (Key k : g.keys()) {
                props.set(k.name(), keySchema(k));
                if (k.required()) {
                    required.add(k.name());
                }
            }
            s.put("additionalProperties", false);
            return s;
        }
        if (type instanceof ValueType.ListOrGroup lg) {
            ArrayNode anyOf = s.putArray("anyOf");
            anyOf.add(valueSchema(lg.list()));
            anyOf.add(valueSchema(lg.group()));
            return s;
        }
        throw new IllegalStateException("no schema for " + type);
    }
}
