package kelvin.agents.tabular;

import java.util.Arrays;
import kelvin.agents.policy.PolicyRun;
import kelvin.agents.schedule.Schedule;
import kelvin.agents.softmax.Mellowmax;
import kelvin.agents.softmax.Softmax;

/**
 * One run's tabular TD learner ({@link TdAgent}): the Q table, the policy's per-run state, and the
 * step and episode counters. Owned by one thread; allocates nothing per step.
 *
 * <h2>Runner protocol</h2>
 * The same for all three targets:
 * <pre>
 *   for each episode:
 *       learner.beginEpisode();
 *       int s = env.reset();
 *       while (true) {
 *           int a = learner.act(s);                    // the action to take in s
 *           // learner.entropy(), learner.temperature(): the choice of a (read them here)
 *           int s2 = env.step(a);  double r = env.reward();  boolean term = env.terminated();
 *           learner.learn(s, a, r, s2, term);          // one TD update
 *           s = s2;
 *           if (term || steps == maxSteps) break;      // truncation: no special call
 *       }
 *       learner.endEpisode();
 * </pre>
 * SARSA needs the next action before it can update: {@code learn} chooses a' for s2 with the
 * behaviour policy (unless s2 was entered by termination), bootstraps on Q(s2, a'), and keeps a'
 * as the next action, which the following {@code act(s2)} returns instead of choosing again (it is
 * an error to call {@code act} with another state then). On truncation that a' is never taken; it
 * is dropped by {@code endEpisode}. Q-learning and expected SARSA choose in {@code act}.
 *
 * <h2>Time index</h2>
 * The policy's index t is, with {@link Schedule.Per#STEP}, the number of environment steps the run
 * has completed before the action is chosen (0 for the first action of the run; SARSA's a' is
 * chosen with the index of the step it will be taken in); with {@link Schedule.Per#EPISODE}, the
 * episode number (0 for the first episode), the same for every choice of the episode; with
 * {@link Schedule.Per#STATE_VISIT}, the number of earlier visits to the state the choice is made
 * in, per run (0 on the first visit). A visit is an action taken in the state: {@code act} counts
 * it, so SARSA's a' for s2 is chosen with the count of s2 before the visit it will be taken in,
 * and a pending a' dropped on truncation counts nothing; entering a terminal state is no visit.
 * The counts are kept (S longs) only for that index. Expected SARSA's expectation uses the policy
 * at the next step's index (for state visits, the count of s2).
 *
 * <h2>Schedule feedback</h2>
 * Per step: {@code learn} forwards (r, entropy of the distribution that chose a) to
 * {@link PolicyRun#observe(double, double)} before choosing a' or computing the target, which moves
 * a stateful schedule to the next step. Per episode: {@code endEpisode} forwards (the episode's
 * undiscounted return, the mean entropy of the episode's choices) once. The entropy is NaN unless
 * the schedule asks for it ({@link PolicyRun#needsEntropy()}).
 *
 * <h2>Per-state policies</h2>
 * A policy that keeps a value per state ({@link PolicyRun#perState()}, VDBE's exploration rate) is
 * told the state before every call about one ({@link PolicyRun#inState(int)}: the choice in s, the
 * distribution of s2 for expected SARSA, the entropy of the last choice) and, after the update of
 * Q(s, a), its change ({@link PolicyRun#valueChanged(int, double)}). So SARSA's a' for s2 is chosen
 * before the update of the step that led there, with the exploration rate s2 had then.
 *
 * <h2>Entropy and temperature</h2>
 * {@link #entropy()} and {@link #temperature()} describe the distribution that chose the action the
 * last {@link #act(int)} returned. They are computed when asked and cached; ask before the next
 * {@code learn} (or {@code endEpisode} for per-episode schedules): after the schedule has been
 * observed, a stateful schedule has moved on. With {@link #trackEntropy(boolean)} on (forced on
 * when the schedule needs entropies) the entropy of every choice is computed as it is made and
 * {@link #episodeEntropy()} gives the mean over the episode's actions.
 */
public final class TdLearner implements TabularLearner {

    private final TdTarget target;
    private final Backup backup;
    private final double backupParameter;
    private final double alpha;
    private final double gamma;
    private final boolean perEpisode;
    /** Whether t is the state's visit count; then {@link #visits} holds the counts, otherwise it is null. */
    private final boolean perVisit;
    private final long[] visits;
    private final int states;
    private final int actions;
    private final double[] q;
    private final PolicyRun policy;
    private final boolean needsEntropy;
    /** Whether the policy keeps a value per state ({@link PolicyRun#perState()}): it is then told the state. */
    private final boolean perStatePolicy;
    /** The row handed to the policy for the last choice (a copy of Q(s, .)). */
    private final double[] row;
    /** Expected SARSA's probabilities and next row. */
    private final double[] probabilities;
    private final double[] nextRow;

