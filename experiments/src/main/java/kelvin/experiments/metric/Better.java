package kelvin.experiments.metric;

/** Which values of a metric are the good ones, for rankings and headline charts. */
public enum Better {
    /** Lower is better (regret, episode length). */
    LOWER,
    /** Higher is better (reward, return). */
    HIGHER,
    /** Neither: a description of behaviour (entropy, temperature). */
    NEITHER
}
