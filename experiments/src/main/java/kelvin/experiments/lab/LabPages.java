package kelvin.experiments.lab;

import java.util.List;

/** The lab's pages, in the order of its navigation bar. */
public final class LabPages {
    private LabPages() {
    }

    /**
     * Every page of a lab.
     *
     * @param context what the pages share
     * @return the pages
     */
    public static List<LabPage> all(LabContext context) {
        return List.of(new SoftmaxPage(), new SchedulesPage(context), new ExperimentsPage(context),
                new GridworldPage(context));
    }
}
