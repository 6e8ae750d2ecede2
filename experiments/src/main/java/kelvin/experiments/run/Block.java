package kelvin.experiments.run;

/**
 * One block of runs of one cell: runs {@code from} (inclusive) to {@code to} (exclusive), the unit
 * the runner simulates, merges in order and, across machines, hands to one shard.
 *
 * @param cell the cell's index
 * @param index the block's position in its cell, from 0
 * @param from the first run
 * @param to one past the last run
 */
public record Block(int cell, int index, int from, int to) {

    /**
     * The block {@code index} of {@code cell} in an experiment of {@code runs} runs per cell.
     *
     * @param cell the cell's index
     * @param index the block's position in its cell
     * @param runs runs per cell
     * @return the block, whose last one may hold fewer than {@link Runner#BLOCK} runs
     */
    public static Block of(int cell, int index, int runs) {
        int from = index * Runner.BLOCK;
        return new Block(cell, index, from, Math.min(runs, from + Runner.BLOCK));
    }

    /**
     * The number of blocks of a cell.
     *
     * @param runs runs per cell
     * @return runs / {@link Runner#BLOCK}, rounded up
     */
    public static int perCell(int runs) {
        return (runs + Runner.BLOCK - 1) / Runner.BLOCK;
    }

    /**
     * The runs it holds.
     *
     * @return {@code to - from}
     */
    public int runs() {
        return to - from;
    }
}
