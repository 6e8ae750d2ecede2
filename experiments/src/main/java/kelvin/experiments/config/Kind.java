package kelvin.experiments.config;

/** The families of named types a config can use, and the key that names the type in each. */
public enum Kind {
    ENV("type", "environment"),
    AGENT("type", "agent"),
    POLICY("type", "policy"),
    SCHEDULE("schedule", "schedule");

    private final String discriminator;
    private final String word;

    Kind(String discriminator, String word) {
        this.discriminator = discriminator;
        this.word = word;
    }

    /** The key that names the type, e.g. {@code type} or {@code schedule}. */
    public String discriminator() {
        return discriminator;
    }

    /** The family in words, e.g. "policy". */
    public String word() {
        return word;
    }
}
