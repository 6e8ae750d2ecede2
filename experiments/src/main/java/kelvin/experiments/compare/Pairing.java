package kelvin.experiments.compare;

import java.util.Map;
import java.util.Objects;

/**
 * Whether run r of a variant of A and run r of a variant of B met the same randomness of the
 * environment (common random numbers), so that their values can be paired by run. Kelvin seeds the
 * environment stream of run r from the master seed and r alone ({@code run/Streams}), so that holds
 * when both folders have the same seed, the same number of runs, the same environment (the whole
 * resolved {@code env} of config.yaml, and the same values of any swept environment key), the same
 * horizon and the same generator and seeding scheme.
 *
 * @param common whether the runs can be paired
 * @param reason the first condition that fails, or what holds when they can be paired
 */
public record Pairing(boolean common, String reason) {

    /**
     * Checks the conditions for one pair of variants.
     *
     * @param a folder A
     * @param variantA a variant of A
     * @param b folder B
     * @param variantB a variant of B
     * @return the pairing, with the reason
     */
    public static Pairing of(FolderResults a, String variantA, FolderResults b, String variantB) {
        if (a.seed() != b.seed()) {
            return new Pairing(false, "the seeds differ (A " + a.seed() + ", B " + b.seed() + ")");
        }
        if (a.runs() != b.runs()) {
            return new Pairing(false, "the numbers of runs differ (A " + a.runs() + ", B " + b.runs() + ")");
        }
        if (!a.environment().equals(b.environment())) {
            return new Pairing(false, "the environments differ (env in config.yaml)");
        }
        Map<String, String> envA = a.environmentParams(variantA);
        Map<String, String> envB = b.environmentParams(variantB);
        if (!envA.equals(envB)) {
            return new Pairing(false, "the swept environment keys differ (A " + envA + ", B " + envB + ")");
        }
        if (a.horizon() != b.horizon() || !a.horizonUnit().equals(b.horizonUnit())) {
            return new Pairing(false, "the horizons differ (A " + a.horizon() + " " + a.horizonUnit() + ", B "
                    + b.horizon() + " " + b.horizonUnit() + ")");
        }
        if (!Objects.equals(a.seeding(), b.seeding())) {
            return new Pairing(false, "the random generators or seeding schemes differ (manifest.json)");
        }
        return new Pairing(true, "same seed (" + a.seed() + "), runs (" + a.runs() + "), environment, horizon and "
                + "seeding scheme: run r of both met the same environment draws");
    }
}
