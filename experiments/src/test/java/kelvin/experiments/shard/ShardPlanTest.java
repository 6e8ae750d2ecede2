package kelvin.experiments.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import kelvin.experiments.config.ExperimentLoader;
import kelvin.experiments.config.Registry;
import kelvin.experiments.config.YamlTrees;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.run.Block;
import org.junit.jupiter.api.Test;

/**
 * The split of blocks over shards: contiguous in the global block order, covering every block
 * once, balanced by estimated work to within one block, and a pure function of the config and N.
 */
class ShardPlanTest {

    private static Experiment bandit(int runs, String agents) {
        return ExperimentLoader.bind(YamlTrees.parse("plan.yaml", "name: plan\nseed: 1\nruns: " + runs
                + "\nsteps: 300\nenv: {type: gaussian-bandit, arms: 4}\nagents:\n" + agents
                + "metrics: [regret]\n"), Registry.builtIns());
    }

    private static final String TWO = "  a: {type: action-value, policy: {type: epsilon-greedy, epsilon: 0.1}}\n"
            + "  b: {type: action-value, policy: {type: epsilon-greedy, epsilon: 0.2}}\n";

    private static List<Integer> runsPerShard(ShardPlan plan) {
        List<Integer> runs = new ArrayList<>();
        for (int s = 0; s < plan.shards(); s++) {
            runs.add(plan.shard(s).stream().mapToInt(Block::runs).sum());
        }
        return runs;
    }

    @Test
    void aSmallSplitIsTheOneWorkedOutByHand() {
        // two cells of 130 runs: blocks of 64, 64 and 2 runs each, all of equal cost per run; W = 260.
        // A block goes to the shard its middle falls in: middles 32, 96, 129, 162, 226, 259.
        Experiment e = bandit(130, TWO);
        ShardPlan one = ShardPlan.of(e, 1);
        assertEquals(List.of(Block.of(0, 0, 130), Block.of(0, 1, 130), Block.of(0, 2, 130), Block.of(1, 0, 130),
                Block.of(1, 1, 130), Block.of(1, 2, 130)), one.blocks());
        assertEquals(one.blocks(), one.shard(0));
        // N = 2: 129 / 260 < 1/2 <= 162 / 260, so each cell is one shard
        ShardPlan two = ShardPlan.of(e, 2);
        assertEquals(one.blocks().subList(0, 3), two.shard(0));
        assertEquals(one.blocks().subList(3, 6), two.shard(1));
        assertEquals(List.of(130, 130), runsPerShard(two));
        // N = 3: thirds at 86.7 and 173.3 of the work: {32}, {96, 129, 162}, {226, 259}
        ShardPlan three = ShardPlan.of(e, 3);
        assertEquals(List.of(64, 130, 66), runsPerShard(three));
        assertEquals(130L * 300, three.agentSteps(1));
        assertEquals(1, three.shardOf(Block.of(1, 0, 130)));
        assertEquals(2, three.shardOf(Block.of(1, 2, 130)));
        // more shards than blocks: some are empty, every block is still held once
        ShardPlan many = ShardPlan.of(e, 10);
        assertEquals(6, runsPerShard(many).stream().filter(r -> r > 0).count());
    }

    @Test
    void everySplitIsContiguousCompleteBalancedAndAPureFunctionOfConfigAndN() {
        Experiment e = bandit(1000, TWO + "  c: {type: action-value, policy: {type: boltzmann, temperature: 1}}\n");
        double perRun = ShardPlan.of(e, 1).estimatedSeconds(0) / (3 * 1000.0);
        for (int n = 1; n <= 40; n++) {
            ShardPlan plan = ShardPlan.of(e, n);
            ShardPlan again = ShardPlan.of(bandit(1000, TWO
                    + "  c: {type: action-value, policy: {type: boltzmann, temperature: 1}}\n"), n);
            List<Block> joined = new ArrayList<>();
            double total = 0;
            for (int s = 0; s < n; s++) {
                assertEquals(plan.shard(s), again.shard(s), "shard " + s + "/" + n);
                joined.addAll(plan.shard(s));
                total += plan.estimatedSeconds(s);
            }
            assertEquals(plan.blocks(), joined, "the shards, in order, are the global block order");
            for (int s = 0; s < n; s++) {
                double off = Math.abs(plan.estimatedSeconds(s) - total / n);
                assertTrue(off <= 64 * perRun * 1.0001, "shard " + s + "/" + n + " is " + off + " s off");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> ShardPlan.of(e, 0));
    }
}
