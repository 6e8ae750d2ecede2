package kelvin.experiments.run;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import kelvin.agents.bandit.BanditAgent;
import kelvin.agents.bandit.BanditLearner;
import kelvin.agents.policy.Policy;
import kelvin.agents.policy.PolicyRun;
import kelvin.agents.schedule.Schedule;
import kelvin.agents.schedule.ScheduleRun;
import kelvin.agents.tabular.TabularAgent;
import kelvin.agents.tabular.TabularLearner;
import kelvin.api.Guide;
import kelvin.api.Kind;
import kelvin.env.bandit.BanditEnv;
import kelvin.env.bandit.BanditRun;
import kelvin.env.mdp.TabularEnv;
import kelvin.env.mdp.TabularModel;
import kelvin.env.mdp.TabularTask;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Holds plug-ins to the contract of the built-ins, cheaply, while they run: a schedule returns a
 * temperature in [0, +infinity]; a policy or agent returns an action in range, and its action
 * distribution is finite, non-negative and sums to 1 within {@link #SUM_TOLERANCE} (checked at the
 * first step and at steps 1, 2, 4, 8, ..., so the check costs a few calls per run); a bandit's
 * rewards are finite; a tabular model has as many states and actions as its environment says. A
 * violation throws a {@link ContractViolation} naming the plug-in, the value and the step. The
 * guards draw no random numbers, so a plug-in gives the same results guarded or not. Built-ins are
 * not wrapped: their tests hold them to the contract.
 */
public final class PluginGuards {

    /** How far from 1 a distribution's sum may be. */
    public static final double SUM_TOLERANCE = 1e-9;

    private PluginGuards() {
    }

    /**
     * The component wrapped in the guard of its kind.
     *
     * @param kind the component's kind
     * @param product what its factory created
     * @param name its config name
     * @return the guarded component (metrics are returned as they are)
     */
    public static Object guard(Kind kind, Object product, String name) {
        switch (kind) {
            case SCHEDULE:
                return new GuardedSchedule((Schedule) product, "plug-in schedule '" + name + "'");
            case POLICY:
                return new GuardedPolicy((Policy) product, "plug-in policy '" + name + "'");
            case BANDIT_AGENT:
                return new GuardedBanditAgent((BanditAgent) product, "plug-in agent '" + name + "'");
            case TABULAR_AGENT:
                return new GuardedTabularAgent((TabularAgent) product, "plug-in agent '" + name + "'");
            case ENVIRONMENT:
                if (product instanceof BanditEnv b) {
                    return new GuardedBanditEnv(b, "plug-in environment '" + name + "'");
                }
                TabularTask t = (TabularTask) product;
                return new TabularTask(new GuardedTabularEnv(t.mdp(), "plug-in environment '" + name + "'"),
                        t.maxSteps(), t.gamma());
            default:
                return product;
        }
    }

    /** Whether step t is one whose distribution is checked: 0, 1, 2, 4, 8, ... */
    static boolean checked(long t) {
        return (t & (t - 1)) == 0;
    }

    static double temperature(double value, String who, long t) {
        if (!(value >= 0)) {
            throw new ContractViolation(who + " returned the temperature " + value + " at t = " + t
                    + "; a temperature is a number >= 0 or inf");
        }
        return value;
    }

    static int action(int a, int count, String who, long t) {
        if (a < 0 || a >= count) {
            throw new ContractViolation(who + " returned the action " + a + " at step " + t + "; actions are 0 to "
                    + (count - 1));
        }
        return a;
    }

    static void checkDistribution(double[] p, int count, String who, long t) {
        double sum = 0;
        for (int i = 0; i < count; i++) {
            if (!(p[i] >= 0) || Double.isInfinite(p[i])) {
                throw new ContractViolation(who + " gave the probability " + p[i] + " to action " + i + " at step " + t
                        + "; probabilities are finite and >= 0");
            }
            sum += p[i];
        }
        if (!(Math.abs(sum - 1) <= SUM_TOLERANCE)) {
            throw new ContractViolation(who + ": action probabilities sum to " + String.format(Locale.ROOT, "%.12g",
                    sum)
                    + " at step " + t + ", not 1 (within " + SUM_TOLERANCE + ")");
        }
    }

