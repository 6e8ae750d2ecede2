import java.util.List;
import kelvin.agents.schedule.Schedule;
import kelvin.api.Component;
import kelvin.api.Kind;
import kelvin.api.Settings;

/** A declaration whose constructor throws: loading it must fail with one line. */
public final class Exploding {
    private Exploding() {
    }

    /** The declaration. */
    public static final class Declaration extends Component<Schedule> {
        /** Throws. */
        public Declaration() {
            super(Kind.SCHEDULE, "exploding", "throws while being declared", "", List.of());
            throw new IllegalStateException("the declaration refuses to be built");
        }

        @Override
        public Schedule create(Settings settings) {
            throw new AssertionError("never created");
        }
    }
}
