package kelvin.experiments.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kelvin.agents.bandit.ActionValueAgent;
import kelvin.agents.policy.Boltzmann;
import kelvin.agents.policy.EpsilonGreedy;
import kelvin.agents.policy.Greedy;
import kelvin.agents.policy.Policy;
import kelvin.agents.schedule.Cosine;
import kelvin.agents.schedule.Exponential;
import kelvin.agents.schedule.Fixed;
import kelvin.agents.schedule.InverseTime;
import kelvin.agents.schedule.Linear;
import kelvin.agents.schedule.Logarithmic;
import kelvin.agents.schedule.Schedule;
import kelvin.agents.schedule.StepSchedule;
import kelvin.env.bandit.BernoulliBandit;
import kelvin.env.bandit.GaussianBandit;
import kelvin.experiments.config.ConfigNode.ListNode;
import kelvin.experiments.config.ConfigNode.MapNode;
import kelvin.experiments.config.ValueType.Num;

/**
 * Every name a config can use, registered once with its keys and documentation. Validation,
 * {@code kelvin list} and the README's tables come from here, so they cannot drift apart.
 */
public final class Catalog {

    private static final Map<Kind, Map<String, TypeSpec>> TYPES = new EnumMap<>(Kind.class);

    static final Key PER = Key.optional("per", new ValueType.Choice(List.of("step", "episode")), "step",
            "what t counts: steps (bandits, gridworlds) or episodes (gridworlds)");
    private static final Num TEMPERATURE = Num.temperature();
    private static final Num FINITE_TEMPERATURE = Num.atLeast(0);

    static {
        registerSchedules();
        registerPolicies();
        registerAgents();
        registerEnvs();
    }

    private Catalog() {
    }

    private static void register(TypeSpec spec) {
        TYPES.computeIfAbsent(spec.kind(), k -> new LinkedHashMap<>()).put(spec.name(), spec);
    }

    /** The registered type, or null. */
    public static TypeSpec find(Kind kind, String name) {
        return TYPES.getOrDefault(kind, Map.of()).get(name);
    }

    /** The names of a family, in registration order. */
    public static List<String> names(Kind kind) {
        return List.copyOf(TYPES.getOrDefault(kind, Map.of()).keySet());
    }

    /** All types of a family, in registration order. */
    public static List<TypeSpec> types(Kind kind) {
        return Collections.unmodifiableList(new ArrayList<>(TYPES.getOrDefault(kind, Map.of()).values()));
    }

    /** The schedule a plain number stands for: {@code fixed} at that value. */
    static Schedule constant(double value) {
        return Fixed.of(value);
    }

    /** What the schedule's index counts, as the config's {@code per} says. */
    private static Schedule.Per per(Values v) {
        return "episode".equals(v.str("per")) ? Schedule.Per.EPISODE : Schedule.Per.STEP;
    }

    private static void registerSchedules() {
        register(new TypeSpec(Kind.SCHEDULE, "fixed", "T_t = value (or 1/beta)", List.of(
                Key.optional("value", TEMPERATURE, "the temperature; 0 = greedy, inf = uniform"),
                Key.optional("beta", TEMPERATURE, "inverse temperature 1/T, instead of value"),
                PER), v -> {
                    if (v.has("value") == v.has("beta")) {
                        throw v.error("give exactly one of value (temperature) or beta (1/temperature)");
                    }
                    return (v.has("value") ? Fixed.of(v.num("value")) : Fixed.ofBeta(v.num("beta"))).withPer(per(v));
                }));
        register(new TypeSpec(Kind.SCHEDULE, "linear", "T_t = max(min, initial - (initial - min) t / steps)", List.of(
                Key.required("initial", FINITE_TEMPERATURE, "temperature at t = 0"),
                Key.optional("min", FINITE_TEMPERATURE, 0.0, "temperature from t = steps on"),
                Key.required("steps", new ValueType.Int(1, Long.MAX_VALUE), "t at which min is reached"),
                PER), v -> Linear.of(v.num("initial"), v.num("min"), v.integer("steps")).withPer(per(v))));
        register(new TypeSpec(Kind.SCHEDULE, "exponential", "T_t = max(min, initial * decay^t)", List.of(
                Key.required("initial", FINITE_TEMPERATURE, "temperature at t = 0"),
                Key.required("decay", new Num(0, true, 1, false, false), "factor per step, in (0, 1]"),
                Key.optional("min", FINITE_TEMPERATURE, 0.0, "floor"),
                PER), v -> Exponential.of(v.num("initial"), v.num("decay"), v.num("min")).withPer(per(v))));
        register(new TypeSpec(Kind.SCHEDULE, "inverse-time", "T_t = initial / (1 + k t)", List.of(
                Key.required("initial", FINITE_TEMPERATURE, "temperature at t = 0"),
                Key.required("k", Num.atLeast(0), "cooling rate"),
                PER), v -> InverseTime.of(v.num("initial"), v.num("k")).withPer(per(v))));
        register(new TypeSpec(Kind.SCHEDULE, "logarithmic", "T_t = c / ln(t + t0)", List.of(
                Key.required("c", FINITE_TEMPERATURE, "scale"),
                Key.optional("t0", new Num(1, true, Double.POSITIVE_INFINITY, true, false), 2.0, "offset, > 1"),
                PER), v -> Logarithmic.of(v.num("c"), v.num("t0")).withPer(per(v))));
        register(new TypeSpec(Kind.SCHEDULE, "step", "T_t = max(min, initial * factor^floor(t / every))", List.of(
                Key.required("initial", FINITE_TEMPERATURE, "temperature at t = 0"),
                Key.required("factor", Num.positive(), "factor applied every `every` steps"),
                Key.required("every", new ValueType.Int(1, Long.MAX_VALUE), "length of each level"),
                Key.optional("min", FINITE_TEMPERATURE, 0.0, "floor"),
                PER), v -> StepSchedule.of(v.num("initial"), v.num("factor"), v.integer("every"), v.num("min")).withPer(per(v))));
        register(new TypeSpec(Kind.SCHEDULE, "cosine",
                "T_t = min + (initial - min)(1 + cos(pi min(t, steps) / steps)) / 2", List.of(
                Key.required("initial", FINITE_TEMPERATURE, "temperature at t = 0"),
                Key.optional("min", FINITE_TEMPERATURE, 0.0, "temperature from t = steps on"),
                Key.required("steps", new ValueType.Int(1, Long.MAX_VALUE), "length of the half cosine"),
                PER), v -> Cosine.of(v.num("initial"), v.num("min"), v.integer("steps")).withPer(per(v))));
    }

