package kelvin.experiments.compare;

/** Which t test a comparison used, and what it was computed from. */
public enum Test {
    /** Student's paired t on the per-run differences B_r - A_r (common random numbers). */
    PAIRED("paired", "paired t test on the per-run values of runs.csv"),
    /** Welch's unequal-variance t on the per-run values of each side. */
    WELCH("welch", "Welch's t test on the per-run values of runs.csv"),
    /**
     * Welch's t from curves.csv's mean, stderr and n: at a checkpoint before the last a results
     * folder keeps no per-run values, only their aggregates.
     */
    WELCH_CURVES("welch-curves", "Welch's t test on curves.csv's mean, stderr and n (runs.csv keeps per-run "
            + "values only at the last checkpoint)");

    private final String key;
    private final String description;

    Test(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /**
     * The name in tables and JSON.
     *
     * @return {@code paired}, {@code welch} or {@code welch-curves}
     */
    public String key() {
        return key;
    }

    /**
     * The test in words.
     *
     * @return what the output says about it
     */
    public String description() {
        return description;
    }
}
