package kelvin.plots;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders realistic example charts and a report into a folder, for looking at them by eye.
 * Not a test (the surefire pattern does not match it): run it with
 * {@code java -cp ... kelvin.plots.Gallery /tmp/plots-check}.
 */
public final class Gallery {

    private Gallery() {
    }

    /**
     * Writes the gallery.
     *
     * @param args the output folder (default /tmp/plots-check)
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp/plots-check");
        Files.createDirectories(out);
        ChartRenderer renderer = new ChartRenderer();
        LineChart regret = Examples.regret();
        write(out, "regret", renderer, regret);
        write(out, "regret-logx", renderer, regret.withLogX(true).withTitle("Cumulative regret (log step)"));
        write(out, "temperature", renderer, Examples.temperatures());
        write(out, "temperature-ticks", renderer, Examples.temperatures().withYTicks(Ticks.oneTwoFive(0.01, 1))
            .withTitle("Temperature schedules (1-2-5 ticks)"));
        write(out, "parameter-study", renderer, Examples.parameterStudy());
        write(out, "sensitivity", renderer, Examples.sensitivity());
        write(out, "optimal-action", renderer, Examples.optimalAction());
        write(out, "many-variants", renderer, Examples.manyVariants());
        write(out, "empty", renderer, LineChart.of("Nothing recorded", "step", "reward", List.of()));
        write(out, "single-point", renderer, LineChart.of("One checkpoint", "step", "reward",
            List.of(Series.line("only", new double[] {1}, new double[] {0.5}, 0))));
        Files.write(out.resolve("visits.png"), renderer.png(Examples.visits()));
        Files.write(out.resolve("visits.svg"), renderer.svg(Examples.visits()));
        Files.write(out.resolve("cliff.png"), renderer.png(Examples.cliff()));
        Files.write(out.resolve("empty-heatmap.png"), renderer.png(new Heatmap("No states", new double[0][], "visits", true)));
        Files.writeString(out.resolve("report.html"), ReportRenderer.html(Examples.report(renderer)));
    }

    private static void write(Path out, String name, ChartRenderer renderer, LineChart chart) throws IOException {
        Files.write(out.resolve(name + ".png"), renderer.png(chart));
        Files.write(out.resolve(name + ".svg"), renderer.svg(chart));
    }

    /** Realistic example data shaped like Kelvin's results. */
    static final class Examples {

        private Examples() {
        }

        static double[] steps(int n) {
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = i + 1;
            }
            return t;
        }

