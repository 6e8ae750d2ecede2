package kelvin.env.bandit;

/** Small helpers shared by the bandits of this package. */
final class BanditMath {

    private BanditMath() {
    }

    /** The largest entry of a non-empty array of finite values. */
    static double max(double[] values) {
        double m = values[0];
        for (int i = 1; i < values.length; i++) {
            if (values[i] > m) {
                m = values[i];
            }
        }
        return m;
    }
}