    private long step;
    private long episode = -1;
    private boolean inEpisode;
    private double episodeReturn;
    private double episodeEntropySum;
    private long episodeActs;
    private boolean tracking;

    /** SARSA's chosen next action and its state, or -1. */
    private int pendingAction = -1;
    private int pendingState = -1;

    /** The index t, the state and the caches of the last choice. */
    private long lastIndex = -1;
    private int lastState = -1;
    private double lastEntropy = Double.NaN;
    private boolean entropyKnown;
    private double lastTemperature = Double.NaN;
    private boolean temperatureKnown;
    /** The entropy of the action the last act() returned (for the schedule's feedback). */
    private double actedEntropy = Double.NaN;

    TdLearner(TdAgent agent, int states, int actions, PolicyRun policy) {
        this.target = agent.target();
        this.backup = agent.backup();
        this.backupParameter = agent.backupParameter();
        this.alpha = agent.alpha();
        this.gamma = agent.gamma();
        this.perEpisode = agent.per() == Schedule.Per.EPISODE;
        this.perVisit = agent.per() == Schedule.Per.STATE_VISIT;
        this.visits = perVisit ? new long[states] : null;
        this.states = states;
        this.actions = actions;
        this.q = new double[states * actions];
        Arrays.fill(q, agent.initial());
        this.policy = policy;
        this.needsEntropy = policy.needsEntropy();
        this.perStatePolicy = policy.perState();
        this.tracking = needsEntropy;
        this.row = new double[actions];
        this.probabilities = new double[actions];
        this.nextRow = new double[actions];
    }

    /** S. */
    @Override
    public int states() {
        return states;
    }

    /** A. */
    @Override
    public int actions() {
        return actions;
    }

    /**
     * The bootstrap target: what stands for the value of s2 in {@link #learn}.
     *
     * @return the target of the agent that started this learner
     */
    public TdTarget target() {
        return target;
    }

    /**
     * Starts an episode: the episode counter moves to the next episode (0 for the first) and the
     * episode's return and entropy are reset.
     *
     * @throws IllegalStateException if the previous episode was not ended
     */
    @Override
    public void beginEpisode() {
        if (inEpisode) {
            throw new IllegalStateException("beginEpisode() twice: call endEpisode() first");
        }
        inEpisode = true;
        episode++;
        episodeReturn = 0;
        episodeEntropySum = 0;
        episodeActs = 0;
        pendingAction = -1;
        pendingState = -1;
    }

    /**
     * The action to take in state s: SARSA's pending next action if {@code learn} chose one for s,
     * otherwise a fresh choice of the behaviour policy on Q(s, .) at the current index.
     *
     * @param s the current state
     * @return the action, in [0, A)
     * @throws IllegalStateException outside an episode, or if SARSA chose its next action for a
     *     different state
     * @throws IndexOutOfBoundsException if s is out of range
     */
    @Override
    public int act(int s) {
        checkInEpisode();
        int a;
        if (pendingAction >= 0) {
            if (s != pendingState) {
                throw new IllegalStateException("act(" + s + "), but SARSA chose its next action for state "
                    + pendingState);
            }
            a = pendingAction;
            pendingAction = -1;
            pendingState = -1;
        } else {
            a = choose(s, scheduleIndex(s));
        }
        if (perVisit) {
            visits[s]++;
        }
        if (tracking) {
            actedEntropy = entropy();
            episodeEntropySum += actedEntropy;
        }
        episodeActs++;
        return a;
    }

    /**
     * One TD update from the step (s, a, r, s2), then the step counter advances. See the class
     * comment for the order of schedule feedback, SARSA's choice of a' and the update.
     *
     * @param s the state the action was taken in
     * @param a the action taken
     * @param r the reward received
     * @param s2 the next state
     * @param terminal whether entering s2 ended the episode (true termination, not truncation)
     * @throws IllegalStateException outside an episode
     * @throws IndexOutOfBoundsException if a state or the action is out of range
     */
    @Override
    public void learn(int s, int a, double r, int s2, boolean terminal) {
        checkInEpisode();
        int sa = index(s, a);
        int base2 = index(s2, 0);
        episodeReturn += r;
        if (!perEpisode) {
            policy.observe(r, needsEntropy ? actedEntropy : Double.NaN);
        }
        step++;
        double next = 0;
        if (!terminal) {
            next = switch (target) {
                case Q_LEARNING -> backup == Backup.MAX ? max(base2) : operatorValue(base2);
                case SARSA -> sarsaNext(s2, base2);
                case EXPECTED_SARSA -> expectation(s2, base2);
            };
        }
        double old = q[sa];
        q[sa] = old + alpha * (r + gamma * next - old);
        if (perStatePolicy) {
            policy.valueChanged(s, q[sa] - old);
        }
    }

