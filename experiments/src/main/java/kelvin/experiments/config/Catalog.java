package kelvin.experiments.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kelvin.agents.bandit.ActionValueAgent;
import kelvin.agents.bandit.BoltzmannGumbel;
import kelvin.agents.bandit.Exp3;
import kelvin.agents.bandit.GradientBandit;
import kelvin.agents.bandit.Thompson;
import kelvin.agents.bandit.Ucb1;
import kelvin.agents.policy.Boltzmann;
import kelvin.agents.policy.EpsilonGreedy;
import kelvin.agents.policy.Greedy;
import kelvin.agents.policy.Metropolis;
import kelvin.agents.policy.Policy;
import kelvin.agents.schedule.Cosine;
import kelvin.agents.schedule.EntropyTarget;
import kelvin.agents.schedule.Exponential;
import kelvin.agents.schedule.Fixed;
import kelvin.agents.schedule.InverseTime;
import kelvin.agents.schedule.Linear;
import kelvin.agents.schedule.Logarithmic;
import kelvin.agents.schedule.Schedule;
import kelvin.agents.schedule.SimulatedAnnealing;
import kelvin.agents.schedule.StepSchedule;
import kelvin.env.bandit.BernoulliBandit;
import kelvin.env.bandit.DriftingBandit;
import kelvin.env.bandit.GaussianBandit;
import kelvin.experiments.config.ConfigNode.ListNode;
import kelvin.experiments.model.Environment;
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
        registerBanditAgents();
        registerEnvs();
        registerTabular();
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
        register(new TypeSpec(Kind.SCHEDULE, "simulated-annealing",
                "T = max(min, base * cooling^floor(k / plateau)), k = steps since the last reheat; base = initial, "
                        + "or to * initial after a reheat. The reward has stalled when the mean of the last `patience` "
                        + "rewards has not risen above its best for `patience` consecutive steps; then T reheats", List.of(
                Key.required("initial", Num.positive(), "temperature at t = 0"),
                Key.required("cooling", new Num(0, true, 1, false, false), "factor per plateau, in (0, 1]"),
                Key.required("plateau", new ValueType.Int(1, Long.MAX_VALUE), "steps per temperature level"),
                Key.optional("min", FINITE_TEMPERATURE, 0.0, "floor"),
                Key.optional("reheat", new ValueType.Group("reheat", List.of(
                        Key.required("patience", new ValueType.Int(1, 1_000_000), "window and patience, in steps"),
                        Key.required("to", Num.positive(), "reheat to this multiple of initial"))),
                        "reheat when the reward stalls; absent = never"),
                PER), v -> {
                    SimulatedAnnealing sa = SimulatedAnnealing.of(v.num("initial"), v.num("cooling"), v.integer("plateau"),
                            v.num("min"));
                    if (v.has("reheat")) {
                        Values r = v.get("reheat", Values.class);
                        sa = sa.withReheat(r.intValue("patience"), r.num("to"));
                    }
                    return sa.withPer(per(v));
                }));
        register(new TypeSpec(Kind.SCHEDULE, "entropy-target",
                "after each step log T <- log T - rate (H - target), H = entropy of the policy (nats); "
                        + "T stays within [initial / 1e4, initial * 1e4]", List.of(
                Key.required("initial", Num.positive(), "temperature at t = 0"),
                Key.optional("target", Num.positive(), "target entropy in nats, at most ln K"),
                Key.optional("target-fraction", new Num(0, true, 1, false, false),
                        "target as a fraction of ln K (uniform), instead of target"),
                Key.required("rate", Num.positive(), "step size of the update of log T"),
                PER), v -> {
                    if (v.has("target") == v.has("target-fraction")) {
                        throw v.error("give exactly one of target (nats) or target-fraction (of ln K)");
                    }
                    EntropyTarget et = v.has("target")
                            ? EntropyTarget.of(v.num("initial"), v.num("target"), v.num("rate"))
                            : EntropyTarget.ofFraction(v.num("initial"), v.num("target-fraction"), v.num("rate"));
                    if (v.context().knowsActions() && v.has("target")) {
                        double max = Math.log(v.context().actions());
                        if (v.num("target") > max) {
                            throw v.error("target", v.num("target") + " nats is above ln K = " + max
                                    + " (the entropy of the uniform policy over " + v.context().actions()
                                    + " actions); give at most that, or use target-fraction");
                        }
                    }
                    return et.withPer(per(v));
                }));
    }

    private static void registerPolicies() {
        register(new TypeSpec(Kind.POLICY, "greedy", "argmax Q, ties broken uniformly at random", List.of(),
                v -> Greedy.of()));
        register(new TypeSpec(Kind.POLICY, "epsilon-greedy",
                "uniform over all K actions with probability epsilon, else greedy", List.of(
                Key.required("epsilon", new ValueType.NumOrSchedule(Num.closed(0, 1)),
                        "exploration probability: a number in [0, 1] or a schedule")),
                v -> EpsilonGreedy.of(checkedEpsilon(v))));
        register(new TypeSpec(Kind.POLICY, "boltzmann",
                "sample from softmax(Q / T_t); optionally over the top-k values only, then the smallest set "
                        + "reaching probability top-p (renormalised), then p' = floor + (1 - K floor) p", List.of(
                Key.required("temperature", new ValueType.NumOrSchedule(TEMPERATURE),
                        "a number (fixed T) or a schedule"),
                Key.optional("top-k", new ValueType.Int(1, Integer.MAX_VALUE), "only the k highest action values "
                        + "can be chosen (ties by lower index); absent = all"),
                Key.optional("top-p", new Num(0, true, 1, false, false), 1.0,
                        "nucleus: keep the most probable actions until their probability reaches p"),
                Key.optional("floor", Num.closed(0, 1), 0.0, "minimum probability per action, at most 1/K")),
                v -> {
                    if (v.context().knowsActions() && v.num("floor") > 1.0 / v.context().actions()) {
                        throw v.error("floor", v.num("floor") + " is above 1/K = " + (1.0 / v.context().actions())
                                + " for " + v.context().actions() + " actions");
                    }
                    int topK = v.has("top-k") ? (int) Math.min(Integer.MAX_VALUE, v.integer("top-k")) : Boltzmann.NO_TOP_K;
                    return Boltzmann.of(v.get("temperature", Schedule.class), topK, v.num("top-p"), v.num("floor"));
                }));
        register(new TypeSpec(Kind.POLICY, "metropolis",
                "a_p = greedy, a_r uniform over all K; take a_r if u < exp((Q(a_r) - Q(a_p)) / T_t), else a_p "
                        + "(Guo, Liu & Malec 2004)", List.of(
                Key.required("temperature", new ValueType.NumOrSchedule(TEMPERATURE),
                        "a number (fixed T) or a schedule")),
                v -> Metropolis.of(v.get("temperature", Schedule.class))));
    }

    /**
     * An epsilon schedule must stay a probability. The pure schedules never rise above their value
     * at t = 0; simulated annealing rises only when it reheats to `to` times its initial value;
     * entropy-target steers a temperature, not a probability.
     */
    private static Schedule checkedEpsilon(Values v) {
        Schedule s = v.get("epsilon", Schedule.class);
        if (s instanceof EntropyTarget) {
            throw v.error("epsilon", "entropy-target adapts a temperature, not a probability; use another schedule");
        }
        double highest = s.temperature(0);
        if (s instanceof SimulatedAnnealing && ((SimulatedAnnealing) s).patience() > 0) {
            highest = Math.max(highest, ((SimulatedAnnealing) s).reheatTo() * ((SimulatedAnnealing) s).initial());
        }
        if (!(highest <= 1)) {
            throw v.error("epsilon", "the schedule reaches " + highest + "; epsilon is a probability, at most 1");
        }
        return s;
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

    private static void registerBanditAgents() {
        register(new TypeSpec(Kind.AGENT, "ucb1",
                "each arm once (in index order), then argmax Q_a + c sqrt(ln n / N_a), ties uniform "
                        + "(Auer, Cesa-Bianchi & Fischer 2002)", List.of(
                Key.optional("c", Num.atLeast(0), Ucb1.DEFAULT_C, "exploration weight; sqrt(2) in the paper")),
                v -> Ucb1.of(v.num("c"))));
        register(new TypeSpec(Kind.AGENT, "thompson",
                "sample each arm's posterior, play the argmax: Beta(1,1) priors on Bernoulli arms, N(0, 1) "
                        + "priors with known noise on Gaussian arms (Thompson 1933)", List.of(
                Key.optional("prior", new ValueType.Choice(List.of("auto", "beta", "gaussian")), "auto",
                        "auto: beta on bernoulli-bandit, gaussian otherwise"),
                Key.optional("noise", Num.positive(), "known reward noise sd for the gaussian prior; "
                        + "default: the environment's noise"),
                Key.optional("estimate-draws", new ValueType.Int(10, 1_000_000), 100L,
                        "posterior draws behind the reported action distribution (entropy metric)")),
                v -> {
                    Object env = banditEnv(v);
                    String prior = v.str("prior");
                    boolean bernoulli = env instanceof BernoulliBandit;
                    if ("auto".equals(prior)) {
                        prior = bernoulli ? "beta" : "gaussian";
                    }
                    if ("beta".equals(prior) && env != null && !bernoulli) {
                        throw v.error("prior", "a beta prior needs rewards 0 or 1 (bernoulli-bandit); use prior: gaussian");
                    }
                    Thompson t = "beta".equals(prior) ? Thompson.bernoulli()
                            : Thompson.gaussian(v.num("noise", envNoise(env)));
                    return t.withMonteCarloDraws(v.intValue("estimate-draws"));
                }));
        register(new TypeSpec(Kind.AGENT, "boltzmann-gumbel",
                "each arm once, then argmax mu_a + c Z_a / sqrt(N_a), Z_a ~ Gumbel(0, 1) fresh each step "
                        + "(Cesa-Bianchi, Gentile, Lugosi & Neu 2017)", List.of(
                Key.optional("c", Num.atLeast(0), 1.0, "scale of the Gumbel perturbations"),
                Key.optional("estimate-draws", new ValueType.Int(10, 1_000_000), 100L,
                        "perturbation draws behind the reported action distribution (entropy metric)")),
                v -> BoltzmannGumbel.of(v.num("c")).withMonteCarloDraws(v.intValue("estimate-draws"))));
        register(new TypeSpec(Kind.AGENT, "exp3",
                "p = (1 - gamma) softmax(log w) + gamma / K; log w_A += gamma (x / p_A) / K with the reward "
                        + "rescaled to x in [0, 1] (Auer, Cesa-Bianchi, Freund & Schapire 2002)", List.of(
                Key.optional("gamma", new Num(0, true, 1, false, false),
                        "exploration share; default min(1, sqrt(K ln K / ((e - 1) steps)))"),
                Key.optional("reward-range", new ValueType.NumList(Num.any(), 2),
                        "[min, max] of the rewards, rescaled to [0, 1] (values outside are clipped); "
                                + "default [0, 1] on bernoulli-bandit, required on Gaussian bandits")),
                v -> {
                    Object env = banditEnv(v);
                    int arms = v.context().knowsActions() ? v.context().actions() : 2;
                    double gamma = v.has("gamma") ? v.num("gamma")
                            : Exp3.defaultGamma(arms, Math.max(1, v.context().steps()));
                    double[] range = v.has("reward-range") ? v.nums("reward-range") : null;
                    if (range == null) {
                        if (env != null && !(env instanceof BernoulliBandit)) {
                            throw v.error("exp3 needs rewards in a known range and Gaussian rewards are unbounded: "
                                    + "add reward-range: [min, max] (e.g. the means plus or minus 4 noise sd)");
                        }
                        range = new double[] {0, 1};
                    }
                    if (range.length != 2 || !(range[1] > range[0])) {
                        throw v.error("reward-range", "expected [min, max] with max > min, got "
                                + Values.show(range));
                    }
                    return Exp3.of(gamma, range[0], range[1]);
                }));
        register(new TypeSpec(Kind.AGENT, "gradient-bandit",
                "pi = softmax(H); H_A += alpha (R - Rbar)(1 - pi_A), H_b -= alpha (R - Rbar) pi_b (Sutton & Barto "
                        + "eq. 2.12); Rbar = mean of earlier rewards, the first reward at step 1", List.of(
                Key.required("alpha", Num.positive(), "step size"),
                Key.optional("baseline", new ValueType.Bool(), true, "use the average-reward baseline")),
                v -> GradientBandit.of(v.num("alpha"), v.bool("baseline"))));
    }

    /** The bandit the agent will run on, or null when unknown or not a bandit. */
    private static Object banditEnv(Values v) {
        Object env = v.context().env();
        return env instanceof Environment.Bandit ? ((Environment.Bandit) env).env() : null;
    }

    private static double envNoise(Object env) {
        if (env instanceof GaussianBandit) {
            return ((GaussianBandit) env).noise();
        }
        if (env instanceof DriftingBandit) {
            return ((DriftingBandit) env).noise();
        }
        return 1.0;
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
                        return new Environment.Bandit(GaussianBandit.of(m.values().length, m.values(), noise));
                    }
                    return new Environment.Bandit(GaussianBandit.drawn(v.intValue("arms"), m.mean(), m.sd(), noise));
                }));
        register(new TypeSpec(Kind.ENV, "drifting-bandit",
                "non-stationary: every step, after the reward, each mean takes a Gaussian random-walk step of sd "
                        + "drift (Sutton & Barto Exercise 2.5); regret is measured against the current best arm", List.of(
                Key.optional("arms", new ValueType.Int(1, 100_000), 10L, "number of arms K"),
                Key.optional("means", new ValueType.Means(Num.any()), new Means(null, 0, 0),
                        "initial means: a list, or {distribution: normal, mean, sd} drawn per run; default all 0"),
                Key.optional("drift", Num.atLeast(0), 0.01, "sd of each mean's step per time step"),
                Key.optional("noise", Num.atLeast(0), 1.0, "reward noise standard deviation")),
                v -> {
                    Means m = v.get("means", Means.class);
                    if (m.values() != null) {
                        if (v.written("arms") && v.intValue("arms") != m.values().length) {
                            throw v.error("arms", "is " + v.intValue("arms") + " but means lists "
                                    + m.values().length + " values; give one mean per arm (or leave arms out)");
                        }
                        return new Environment.Bandit(DriftingBandit.of(m.values().length, m.values(), v.num("drift"),
                                v.num("noise")));
                    }
                    return new Environment.Bandit(DriftingBandit.drawn(v.intValue("arms"), m.mean(), m.sd(), v.num("drift"),
                            v.num("noise")));
                }));
        register(new TypeSpec(Kind.ENV, "bernoulli-bandit", "K arms paying 1 with probability mu_a, else 0", List.of(
                Key.required("means", new ValueType.NumList(Num.closed(0, 1), 1), "success probability of each arm")),
                v -> new Environment.Bandit(BernoulliBandit.of(v.nums("means")))));
    }

    /** Agent types that learn on tabular MDPs (episodes); all others are bandit agents. */
    private static final java.util.Set<String> TABULAR_AGENTS = java.util.Set.of("q-learning", "sarsa", "expected-sarsa");

    /** Whether agent type {@code name} runs on tabular MDPs (true) or bandits (false). */
    public static boolean isTabularAgent(String name) {
        return TABULAR_AGENTS.contains(name);
    }

    /** A method, not a constant: the catalog registers its types in a static initializer above. */
    private static Key maxStepsKey() {
        return Key.optional("max-steps", new ValueType.Int(1, 10_000_000), 10_000L,
                "an episode is truncated (not terminated) after this many steps; learners bootstrap");
    }

    private static Key gammaKey(double byDefault) {
        return Key.optional("gamma", Num.closed(0, 1), byDefault, "discount of V*, regret and greedy-value; "
                + "agents default to it");
    }

    private static void registerTabular() {
        register(new TypeSpec(Kind.ENV, "gridworld",
                "an ASCII map (S start, G goal, . or F free, # wall, H hole, C cliff) or a built-in one; "
                        + "actions 0 up, 1 right, 2 down, 3 left; slip = probability of a perpendicular move", List.of(
                Key.optional("map", new ValueType.Str("[a-z0-9-]+", "one of " + String.join(", ",
                        kelvin.env.mdp.BuiltinMap.names()).replace("deep-sea", "deep-sea-N (N from 4 to 64)")),
                        "a built-in map: " + String.join(", ", kelvin.env.mdp.BuiltinMap.names())
                                .replace("deep-sea", "deep-sea-N")),
                Key.optional("rows", new ValueType.StrList("a list of map rows, e.g. [\"S..\", \".#G\"]"),
                        "your own map, one string per row, instead of map"),
                Key.optional("slip", Num.closed(0, 1), "probability of moving perpendicular instead; default: the "
                        + "map's (2/3 on frozen lakes, else 0)"),
                Key.optional("step-reward", Num.any(), "reward of every step; default: the map's (-1 on cliff "
                        + "walking, else 0)"),
                Key.optional("goal-reward", Num.any(), "added on entering G; default: the map's (0 on cliff walking, "
                        + "else 1)"),
                Key.optional("hole-reward", Num.any(), "added on entering H; default 0"),
                Key.optional("cliff-reward", Num.any(), "reward of a step into C (instead of step-reward), "
                        + "which also sends the agent back to S; default -100"),
                maxStepsKey(),
                gammaKey(1.0)),
                Catalog::gridworld));
        register(new TypeSpec(Kind.ENV, "deep-sea",
                "bsuite's deep sea (Osband et al.): N x N, one row down per step, a per-cell action mapping drawn per "
                        + "run, right costs 0.01/N, +1 at the bottom-right; the same as gridworld map deep-sea-N", List.of(
                Key.required("size", new ValueType.Int(kelvin.env.mdp.DeepSea.MIN_SIZE, kelvin.env.mdp.DeepSea.MAX_SIZE),
                        "N"),
                maxStepsKey(),
                gammaKey(1.0)),
                v -> new Environment.Tabular(kelvin.env.mdp.DeepSea.of(v.intValue("size")), v.intValue("max-steps"),
                        v.num("gamma"), Environment.Success.POSITIVE_RETURN)));
        register(new TypeSpec(Kind.ENV, "river-swim",
                "a 6-state chain: swimming right (upstream) is hard and pays at the far end, left pays a little "
                        + "at the bank", List.of(
                Key.optional("variant", new ValueType.Choice(List.of("strehl-littman", "osband")), "strehl-littman",
                        "strehl-littman (Strehl & Littman 2008: 5 for left at the bank, 10000 at the far end, start "
                                + "in state 1 or 2) or osband (Osband, Russo & Van Roy 2013: episodic, 20 steps, "
                                + "rewards 0.005 and 1)"),
                Key.optional("max-steps", new ValueType.Int(1, 10_000_000), "episode length; default 1000 "
                        + "(strehl-littman) or 20 (osband)"),
                Key.optional("gamma", Num.closed(0, 1), "discount; default 0.95 (strehl-littman) or 1 (osband)")),
                v -> {
                    kelvin.env.mdp.RiverSwim.Variant variant = kelvin.env.mdp.RiverSwim.Variant.of(v.str("variant"));
                    boolean osband = variant == kelvin.env.mdp.RiverSwim.Variant.OSBAND;
                    int maxSteps = v.has("max-steps") ? v.intValue("max-steps") : osband ? 20 : 1000;
                    double gamma = v.has("gamma") ? v.num("gamma") : osband ? 1.0 : 0.95;
                    return new Environment.Tabular(kelvin.env.mdp.RiverSwim.of(variant), maxSteps, gamma,
                            Environment.Success.LAST_STATE);
                }));
        for (kelvin.agents.tabular.TdTarget target : kelvin.agents.tabular.TdTarget.values()) {
            String summary;
            switch (target) {
                case Q_LEARNING:
                    summary = "Q(s,a) += alpha (r + gamma max_b Q(s',b) - Q(s,a)) (Watkins 1989)";
                    break;
                case SARSA:
                    summary = "Q(s,a) += alpha (r + gamma Q(s',a') - Q(s,a)), a' the next action taken (Rummery & "
                            + "Niranjan 1994)";
                    break;
                default:
                    summary = "Q(s,a) += alpha (r + gamma sum_b pi(b|s') Q(s',b) - Q(s,a)) under the behaviour policy "
                            + "(van Seijen et al. 2009)";
                    break;
            }
            register(new TypeSpec(Kind.AGENT, target.key(), summary + "; no bootstrap after termination, "
                    + "bootstrap after truncation", List.of(
                    Key.required("policy", new ValueType.Nested(Kind.POLICY), "how actions are chosen from Q(s, .)"),
                    Key.optional("alpha", new Num(0, true, 1, false, false), 0.1, "step size"),
                    Key.optional("gamma", Num.closed(0, 1), "discount; default: the environment's gamma"),
                    Key.optional("initial", Num.any(), 0.0, "initial Q value")),
                    v -> {
                        Object env = v.context().env();
                        double gamma = v.has("gamma") ? v.num("gamma")
                                : env instanceof Environment.Tabular ? ((Environment.Tabular) env).gamma() : 1.0;
                        return kelvin.agents.tabular.TdAgent.of(target, v.num("alpha"), gamma, v.num("initial"),
                                v.get("policy", Policy.class));
                    }));
        }
    }

    private static Environment gridworld(Values v) {
        if (v.has("map") == v.has("rows")) {
            throw v.error("give exactly one of map (a built-in map) or rows (your own map)");
        }
        kelvin.env.mdp.Gridworld.Builder builder;
        if (v.has("map")) {
            String name = v.str("map");
            kelvin.env.mdp.BuiltinMap map;
            try {
                map = kelvin.env.mdp.BuiltinMap.lookup(name);
            } catch (IllegalArgumentException e) {
                List<String> known = new java.util.ArrayList<>(kelvin.env.mdp.BuiltinMap.names());
                throw v.error("map", e.getMessage() + Suggestions.hint(name, known));
            }
            if (!map.isGrid()) {
                for (String key : List.of("slip", "step-reward", "goal-reward", "hole-reward", "cliff-reward")) {
                    if (v.written(key)) {
                        throw v.error(key, "deep sea has fixed rewards and dynamics; " + key + " does not apply");
                    }
                }
                return new Environment.Tabular(kelvin.env.mdp.DeepSea.of(kelvin.env.mdp.BuiltinMap.deepSeaSize(name)),
                        v.intValue("max-steps"), v.num("gamma"), Environment.Success.POSITIVE_RETURN);
            }
            builder = map.builder();
        } else {
            try {
                builder = kelvin.env.mdp.Gridworld.builder(v.words("rows"));
            } catch (kelvin.env.mdp.MapException e) {
                throw v.errorAt("rows", e.row(), e.getMessage());
            }
        }
        if (v.has("slip")) {
            builder.slip(v.num("slip"));
        }
        if (v.has("step-reward")) {
            builder.stepReward(v.num("step-reward"));
        }
        if (v.has("goal-reward")) {
            builder.goalReward(v.num("goal-reward"));
        }
        if (v.has("hole-reward")) {
            builder.holeReward(v.num("hole-reward"));
        }
        if (v.has("cliff-reward")) {
            builder.cliffReward(v.num("cliff-reward"));
        }
        kelvin.env.mdp.Gridworld grid;
        try {
            grid = builder.build();
        } catch (kelvin.env.mdp.MapException e) {
            throw v.has("rows") ? v.errorAt("rows", e.row(), e.getMessage()) : v.error("map", e.getMessage());
        }
        return new Environment.Tabular(grid, v.intValue("max-steps"), v.num("gamma"), Environment.Success.GOAL);
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
