package kelvin.agents.schedule;

/** Argument checks shared by the schedules; every message names the parameter and its value. */
final class Checks {

    private Checks() {
    }

    /** Checks the index of {@link Schedule#temperature(long)}. */
    static void index(long t) {
        if (t < 0) {
            throw new IllegalArgumentException("t is negative: " + t);
        }
    }

    /** A value in (0, +infinity). */
    static double positiveFinite(String name, double value) {
        if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " is not finite and > 0: " + value);
        }
        return value;
    }

    /** A value in [0, +infinity). */
    static double nonNegativeFinite(String name, double value) {
        if (!(value >= 0 && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " is not finite and >= 0: " + value);
        }
        return value;
    }

    /** A floor in [0, initial]. */
    static double floor(double min, double initial) {
        nonNegativeFinite("min", min);
        if (min > initial) {
            throw new IllegalArgumentException("min is greater than initial = " + initial + ": " + min);
        }
        return min;
    }

    /** A count of at least 1. */
    static long atLeastOne(String name, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " is not at least 1: " + value);
        }
        return value;
    }

    /** A factor in (0, 1]. */
    static double unitFactor(String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " is not in (0, 1]: " + value);
        }
        return value;
    }

    static Schedule.Per per(Schedule.Per per) {
        if (per == null) {
            throw new NullPointerException("per");
        }
        return per;
    }

    /** Suffix for toString when the schedule counts episodes. */
    /** Checks the index of a schedule that keeps state per run: its t must run 0, 1, 2, ... in order. */
    static Schedule.Per sequentialPer(Schedule.Per per) {
        if (per(per) == Schedule.Per.STATE_VISIT) {
            throw new IllegalArgumentException("per = state-visit does not fit a schedule with state per run, "
                + "which needs t = 0, 1, 2, ... in order");
        }
        return per;
    }

    static String perSuffix(Schedule.Per per) {
        return per == Schedule.Per.STEP ? "" : ", per=" + per.key();
    }
}