    /**
     * Ends the episode; with a per-episode schedule, forwards (return, mean entropy) to it. Drops
     * SARSA's pending next action (the episode was truncated after it was chosen).
     *
     * @throws IllegalStateException outside an episode
     */
    @Override
    public void endEpisode() {
        checkInEpisode();
        if (perEpisode) {
            double h = needsEntropy && episodeActs > 0 ? episodeEntropySum / episodeActs : Double.NaN;
            policy.observe(episodeReturn, h);
        }
        inEpisode = false;
        pendingAction = -1;
        pendingState = -1;
    }

    /**
     * Entropy in nats of the distribution that chose the action the last {@link #act(int)}
     * returned (see the class comment for when to ask).
     *
     * @return the entropy, in [0, ln A]
     * @throws IllegalStateException before the first action
     */
    public double entropy() {
        checkChosen();
        if (!entropyKnown) {
            tellState(lastState);
            lastEntropy = policy.entropy(row, lastIndex);
            entropyKnown = true;
        }
        return lastEntropy;
    }

    /**
     * The temperature of the distribution that chose the action the last {@link #act(int)} returned,
     * or NaN if the policy has none.
     *
     * @return the temperature or NaN
     * @throws IllegalStateException before the first action
     */
    @Override
    public double temperature() {
        checkChosen();
        if (!temperatureKnown) {
            tellState(lastState);
            lastTemperature = policy.temperature(lastIndex);
            temperatureKnown = true;
        }
        return lastTemperature;
    }

    /**
     * Computes the entropy of every choice as it is made, so {@link #episodeEntropy()} is available
     * (forced on when the policy's schedule needs entropies).
     *
     * @param on whether to track
     */
    @Override
    public void trackEntropy(boolean on) {
        this.tracking = on || needsEntropy;
    }

    /**
     * The mean entropy of the choices of the current (or just ended) episode's actions, NaN if not
     * tracked or before the first action.
     *
     * @return the mean entropy in nats, or NaN
     */
    @Override
    public double episodeEntropy() {
        return tracking && episodeActs > 0 ? episodeEntropySum / episodeActs : Double.NaN;
    }

    /**
     * The undiscounted return of the current (or just ended) episode.
     *
     * @return the sum of the rewards passed to {@code learn} since the last {@code beginEpisode}
     *     (0 before the first {@code learn} of the episode)
     */
    public double episodeReturn() {
        return episodeReturn;
    }

    /**
     * The number of actions taken in the current (or just ended) episode.
     *
     * @return the number of {@link #act(int)} calls since the last {@code beginEpisode}
     */
    public long episodeSteps() {
        return episodeActs;
    }

    /**
     * The number of completed steps of the run.
     *
     * @return the number of {@code learn} calls so far, over all episodes
     */
    public long steps() {
        return step;
    }

    /**
     * The current (or just ended) episode's number.
     *
     * @return 0 for the first episode, or -1 before the first {@code beginEpisode}
     */
    public long episode() {
        return episode;
    }

    /**
     * The behaviour policy's probabilities in state s at the current index (the distribution the
     * next fresh choice in s would use).
     *
     * @param s the state
     * @param out receives A probabilities
     */
    @Override
    public void distribution(int s, double[] out) {
        System.arraycopy(q, index(s, 0), nextRow, 0, actions);
        tellState(s);
        policy.distribution(nextRow, scheduleIndex(s), out);
    }

    /**
     * A greedy action: the lowest-index action with the largest Q(s, .) (deterministic, for maps of
     * the greedy policy).
     *
     * @param s the state
     * @return argmax_a Q(s, a), lowest index on ties
     */
    @Override
    public int greedyAction(int s) {
        int base = index(s, 0);
        int best = 0;
        for (int a = 1; a < actions; a++) {
            if (q[base + a] > q[base + best]) {
                best = a;
            }
        }
        return best;
    }

    /**
     * The greedy action of every state (lowest index on ties).
     *
     * @param out receives S actions
     */
    public void greedyActions(int[] out) {
        if (out.length < states) {
            throw new IllegalArgumentException("out has length " + out.length + " < states = " + states);
        }
        for (int s = 0; s < states; s++) {
            out[s] = greedyAction(s);
        }
    }

