package kelvin.agents.schedule;

/**
 * A schedule whose index counts episodes instead of steps ({@code per: episode}): the same values,
 * read once per episode by learners that have episodes.
 */
public final class Episodic implements Schedule {
    private final Schedule inner;

    private Episodic(Schedule inner) {
        this.inner = inner;
    }

    /**
     * @param inner the schedule to index by episode
     * @return {@code inner} counting episodes
     */
    public static Schedule of(Schedule inner) {
        if (inner.per() == Per.EPISODE) {
            return inner;
        }
        return new Episodic(inner);
    }

    @Override
    public double temperature(long t) {
        return inner.temperature(t);
    }

    @Override
    public Per per() {
        return Per.EPISODE;
    }

    @Override
    public ScheduleRun newRun() {
        return inner.newRun();
    }

    @Override
    public String toString() {
        return inner + " per episode";
    }
}