        static LineChart regret() {
            double[] t = steps(1000);
            String[] names = {"boltzmann T=0.2", "annealed (exponential)", "eps-greedy 0.1"};
            double[] scale = {150, 110, 80};
            List<Series> series = new ArrayList<>();
            for (int v = 0; v < names.length; v++) {
                double[] y = new double[t.length];
                double[] lo = new double[t.length];
                double[] hi = new double[t.length];
                for (int i = 0; i < t.length; i++) {
                    y[i] = scale[v] * Math.log(t[i]);
                    lo[i] = 0.95 * y[i];
                    hi[i] = 1.05 * y[i];
                }
                series.add(Series.withBand(names[v], t, y, lo, hi, v));
            }
            double[] bound = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                bound[i] = 40 * Math.log(t[i]);
            }
            series.add(Series.guide("Lai-Robbins bound", t, bound));
            return LineChart.of("Cumulative regret", "step", "cumulative regret", series);
        }

        static LineChart temperatures() {
            double[] t = steps(1000);
            double[] exp = new double[t.length];
            double[] inv = new double[t.length];
            double[] log = new double[t.length];
            double[] fixed = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                double k = i;
                exp[i] = Math.max(0.01, Math.pow(0.995, k));
                inv[i] = 1.0 / (1 + 0.1 * k);
                log[i] = 0.5 / Math.log(k + 2);
                fixed[i] = 0.2;
            }
            return LineChart.temperatures("Temperature schedules", "step", List.of(
                Series.line("exponential (decay 0.995, min 0.01)", t, exp, 1),
                Series.line("inverse-time (k = 0.1)", t, inv, 3),
                Series.line("logarithmic (c = 0.5)", t, log, 4),
                Series.line("fixed 0.2", t, fixed, 0)));
        }

        /**
         * Shaped like Sutton &amp; Barto (2018), Figure 2.6: average reward over the first 1000
         * steps of four bandit agents against their parameter, 1/128 ... 4 on a log2 axis.
         */
        static LineChart parameterStudy() {
            double[] x = new double[10];
            for (int k = -7; k <= 2; k++) {
                x[k + 7] = Math.pow(2, k);
            }
            String[] names = {"ε-greedy (ε)", "gradient bandit (α)", "UCB (c)",
                "greedy, optimistic initialization (Q0)"};
            double[] peakAt = {-5, -2.5, -1, 0.5};
            double[] peak = {1.35, 1.45, 1.49, 1.42};
            double[] lowest = {1.02, 1.06, 1.04, 1.08};
            List<Series> series = new ArrayList<>();
            for (int v = 0; v < names.length; v++) {
                double[] y = new double[x.length];
                double[] lo = new double[x.length];
                double[] hi = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    double d = (Math.log(x[i]) / Math.log(2) - peakAt[v]) / 2.2;
                    y[i] = lowest[v] + (peak[v] - lowest[v]) * Math.exp(-d * d / 2);
                    lo[i] = y[i] - 0.012;
                    hi[i] = y[i] + 0.012;
                }
                series.add(Series.withBand(names[v], x, y, lo, hi, v));
            }
            return LineChart.of("Parameter study (cf. Sutton & Barto, Figure 2.6)", "ε   α   c   Q0",
                    "average reward over first 1000 steps", series)
                .withLogX(true)
                .withXTicks(Ticks.powersOfTwo(1.0 / 128, 4))
                .withYTicks(new double[] {1.0, 1.1, 1.2, 1.3, 1.4, 1.5},
                    new String[] {"1.0", "1.1", "1.2", "1.3", "1.4", "1.5"});
        }

        static LineChart sensitivity() {
            double[] temps = {0.05, 0.1, 0.2, 0.5, 1.0};
            double[] regret = {310, 180, 150, 240, 420};
            double[] lo = new double[5];
            double[] hi = new double[5];
            for (int i = 0; i < 5; i++) {
                lo[i] = regret[i] - 22;
                hi[i] = regret[i] + 22;
            }
            return LineChart.of("Final regret vs temperature", "temperature T", "cumulative regret at step 1000",
                List.of(Series.withBand("boltzmann", temps, regret, lo, hi, 0))).withLogX(true);
        }

        static LineChart optimalAction() {
            double[] t = steps(200);
            List<Series> series = new ArrayList<>();
            double[] rate = {0.02, 0.035, 0.05};
            double[] ceiling = {0.8, 0.9, 0.95};
            String[] names = {"boltzmann T=0.2", "annealed (exponential)", "eps-greedy 0.1"};
            for (int v = 0; v < 3; v++) {
                double[] y = new double[t.length];
                double[] lo = new double[t.length];
                double[] hi = new double[t.length];
                for (int i = 0; i < t.length; i++) {
                    double wobble = 0.015 * Math.sin(t[i] * (0.7 + v));
                    y[i] = 0.1 + (ceiling[v] - 0.1) * (1 - Math.exp(-rate[v] * t[i])) + wobble;
                    lo[i] = y[i] - 0.04;
                    hi[i] = Math.min(1, y[i] + 0.04);
                }
                series.add(Series.withBand(names[v], t, y, lo, hi, v));
            }
            return LineChart.of("Optimal action", "step", "fraction of runs choosing the best arm", series);
        }

        static LineChart manyVariants() {
            double[] t = steps(500);
            List<Series> series = new ArrayList<>();
            for (int v = 0; v < 10; v++) {
                double[] y = new double[t.length];
                for (int i = 0; i < t.length; i++) {
                    y[i] = (20 + 15 * v) * Math.log1p(t[i]);
                }
                String value = java.math.BigDecimal.valueOf(5 * (v + 1), 2).stripTrailingZeros().toPlainString();
                String label = v == 9 ? "boltzmann[policy.temperature.value=" + value + ", initial=5.0]"
                    : "boltzmann[policy.temperature.value=" + value + "]";
                series.add(Series.line(label, t, y, v));
            }
            return LineChart.of("Ten variants", "step", "cumulative regret", series);
        }

        static Heatmap visits() {
            String[] map = {
                "....#.....",
                "....#.....",
                "..........",
                "....#.....",
                "##.###.###",
                "....#.....",
                "....#.....",
                "..........",
                "....#.....",
            };
            double[][] counts = new double[map.length][map[0].length()];
            for (int r = 0; r < map.length; r++) {
                for (int c = 0; c < map[r].length(); c++) {
                    counts[r][c] = map[r].charAt(c) == '#' ? Double.NaN
                        : Math.round(5000 * Math.exp(-0.35 * (r + c)) + 3 * (r * c % 7));
                }
            }
            return new Heatmap("State visits (four-rooms)", counts, "visits", true);
        }

        static Heatmap cliff() {
            double[][] counts = new double[4][12];
            for (int c = 0; c < 12; c++) {
                counts[0][c] = 40 + 3 * c;
                counts[1][c] = 120 + 10 * c;
                counts[2][c] = 2600 - 90 * c;
                counts[3][c] = c == 0 ? 3000 : c == 11 ? 0 : 0.5 * c;
            }
            return new Heatmap("State visits (cliff-walking)", counts, "visits per episode", false);
        }

        static Report report(ChartRenderer renderer) {
            return Report.builder("ten-armed-testbed")
                .fact("seed", "2026")
                .fact("runs", "2000")
                .fact("steps", "1000")
                .fact("Kelvin version", "0.1.0-SNAPSHOT")
                .fact("wall time", "12.4 s")
                .fact("machine", "2 cores, Linux amd64, Java 17")
                .config("name: ten-armed-testbed\nseed: 2026\nruns: 2000\nagents:\n"
                    + "  eps-0.1: {type: action-value, policy: {type: epsilon-greedy, epsilon: 0.1}}\n"
                    + "  note: \"<script>alert('x')</script>\"\n")
                .figure(Figure.of("Cumulative regret", "Mean over 2000 runs; bands are 95% confidence intervals.",
                    renderer.png(regret())).withSvgLink("plots/regret.svg"))
                .figure(Figure.of("Cumulative regret (log step)", "Same data on a log step axis.",
                    renderer.png(regret().withLogX(true).withTitle("Cumulative regret (log step)"))))
                .figure(Figure.of("Temperature schedules", "Temperature used at each step.",
                    renderer.png(temperatures())))
                .figure(Figure.of("Optimal action", "Fraction of runs choosing the best arm.",
                    renderer.png(optimalAction())))
                .figure(Figure.of("State visits", "Visits per cell, log colour scale; walls are grey.",
                    renderer.png(visits())))
                .table(new Table("Summary at step 1000",
                    List.of("variant", "metric", "mean", "stderr", "ci95_low", "ci95_high", "n"),
                    List.of(
                        List.of("boltzmann T=0.2", "regret", "1036.2", "4.1", "1028.1", "1044.3", "2000"),
                        List.of("annealed (exponential)", "regret", "759.8", "3.7", "752.5", "767.1", "2000"),
                        List.of("eps-greedy 0.1", "regret", "552.6", "2.9", "546.9", "558.3", "2000"))))
                .table(new Table("Ranking by final regret (paired 95% CI of the difference to the best)",
                    List.of("rank", "variant", "mean regret", "difference to best"),
                    List.of(
                        List.of("1", "eps-greedy 0.1", "552.6", "—"),
                        List.of("2", "annealed (exponential)", "759.8", "207.2 [199.9, 214.5]"),
                        List.of("3", "boltzmann T=0.2 <b>", "1036.2", "483.6 [474.0, 493.2]"))))
                .build();
        }
    }
}