    /**
     * The greedy policy with uniform tie-breaking as a probability table pi[s * A + a]: 1/n on
     * each of the n actions with the largest Q(s, .) (exact ties), 0 elsewhere. This is the policy a
     * greedy agent follows, ready for exact evaluation on the model.
     *
     * @param out receives S * A probabilities
     */
    @Override
    public void greedyPolicy(double[] out) {
        if (out.length < q.length) {
            throw new IllegalArgumentException("out has length " + out.length + " < states * actions = " + q.length);
        }
        for (int s = 0; s < states; s++) {
            int base = s * actions;
            double m = max(base);
            int n = 0;
            for (int a = 0; a < actions; a++) {
                if (q[base + a] == m) {
                    n++;
                }
            }
            double p = 1.0 / n;
            for (int a = 0; a < actions; a++) {
                out[base + a] = q[base + a] == m ? p : 0.0;
            }
        }
    }

    /**
     * The current action value of one state-action pair.
     *
     * @param s the state, in [0, S)
     * @param a the action, in [0, A)
     * @return Q(s, a)
     * @throws IndexOutOfBoundsException if s or a is out of range
     */
    public double value(int s, int a) {
        return q[index(s, a)];
    }

    /**
     * The bootstrap value of a state under the learner's backup operator ({@link Backup}): max_a
     * Q(s, a), mm_omega(Q(s, .)) or tau ln sum_a exp(Q(s, a) / tau).
     *
     * @param s the state, in [0, S)
     * @return the operator applied to Q(s, .)
     * @throws IndexOutOfBoundsException if s is out of range
     */
    public double backupValue(int s) {
        int base = index(s, 0);
        return backup == Backup.MAX ? max(base) : operatorValue(base);
    }

    /**
     * The largest action value of a state, the q-learning bootstrap value of s.
     *
     * @param s the state, in [0, S)
     * @return max_a Q(s, a)
     * @throws IndexOutOfBoundsException if s is out of range
     */
    public double maxValue(int s) {
        return max(index(s, 0));
    }

    /**
     * A copy of the Q table.
     *
     * @return a new array of S * A values, Q(s, a) at index s * A + a
     */
    public double[] values() {
        return q.clone();
    }

    /**
     * Copies Q into {@code out} (index s * A + a).
     *
     * @param out receives S * A values
     */
    public void copyValues(double[] out) {
        System.arraycopy(q, 0, out, 0, q.length);
    }

    /** Sets Q(s, a): for tests that start from hand-chosen values. */
    void setValue(int s, int a, double v) {
        q[index(s, a)] = v;
    }

    // ---------------------------------------------------------------------------------------------

    /** The policy index of the next choice in state s. */
    private long scheduleIndex(int s) {
        if (perVisit) {
            return visits[s];
        }
        // between episodes the next choice belongs to the next episode, whose index a per-episode
        // schedule has already moved to at endEpisode
        return perEpisode ? (inEpisode ? episode : episode + 1) : step;
    }

    private void tellState(int s) {
        if (perStatePolicy) {
            policy.inState(s);
        }
    }

    private int choose(int s, long t) {
        System.arraycopy(q, index(s, 0), row, 0, actions);
        tellState(s);
        int a = policy.select(row, t);
        lastIndex = t;
        lastState = s;
        entropyKnown = false;
        temperatureKnown = false;
        return a;
    }

    private double sarsaNext(int s2, int base2) {
        int a2 = choose(s2, scheduleIndex(s2));
        pendingAction = a2;
        pendingState = s2;
        return q[base2 + a2];
    }

    private double expectation(int s2, int base2) {
        System.arraycopy(q, base2, nextRow, 0, actions);
        tellState(s2);
        policy.distribution(nextRow, scheduleIndex(s2), probabilities);
        double e = 0;
        for (int b = 0; b < actions; b++) {
            e += probabilities[b] * nextRow[b];
        }
        return e;
    }

    /** Q-learning's mellowmax or soft summary of the row at base2 (not the max: see learn). */
    private double operatorValue(int base2) {
        System.arraycopy(q, base2, nextRow, 0, actions);
        return backup == Backup.SOFT ? Softmax.logSumExp(nextRow, actions, backupParameter)
            : Mellowmax.value(nextRow, actions, backupParameter);
    }

    private double max(int base) {
        double m = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < actions; a++) {
            if (q[base + a] > m) {
                m = q[base + a];
            }
        }
        return m;
    }

    private int index(int s, int a) {
        if (s < 0 || s >= states) {
            throw new IndexOutOfBoundsException("state " + s + " is not in [0, " + states + ")");
        }
        if (a < 0 || a >= actions) {
            throw new IndexOutOfBoundsException("action " + a + " is not in [0, " + actions + ")");
        }
        return s * actions + a;
    }

    private void checkInEpisode() {
        if (!inEpisode) {
            throw new IllegalStateException("not in an episode: call beginEpisode() first");
        }
    }

    private void checkChosen() {
        if (lastIndex < 0) {
            throw new IllegalStateException("no action has been chosen yet");
        }
    }
}
