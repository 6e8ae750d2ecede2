package kelvin.experiments.shard;

import java.util.ArrayList;
import java.util.List;
import kelvin.experiments.config.Limits;
import kelvin.experiments.model.Experiment;
import kelvin.experiments.run.Block;

/**
 * How an experiment's blocks are split over {@code N} shards: the blocks in their global order
 * (cell 0's blocks 0, 1, ..., then cell 1's, ...), cut into {@code N} contiguous runs of about equal
 * estimated work. A block's work is its share of its cell's {@link Limits#workSeconds} estimate,
 * which counts agent-steps weighted by what a step costs in that cell (arms of a bandit, actions and
 * states of a tabular task), never a measurement: the split is a pure function of the config and
 * {@code N}, the same on every machine, so each array task computes its own shard alone.
 *
 * <p>Block {@code k}, whose work starts at {@code P} of the total {@code W} and weighs {@code w},
 * goes to shard {@code floor(N (P + w / 2) / W)}: each shard takes the blocks whose middle falls in
 * its {@code 1/N} of the work. Shards may be empty when there are more shards than blocks.
 */
public final class ShardPlan {
    private final Experiment experiment;
    private final List<Block> blocks;
    private final double[] work;
    private final int[] first;

    private ShardPlan(Experiment experiment, List<Block> blocks, double[] work, int[] first) {
        this.experiment = experiment;
        this.blocks = blocks;
        this.work = work;
        this.first = first;
    }

    /**
     * The split of an experiment over {@code shards} shards.
     *
     * @param e a validated experiment
     * @param shards the number of shards, at least 1
     * @return the plan
     * @throws IllegalArgumentException if {@code shards < 1}
     */
    public static ShardPlan of(Experiment e, int shards) {
        if (shards < 1) {
            throw new IllegalArgumentException("shards must be at least 1: " + shards);
        }
        int perCell = Block.perCell(e.runs());
        List<Block> blocks = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int c = 0; c < e.cells().size(); c++) {
            double perRun = Limits.workSeconds(e, e.cells().get(c)) / e.runs();
            for (int b = 0; b < perCell; b++) {
                Block block = Block.of(c, b, e.runs());
                blocks.add(block);
                weights.add(perRun * block.runs());
            }
        }
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        int[] first = new int[shards + 1];
        double[] work = new double[shards];
        int[] owner = new int[blocks.size()];
        double before = 0;
        for (int k = 0; k < blocks.size(); k++) {
            double w = weights.get(k);
            double middle = total > 0 ? (before + w / 2) / total : (k + 0.5) / blocks.size();
            owner[k] = Math.min(shards - 1, (int) Math.floor(middle * shards));
            work[owner[k]] += w;
            before += w;
        }
        for (int s = 0, k = 0; s <= shards; s++) {
            while (k < blocks.size() && owner[k] < s) {
                k++;
            }
            first[s] = k;
        }
        first[shards] = blocks.size();
        return new ShardPlan(e, List.copyOf(blocks), work, first);
    }

    /**
     * The number of shards.
     *
     * @return N
     */
    public int shards() {
        return work.length;
    }

    /**
     * Every block of the experiment, in the global order the merge follows.
     *
     * @return cell by cell, block by block
     */
    public List<Block> blocks() {
        return blocks;
    }

    /**
     * The blocks of one shard: a contiguous run of {@link #blocks()}.
     *
     * @param shard from 0 to {@link #shards()} - 1
     * @return its blocks in the global order, possibly none
     */
    public List<Block> shard(int shard) {
        return blocks.subList(first[shard], first[shard + 1]);
    }

    /**
     * The shard that holds a block.
     *
     * @param block a block of the experiment
     * @return its shard, from 0 to {@link #shards()} - 1
     */
    public int shardOf(Block block) {
        int k = block.cell() * Block.perCell(experiment.runs()) + block.index();
        int s = 0;
        while (first[s + 1] <= k) {
            s++;
        }
        return s;
    }

    /**
     * A shard's estimated work by the cost model, in seconds of one core.
     *
     * @param shard from 0 to {@link #shards()} - 1
     * @return the sum of its blocks' estimates
     */
    public double estimatedSeconds(int shard) {
        return work[shard];
    }

    /**
     * A shard's agent-steps: runs times steps (or episodes) of its blocks.
     *
     * @param shard from 0 to {@link #shards()} - 1
     * @return the sum over its blocks
     */
    public long agentSteps(int shard) {
        return shard(shard).stream().mapToLong(b -> (long) b.runs() * experiment.horizon()).sum();
    }
}