    private record GuardedSchedule(Schedule schedule, String who) implements Schedule {
        @Override
        public double temperature(long t) {
            return PluginGuards.temperature(schedule.temperature(t), who, t);
        }

        @Override
        public Per per() {
            return schedule.per();
        }

        @Override
        public ScheduleRun newRun() {
            return guard(schedule.newRun());
        }

        @Override
        public ScheduleRun newRun(int arms) {
            return guard(schedule.newRun(arms));
        }

        @Override
        public double upperBound() {
            return schedule.upperBound();
        }

        @Override
        public boolean adaptsToEntropy() {
            return schedule.adaptsToEntropy();
        }

        private ScheduleRun guard(ScheduleRun run) {
            return new ScheduleRun() {
                @Override
                public double temperature(long t) {
                    return PluginGuards.temperature(run.temperature(t), who, t);
                }

                @Override
                public void observe(double reward, double entropy) {
                    run.observe(reward, entropy);
                }

                @Override
                public boolean needsEntropy() {
                    return run.needsEntropy();
                }
            };
        }
    }

    private record GuardedPolicy(Policy policy, String who) implements Policy {
        @Override
        public PolicyRun start(int arms, UniformRandomProvider rng) {
            return guard(policy.start(arms, rng), arms);
        }

        @Override
        public PolicyRun start(int arms, int states, UniformRandomProvider rng) {
            return guard(policy.start(arms, states, rng), arms);
        }

        private PolicyRun guard(PolicyRun run, int arms) {
            double[] p = new double[arms];
            return new PolicyRun() {
                @Override
                public int select(double[] q, long t) {
                    return check(run.select(q, t), q, t);
                }

                @Override
                public int select(double[] q, long t, int changed) {
                    return check(run.select(q, t, changed), q, t);
                }

                private int check(int a, double[] q, long t) {
                    action(a, arms, who, t);
                    if (checked(t)) {
                        run.distribution(q, t, p);
                        checkDistribution(p, arms, who, t);
                    }
                    return a;
                }

                @Override
                public double entropy(double[] q, long t) {
                    return run.entropy(q, t);
                }

                @Override
                public double temperature(long t) {
                    double v = run.temperature(t);
                    return Double.isNaN(v) ? v : PluginGuards.temperature(v, who, t);
                }

                @Override
                public void distribution(double[] q, long t, double[] out) {
                    run.distribution(q, t, out);
                }

                @Override
                public void observe(double reward, double entropy) {
                    run.observe(reward, entropy);
                }

                @Override
                public boolean needsEntropy() {
                    return run.needsEntropy();
                }

                @Override
                public boolean perState() {
                    return run.perState();
                }

                @Override
                public void inState(int s) {
                    run.inState(s);
                }

                @Override
                public void valueChanged(int s, double change) {
                    run.valueChanged(s, change);
                }
            };
        }

        @Override
        public Schedule.Per per() {
            return policy.per();
        }
    }

    private record GuardedBanditAgent(BanditAgent agent, String who) implements BanditAgent {
        @Override
        public BanditLearner start(int arms, UniformRandomProvider rng) {
            BanditLearner learner = agent.start(arms, rng);
            double[] p = new double[arms];
            return new BanditLearner() {
                private long t;

                @Override
                public int select() {
                    int a = action(learner.select(), arms, who, t);
                    if (checked(t)) {
                        learner.distribution(p);
                        checkDistribution(p, arms, who, t);
                    }
                    return a;
                }

                @Override
                public void update(int arm, double reward) {
                    learner.update(arm, reward);
                    t++;
                }

                @Override
                public double entropy() {
                    return learner.entropy();
                }

                @Override
                public double temperature() {
                    double v = learner.temperature();
                    return Double.isNaN(v) ? v : PluginGuards.temperature(v, who, t);
                }

                @Override
                public void distribution(double[] out) {
                    learner.distribution(out);
                }
            };
        }
    }

