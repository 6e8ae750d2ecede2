package kelvin.experiments.config;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kelvin.api.Component;
import kelvin.api.Key;
import kelvin.api.Kind;
import kelvin.api.ValueType;
import kelvin.experiments.cli.Main;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * {@code kelvin validate} is complete: a config it accepts runs, and a config it refuses is refused
 * by {@code kelvin run} with the same one line. The configs are generated from the registry's declared
 * keys, so a new component or key is fuzzed without touching this test: random environments, agents,
 * policies and schedules (a temperature as a number or as a schedule mapping), each key absent, in
 * range, at its range's edges, just past them, at the extremes of a double (1e308, 1e-320, inf, nan)
 * or of the wrong type, with horizons of a few steps so that every accepted config runs in
 * milliseconds.
 *
 * <p>For each config, in-process through {@link Main#execute}: validate exits 0 or 2 (never 1);
 * exit 0 means run exits 0; exit 2 means run exits 2 with the same message and leaves no results
 * folder; no output names an exception class or holds a stack frame. Both commands get a
 * {@code --budget} of a few seconds, so a config estimated to need more is refused by both alike and
 * the 2000 tries stay under a minute. At least a fifth of the configs must be valid (about a third
 * are), or the property would only exercise the refusals.
 *
 * <p>The seed is not fixed: every run of the suite tries new configs, which is the point of a fuzz
 * test. jqwik's failure database replays a failing seed first on the next local run, and the
 * failing config's text is in the assertion message, so a failure in CI reproduces without jqwik.
 * The configs come from one random source per try ({@link Arbitraries#randomValue}), which jqwik
 * cannot shrink, so shrinking is off.
 */
class ValidateImpliesRunProperties {
    /** Text no user should see: a Java class name, an exception's name or a stack frame. */
    private static final Pattern LEAK = Pattern.compile(
            "java\\.lang\\.|[A-Za-z]+(Exception|Error):|\\bat kelvin\\.|\\tat |[a-z]+\\.[a-z]+\\.[A-Z][A-Za-z]+Exception");
    private static final Registry REGISTRY = Registry.builtIns();
    private static final AtomicInteger CASES = new AtomicInteger();
    private static Path tmp;

    @BeforeContainer
    static void createFolder() throws IOException {
        tmp = Files.createTempDirectory("kelvin-validate-run");
    }

    @AfterContainer
    static void deleteFolder() throws IOException {
        delete(tmp);
    }

    @Property(tries = 2000, shrinking = ShrinkingMode.OFF)
    void validateAcceptsExactlyWhatRuns(@ForAll("configs") Case c) throws IOException {
        int id = CASES.incrementAndGet();
        Path file = tmp.resolve("c" + id + ".yaml");
        Path out = tmp.resolve("out" + id);
        Files.writeString(file, c.text());
        String[] budget = c.budget() == null ? new String[0] : new String[] {"--budget", c.budget()};
        Outcome v = execute(concat(new String[] {"validate", file.toString()}, budget));
        List<String> run = new ArrayList<>(List.of("run", file.toString(), "--out", out.toString(), "--quiet",
                "--threads", Integer.toString(c.threads())));
        if (!c.plots()) {
            run.add("--no-plots");
        }
        Outcome r = execute(concat(run.toArray(new String[0]), budget));
        String what = "\n--- config:\n" + c.text() + "\n--- validate (" + v.exit + "):\n" + v.text()
                + "\n--- run (" + r.exit + "):\n" + r.text();
        try {
            check(v.exit == 0 || v.exit == 2, "validate exits 0 or 2" + what);
            check(!LEAK.matcher(v.text()).find(), "validate output names no class and has no trace" + what);
            check(!LEAK.matcher(r.text()).find(), "run output names no class and has no trace" + what);
            Statistics.collect(v.exit == 0 ? "valid" : "refused");
            Statistics.coverage(coverage -> coverage.check("valid").percentage(p -> p >= 20));
            if (v.exit == 0) {
                check(r.exit == 0, "a config validate accepts runs" + what);
            } else {
                check(r.exit == 2, "a config validate refuses is refused by run" + what);
                check(r.err.strip().equals(v.err.strip()), "run refuses it with validate's message" + what);
                check(v.err.strip().lines().count() == 1, "one line" + what);
                check(!Files.exists(out), "no results folder after a refusal" + what);
            }
        } finally {
            Files.deleteIfExists(file);
            delete(out);
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private record Outcome(int exit, String out, String err) {
        String text() {
            return out + err;
        }
    }

    private static Outcome execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Outcome(exit, out.toString(), err.toString());
    }

    private static void delete(Path p) throws IOException {
        if (p == null || !Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /**
     * One generated config and how to run it.
     *
     * @param text the YAML
     * @param threads worker threads of the run
     * @param plots whether the run draws charts (slow: one config in 200)
     * @param budget the --budget option, or null for the default
     */
    record Case(String text, int threads, boolean plots, String budget) {
        @Override
        public String toString() {
            return text + "\n(threads " + threads + (plots ? ", plots" : "") + (budget == null ? "" : ", budget "
                    + budget) + ")";
        }
    }

    @Provide
    Arbitrary<Case> configs() {
        return Arbitraries.randomValue(random -> new Generator(random).generate());
    }

    /**
     * Writes one random config from the registry's keys. {@code hostility} is the chance that a value
     * is extreme or of the wrong type rather than typical, drawn per config, so that a good share of
     * the configs is valid while every edge still comes up.
     */
    static final class Generator {
        private static final String[] WRONG = {"\"x\"", "true", "[1, 2]", "{a: 1}", "\"0.5\"", "null", "[]", "{}",
            "\"\""};
        private final Random random;
        private final double hostility;
        private final double boldness;

        Generator(Random random) {
            this.random = random;
            this.hostility = new double[] {0, 0, 0.02, 0.05, 0.15}[random.nextInt(5)];
            this.boldness = new double[] {0, 0.1, 0.3, 0.6}[random.nextInt(4)];
        }

        Case generate() {
            List<Registry.Entry> envs = REGISTRY.all(Kind.ENVIRONMENT);
            Component<?> env = envs.get(random.nextInt(envs.size())).component();
            boolean tabular = !env.name().endsWith("bandit");
            Map<String, String> root = new LinkedHashMap<>();
            root.put("name", "fz");
            root.put("seed", Integer.toString(random.nextInt(100)));
            root.put("runs", hostile() ? pick("0", "-1", "1.5", "\"2\"", "10000001") : Integer.toString(1
                    + random.nextInt(3)));
            String horizon = tabular ^ rarely() ? "episodes" : "steps";
            root.put(horizon, hostile() ? pick("0", "-3", "2.5", "100000001", "\"3\"")
                    : Integer.toString(1 + random.nextInt(5)));
            root.put("env", component(env));
            Map<String, String> agents = new LinkedHashMap<>();
            int n = 1 + random.nextInt(2);
            for (int i = 0; i < n; i++) {
                Kind kind = tabular ^ rarely() ? Kind.TABULAR_AGENT : Kind.BANDIT_AGENT;
                List<Registry.Entry> all = REGISTRY.all(kind);
                agents.put("a" + i, component(all.get(random.nextInt(all.size())).component()));
            }
            root.put("agents", flow(agents));
            if (random.nextInt(4) == 0) {
                List<String> metrics = REGISTRY.names(Kind.METRIC);
                List<String> chosen = new ArrayList<>();
                for (String m : metrics) {
                    if (random.nextInt(3) == 0) {
                        chosen.add(m);
                    }
                }
                root.put("metrics", "[" + String.join(", ", chosen) + "]");
            }
            if (random.nextInt(4) == 0) {
                root.put("record", "{points: " + pick("1", "2", "5", "0") + ", spacing: " + pick("linear", "log")
                        + "}");
            }
            StringBuilder text = new StringBuilder();
            root.forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
            String budget = pick("1s", "2s", "5s");
            return new Case(text.toString(), 1 + random.nextInt(2), random.nextInt(200) == 0, budget);
        }

        private String component(Component<?> c) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put(c.kind().discriminator(), rarely() ? pick("nope", "\"\"", "[1]") : c.name());
            putKeys(m, c.keys());
            return flow(m);
        }

        private void putKeys(Map<String, String> m, List<Key> keys) {
            for (Key k : keys) {
                boolean include = k.required() ? !rarely() : random.nextDouble() < 0.5;
                if (include) {
                    m.put(k.name(), value(k.name(), k.type()));
                }
            }
            if (rarely()) {
                m.put("unknown-key", "1");
            }
        }

        private String value(String name, ValueType type) {
            if (hostile() && random.nextInt(3) == 0) {
                return WRONG[random.nextInt(WRONG.length)];
            }
            if (type instanceof ValueType.Num num) {
                return number(name, num);
            } else if (type instanceof ValueType.Int i) {
                return whole(name, i);
            } else if (type instanceof ValueType.Bool) {
                return random.nextBoolean() ? "true" : "false";
            } else if (type instanceof ValueType.Choice c) {
                return hostile() ? "bogus" : c.values().get(random.nextInt(c.values().size()));
            } else if (type instanceof ValueType.ChoiceList c) {
                List<String> chosen = new ArrayList<>();
                for (String v : c.element().values()) {
                    if (random.nextInt(3) == 0) {
                        chosen.add(v);
                    }
                }
                return "[" + String.join(", ", chosen) + "]";
            } else if (type instanceof ValueType.Str s) {
                return word(s);
            } else if (type instanceof ValueType.StrList) {
                return map();
            } else if (type instanceof ValueType.NumList l) {
                return list(name, l);
            } else if (type instanceof ValueType.Group g) {
                Map<String, String> m = new LinkedHashMap<>();
                putKeys(m, g.keys());
                return flow(m);
            } else if (type instanceof ValueType.ListOrGroup lg) {
                return random.nextBoolean() ? list(name, lg.list()) : value(name, lg.group());
            } else if (type instanceof ValueType.Nested nested) {
                List<Registry.Entry> all = REGISTRY.all(nested.kind());
                return component(all.get(random.nextInt(all.size())).component());
            } else if (type instanceof ValueType.NumOrSchedule ns) {
                if (random.nextBoolean()) {
                    return number(name, ns.constant());
                }
                List<Registry.Entry> all = REGISTRY.all(Kind.SCHEDULE);
                return component(all.get(random.nextInt(all.size())).component());
            }
            throw new IllegalStateException("a value type this test does not generate: " + type);
        }

        /** A number: typical for the range, or an edge, or just past one, or an extreme double. */
        private String number(String name, ValueType.Num t) {
            boolean invalid = hostile();
            if (!invalid && !bold()) {
                return num(typical(t));
            }
            List<Double> edges = new ArrayList<>(List.of(0.0, 1e308, -1e308, 1e-320, -1e-320, 1e100, 1e15,
                    Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1.0, -1.0));
            for (double end : new double[] {t.min(), t.max()}) {
                if (Double.isFinite(end)) {
                    edges.add(end);
                    edges.add(Math.nextUp(end));
                    edges.add(Math.nextDown(end));
                    edges.add(end + 0.5);
                    edges.add(end - 0.5);
                }
            }
            List<Double> chosen = new ArrayList<>();
            for (double e : edges) {
                if (t.accepts(e) != invalid) {
                    chosen.add(e);
                }
            }
            return num(chosen.isEmpty() ? typical(t) : chosen.get(random.nextInt(chosen.size())));
        }

        private double typical(ValueType.Num t) {
            boolean lowFinite = Double.isFinite(t.min());
            boolean highFinite = Double.isFinite(t.max());
            double v;
            if (lowFinite && highFinite) {
                v = t.min() + (t.max() - t.min()) * random.nextDouble();
            } else if (lowFinite) {
                v = t.min() + pick(0.01, 0.1, 0.5, 1.0, 2.0, 10.0);
            } else if (highFinite) {
                v = t.max() - pick(0.01, 0.1, 0.5, 1.0, 2.0, 10.0);
            } else {
                v = pick(-10.0, -1.0, -0.5, 0.0, 0.5, 1.0, 5.0);
            }
            return t.accepts(v) ? v : (lowFinite && !t.minOpen() ? t.min() : v);
        }

        private String whole(String name, ValueType.Int t) {
            if (!hostile()) {
                if (bold()) {
                    return Long.toString(random.nextBoolean() || "max-steps".equals(name) ? t.min() : t.max());
                }
                long span = Math.min(t.max() - t.min(), "max-steps".equals(name) ? 30 : 4);
                return Long.toString(t.min() + (long) (random.nextDouble() * (span + 1)));
            }
            return pick(Long.toString(t.min()), Long.toString(t.min() - 1), Long.toString(t.max()),
                    t.max() == Long.MAX_VALUE ? "9223372036854775808" : Long.toString(t.max() + 1), "0", "-1",
                    "1.5", "1e3", "2147483648", "99999999999999999999");
        }

        private String list(String name, ValueType.NumList l) {
            if (hostile() && random.nextBoolean()) {
                return random.nextBoolean() ? "[]" : "[" + number(name, l.element()) + "]";
            }
            int size = l.minSize() + random.nextInt(4);
            List<String> items = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                items.add(number(name, l.element()));
            }
            if (l.minSize() == 2 && size >= 2 && !hostile()) {
                items = List.of(num(-1 - random.nextInt(3)), num(1 + random.nextInt(3)));
            }
            return "[" + String.join(", ", items) + "]";
        }

        /** A word the description names (a built-in map), N replaced by a number near its range. */
        private String word(ValueType.Str s) {
            List<String> words = new ArrayList<>();
            Matcher m = Pattern.compile("[a-z][a-z0-9]*(-[a-zA-Z0-9]+)+").matcher(s.what());
            while (m.find()) {
                words.add(m.group().replace("-N", "-" + pick("3", "4", "5", "8", "64", "65")));
            }
            if (words.isEmpty() || hostile()) {
                return pick("\"\"", "nope", "\"a b\"", "x".repeat(200));
            }
            return words.get(random.nextInt(words.size()));
        }

        /** Map rows: tiny grids, usually with one S and one G, sometimes broken. */
        private String map() {
            if (hostile() && random.nextBoolean()) {
                return pick("[]", "[\"\"]", "[\"SG\", \"S\"]", "[\"S#G\"]", "[\"SxG\"]");
            }
            int rows = 1 + random.nextInt(3);
            int cols = 2 + random.nextInt(3);
            char[][] g = new char[rows][cols];
            String cells = "....#HCF";
            for (char[] row : g) {
                for (int c = 0; c < cols; c++) {
                    row[c] = cells.charAt(random.nextInt(cells.length()));
                }
            }
            g[0][0] = 'S';
            g[rows - 1][cols - 1] = 'G';
            List<String> items = new ArrayList<>();
            for (char[] row : g) {
                items.add("\"" + new String(row) + "\"");
            }
            return "[" + String.join(", ", items) + "]";
        }

        private boolean hostile() {
            return random.nextDouble() < hostility;
        }

        private boolean bold() {
            return random.nextDouble() < boldness;
        }

        private boolean rarely() {
            return random.nextDouble() < hostility / 4;
        }

        @SafeVarargs
        private <T> T pick(T... options) {
            return options[random.nextInt(options.length)];
        }

        private static String flow(Map<String, String> m) {
            StringBuilder sb = new StringBuilder("{");
            m.forEach((k, v) -> sb.append(sb.length() > 1 ? ", " : "").append(k).append(": ").append(v));
            return sb.append('}').toString();
        }

        private static String num(double v) {
            if (Double.isNaN(v)) {
                return ".nan";
            }
            if (Double.isInfinite(v)) {
                return v > 0 ? ".inf" : "-.inf";
            }
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                return Long.toString((long) v);
            }
            String s = Double.toString(v).replace('E', 'e');
            return s.contains("e") && !s.contains("e-") ? s.replace("e", "e+") : s;
        }
    }
}