    private static void registerPolicies() {
        register(new TypeSpec(Kind.POLICY, "greedy", "argmax Q, ties broken uniformly at random", List.of(),
                v -> Greedy.of()));
        register(new TypeSpec(Kind.POLICY, "epsilon-greedy",
                "uniform over all K actions with probability epsilon, else greedy", List.of(
                Key.required("epsilon", new ValueType.NumOrSchedule(Num.closed(0, 1)),
                        "exploration probability: a number in [0, 1] or a schedule")),
                v -> EpsilonGreedy.of(v.get("epsilon", Schedule.class))));
        register(new TypeSpec(Kind.POLICY, "boltzmann", "sample from softmax(Q / T_t)", List.of(
                Key.required("temperature", new ValueType.NumOrSchedule(TEMPERATURE),
                        "a number (fixed T) or a schedule")),
                v -> Boltzmann.of(v.get("temperature", Schedule.class))));
    }

    private static void registerAgents() {
        register(new TypeSpec(Kind.AGENT, "action-value",
                "Q_0 = initial; sample average Q += (R - Q)/N, or constant step Q += alpha (R - Q)", List.of(
                Key.required("policy", new ValueType.Nested(Kind.POLICY), "how actions are chosen from Q"),
                Key.optional("initial", Num.any(), 0.0, "initial action value (optimistic when high)"),
                Key.optional("alpha", new Num(0, true, 1, false, false),
                        "constant step size in (0, 1]; absent = sample average")),
                v -> ActionValueAgent.of(v.num("initial"), v.num("alpha", Double.NaN), v.get("policy", Policy.class))));
    }

    private static void registerEnvs() {
        register(new TypeSpec(Kind.ENV, "gaussian-bandit",
                "K arms with Gaussian rewards N(mu_a, noise^2); means listed or drawn per run", List.of(
                Key.optional("arms", new ValueType.Int(1, 100_000), 10L, "number of arms K"),
                Key.optional("means", new ValueType.Means(Num.any()), new Means(null, 0, 1),
                        "arm means: a list, or {distribution: normal, mean, sd} drawn per run"),
                Key.optional("noise", Num.atLeast(0), 1.0, "reward noise standard deviation")),
                v -> {
                    Means m = v.get("means", Means.class);
                    double noise = v.num("noise");
                    if (m.values() != null) {
                        if (v.written("arms") && v.intValue("arms") != m.values().length) {
                            throw v.error("arms", "is " + v.intValue("arms") + " but means lists "
                                    + m.values().length + " values; give one mean per arm (or leave arms out)");
                        }
                        return GaussianBandit.of(m.values().length, m.values(), noise);
                    }
                    return GaussianBandit.drawn(v.intValue("arms"), m.mean(), m.sd(), noise);
                }));
        register(new TypeSpec(Kind.ENV, "bernoulli-bandit", "K arms paying 1 with probability mu_a, else 0", List.of(
                Key.required("means", new ValueType.NumList(Num.closed(0, 1), 1), "success probability of each arm")),
                v -> BernoulliBandit.of(v.nums("means"))));
    }

    /** Arm means as written: a list ({@code values}) or a normal distribution to draw from. */
    public record Means(double[] values, double mean, double sd) {
    }

    static Binder.Bound bindMeans(ConfigNode node, ValueType.Means type, String path) {
        if (node instanceof ListNode) {
            Binder.Bound list = Binder.convert(Binder.Context.NONE, node, new ValueType.NumList(type.element(), 1), path);
            return new Binder.Bound(new Means((double[]) list.value(), 0, 0), list.resolved());
        }
        if (!(node instanceof MapNode)) {
            throw Binder.wrong(node, path, type);
        }
        Map<String, Object> resolved = new LinkedHashMap<>();
        Values v = Binder.bindPlain((MapNode) node, path, List.of(
                Key.required("distribution", new ValueType.Choice(List.of("normal")), "distribution of the means"),
                Key.optional("mean", Num.any(), 0.0, "mean of the means"),
                Key.optional("sd", Num.atLeast(0), 1.0, "standard deviation of the means")),
                java.util.Set.of(), "means", resolved);
        return new Binder.Bound(new Means(null, v.num("mean"), v.num("sd")), resolved);
    }
}
