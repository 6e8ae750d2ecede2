package kelvin.experiments.model;

import java.util.Arrays;

/**
 * The steps at which every run reports its metrics ({@code record: {points, spacing}}): 1-based,
 * strictly increasing, always ending at the horizon and, with more than one point, starting at 1.
 * With at least as many points as steps, every step is recorded.
 */
public final class Checkpoints {

    /** How checkpoints are spread over the horizon. */
    public enum Spacing {
        /** Evenly spaced steps. */
        LINEAR,
        /** Geometrically spaced steps, denser at the start (curves drawn on a log time axis). */
        LOG
    }

    private Checkpoints() {
    }

    /**
     * The checkpoints of a horizon. Log spacing may give fewer than {@code points}: early points
     * that round to the same step are kept once.
     *
     * @param horizon number of steps H, at least 1
     * @param points requested number of checkpoints, at least 1
     * @param spacing linear: evenly from 1 to H; log: geometrically from 1 to H
     * @return distinct 1-based steps, ascending, first 1 (when points > 1) and last H
     */
    public static int[] of(int horizon, int points, Spacing spacing) {
        if (points >= horizon) {
            int[] all = new int[horizon];
            for (int i = 0; i < horizon; i++) {
                all[i] = i + 1;
            }
            return all;
        }
        if (points == 1) {
            return new int[] {horizon};
        }
        int[] raw = new int[points];
        for (int j = 0; j < points; j++) {
            double f = (double) j / (points - 1);
            double t = spacing == Spacing.LOG
                    ? Math.exp(f * Math.log(horizon))
                    : 1 + f * (horizon - 1);
            raw[j] = (int) Math.min(horizon, Math.max(1, Math.round(t)));
        }
        raw[points - 1] = horizon;
        // Log spacing rounds several early points to the same step; keep each step once.
        return Arrays.stream(raw).distinct().sorted().toArray();
    }
}
