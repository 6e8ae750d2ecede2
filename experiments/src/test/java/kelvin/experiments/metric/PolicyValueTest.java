package kelvin.experiments.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import kelvin.experiments.ExperimentSession;
import kelvin.experiments.SessionOptions;
import kelvin.experiments.config.ExperimentLoader;
import kelvin.experiments.config.Registry;
import kelvin.experiments.config.YamlTrees;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.results.Interval;
import kelvin.experiments.results.ResultData;
import org.junit.jupiter.api.Test;

class PolicyValueTest {

    @Test
    void aUniformPolicysValueIsComputedOnTheModel() throws Exception {
        // map "SG": from S, right enters G (reward 1, terminal); up, down and left bump into the edge
        // and stay. Uniform over the 4 actions, G is entered at step k + 1 with probability
        // (3/4)^k (1/4), discounted 0.9^k: V = (1/4) / (1 - 0.75 * 0.9) = 0.25 / 0.325.
        String yaml = "name: pv\nseed: 1\nruns: 3\nepisodes: 20\n"
                + "env: {type: gridworld, rows: [SG], gamma: 0.9}\n"
                + "agents:\n  uniform: {type: q-learning, policy: {type: epsilon-greedy, epsilon: 1}}\n"
                + "metrics: [policy-value]\nrecord: {points: 5}\n";
        Experiment e = ExperimentLoader.bind(YamlTrees.parse("pv.yaml", yaml), Registry.builtIns());
        ResultData data = ExperimentSession.of(e).run(SessionOptions.inMemory().withThreads(1));
        Interval last = data.last(0, e.metric("policy-value"));
        // HorizonValues stops once a sweep changes the values by at most 1e-12 relative; the geometric
        // tail left then is that change times 0.675 / (1 - 0.675), about 2e-12 here
        assertEquals(0.25 / 0.325, last.mean(), 1e-11);
    }

    @Test
    void itReadsAStatefulPerEpisodeScheduleAtTheNextEpisodesIndex() throws Exception {
        // the metric asks for the policy between episodes, after the schedule has moved on to the next
        // episode: asking at the finished episode's index would take a stateful schedule back
        String yaml = "name: pv\nseed: 22\nruns: 2\nepisodes: 4\n"
                + "env: {type: gridworld, rows: [S.G], gamma: 0.9}\n"
                + "agents:\n  a: {type: q-learning, policy: {type: epsilon-greedy, epsilon: {schedule: "
                + "simulated-annealing, initial: 0.5, cooling: 0.5, plateau: 1, per: episode}}}\n"
                + "metrics: [policy-value]\nrecord: {points: 4}\n";
        Experiment e = ExperimentLoader.bind(YamlTrees.parse("pv.yaml", yaml), Registry.builtIns());
        ResultData data = ExperimentSession.of(e).run(SessionOptions.inMemory().withThreads(1));
        assertEquals(2, data.last(0, e.metric("policy-value")).n());
    }
}