    private record GuardedTabularAgent(TabularAgent agent, String who) implements TabularAgent {
        @Override
        public TabularLearner start(int states, int actions, UniformRandomProvider rng) {
            TabularLearner learner = agent.start(states, actions, rng);
            double[] p = new double[actions];
            return new TabularLearner() {
                private long t;

                @Override
                public void beginEpisode() {
                    learner.beginEpisode();
                }

                @Override
                public int act(int s) {
                    if (checked(t)) {
                        learner.distribution(s, p);
                        checkDistribution(p, actions, who, t);
                    }
                    return action(learner.act(s), actions, who, t);
                }

                @Override
                public void learn(int s, int a, double r, int s2, boolean terminal) {
                    learner.learn(s, a, r, s2, terminal);
                    t++;
                }

                @Override
                public void endEpisode() {
                    learner.endEpisode();
                }

                @Override
                public double temperature() {
                    double v = learner.temperature();
                    return Double.isNaN(v) ? v : PluginGuards.temperature(v, who, t);
                }

                @Override
                public void distribution(int s, double[] out) {
                    learner.distribution(s, out);
                }

                @Override
                public int greedyAction(int s) {
                    return action(learner.greedyAction(s), actions, who, t);
                }

                @Override
                public void greedyPolicy(double[] out) {
                    learner.greedyPolicy(out);
                }

                @Override
                public int states() {
                    return learner.states();
                }

                @Override
                public int actions() {
                    return learner.actions();
                }

                @Override
                public void trackEntropy(boolean on) {
                    learner.trackEntropy(on);
                }

                @Override
                public double episodeEntropy() {
                    return learner.episodeEntropy();
                }
            };
        }
    }

    private record GuardedBanditEnv(BanditEnv env, String who) implements BanditEnv {
        @Override
        public int arms() {
            return env.arms();
        }

        @Override
        public boolean binaryRewards() {
            return env.binaryRewards();
        }

        @Override
        public double rewardNoise() {
            return env.rewardNoise();
        }

        @Override
        public List<Guide> guides() {
            return env.guides();
        }

        @Override
        public BanditRun start(UniformRandomProvider rng) {
            BanditRun run = env.start(rng);
            if (run.arms() != env.arms()) {
                throw new ContractViolation(who + " started a run with " + run.arms() + " arms; it declares "
                        + env.arms());
            }
            return new BanditRun() {
                private long t;

                @Override
                public int arms() {
                    return run.arms();
                }

                @Override
                public double mean(int arm) {
                    return finite(run.mean(arm), "the mean of arm " + arm);
                }

                @Override
                public double bestMean() {
                    return finite(run.bestMean(), "the best mean");
                }

                @Override
                public boolean isOptimal(int arm) {
                    return run.isOptimal(arm);
                }

                @Override
                public double pull(int arm) {
                    double reward = finite(run.pull(arm), "the reward");
                    t++;
                    return reward;
                }

                private double finite(double v, String what) {
                    if (!Double.isFinite(v)) {
                        throw new ContractViolation(who + " returned " + v + " as " + what + " at step " + t
                                + "; rewards and means are finite");
                    }
                    return v;
                }
            };
        }
    }

    private record GuardedTabularEnv(TabularEnv env, String who) implements TabularEnv {
        @Override
        public int states() {
            return env.states();
        }

        @Override
        public int actions() {
            return env.actions();
        }

        @Override
        public TabularModel model(UniformRandomProvider rng) {
            TabularModel m = env.model(rng);
            if (m.states() != env.states() || m.actions() != env.actions()) {
                throw new ContractViolation(who + " built a model of " + m.states() + " states and " + m.actions()
                        + " actions; it declares " + env.states() + " and " + env.actions());
            }
            return m;
        }

        @Override
        public boolean isRandomized() {
            return env.isRandomized();
        }

        @Override
        public OptionalInt horizon() {
            return env.horizon();
        }

        @Override
        public List<String> layout() {
            return env.layout();
        }

        @Override
        public boolean successState(int s) {
            return env.successState(s);
        }

        @Override
        public boolean successOnPositiveReturn() {
            return env.successOnPositiveReturn();
        }

        @Override
        public List<Guide> guides() {
            return env.guides();
        }
    }
}
