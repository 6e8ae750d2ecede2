import java.util.List;
import kelvin.agents.schedule.Schedule;
import kelvin.api.Component;
import kelvin.api.Kind;
import kelvin.api.Settings;

/** Does not compile: line 16 returns a String where a double is due. */
public final class Broken implements Schedule {
    @Override
    public Per per() {
        return Per.STEP;
    }

    @Override
    public double temperature(long t) {
        return "hot";
    }

    /** The declaration. */
    public static final class Declaration extends Component<Schedule> {
        /** Declares broken. */
        public Declaration() {
            super(Kind.SCHEDULE, "broken", "does not compile", "", List.of());
        }

        @Override
        public Schedule create(Settings settings) {
            return new Broken();
        }
    }
}
