package kelvin.env.bandit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kelvin.api.Key;
import kelvin.api.Settings;
import kelvin.api.ValueType;
import kelvin.api.ValueType.Num;

/**
 * The {@code means} key of the Gaussian and drifting bandits: a list of arm means, or
 * {@code {distribution: normal, mean, sd}} to draw them per run. Shared by their declarations so
 * both accept and document it alike.
 */
final class ArmMeans {

    /** A list of finite means, or a normal distribution to draw them from. */
    static final ValueType TYPE = new ValueType.ListOrGroup(new ValueType.NumList(Num.magnitude(), 1),
            new ValueType.Group("means", List.of(
                    Key.required("distribution", new ValueType.Choice(List.of("normal")), "distribution of the means"),
                    Key.optional("mean", Num.magnitude(), 0.0, "mean of the means"),
                    Key.optional("sd", Num.scale(), 1.0, "standard deviation of the means"))));

    private ArmMeans() {
    }

    /**
     * The normal distribution a config leaves the means to by default.
     *
     * @param sd its standard deviation
     * @return the default as written: {distribution: normal, mean: 0, sd}
     */
    static Map<String, Object> normal(double sd) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("distribution", "normal");
        m.put("mean", 0.0);
        m.put("sd", sd);
        return m;
    }

    /**
     * The listed means, checked against {@code arms} when that was written too; null when the means
     * are drawn.
     *
     * @param s the bandit's settings
     * @return the means, or null
     */
    static double[] listed(Settings s) {
        if (!s.isList("means")) {
            return null;
        }
        double[] means = s.nums("means");
        if (s.written("arms") && s.intValue("arms") != means.length) {
            throw s.error("arms", "is " + s.intValue("arms") + " but means lists " + means.length
                    + " values; give one mean per arm (or leave arms out)");
        }
        return means;
    }
}
