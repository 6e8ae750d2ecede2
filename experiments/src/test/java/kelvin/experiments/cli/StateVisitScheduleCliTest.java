package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-state schedules through the command line: `kelvin schedule` and runs on a gridworld. */
class StateVisitScheduleCliTest {

    private static final String CONFIG = """
            name: visits
            seed: 3
            runs: 3
            episodes: 20
            env: {type: gridworld, map: four-rooms, gamma: 0.95, max-steps: 300}
            metrics: [return, length, temperature, entropy]
            agents:
              glie:
                type: sarsa
                policy: {type: boltzmann, temperature: {schedule: glie-boltzmann, c: 1}}
              visit-exp:
                type: expected-sarsa
                policy: {type: boltzmann, temperature: {schedule: exponential, initial: 1, decay: 0.99, \
            per: state-visit}}
            """;

    @TempDir
    Path tmp;

    private Path config() throws IOException {
        Path file = tmp.resolve("visits.yaml");
        Files.writeString(file, CONFIG);
        return file;
    }

    @Test
    void scheduleShowsTheValuesAgainstTheVisitCount() throws IOException {
        Cli r = Cli.run("schedule", config().toString(), "--at", "0,1,3");
        assertEquals(0, r.exit(), r.err());
        // glie: T = 1 / ln(t + 1): +inf, 1 / ln 2, 1 / ln 4
        assertTrue(r.out().contains("glie                           t (earlier visits) = 0          T = Infinity"),
                r.out());
        assertTrue(r.out().contains("t (earlier visits) = 1          T = 1.44270"), r.out());
        assertTrue(r.out().contains("t (earlier visits) = 3          T = 0.721348"), r.out());
        assertTrue(r.out().contains("visit-exp                      t (earlier visits) = 3          T = 0.970299"),
                r.out());
    }

    @Test
    void aPerStateRunIsTheSameOnOneAndTwoThreads() throws IOException {
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        Cli a = Cli.run("run", config().toString(), "--out", one.toString(), "--quiet", "--no-plots", "--threads", "1");
        Cli b = Cli.run("run", config().toString(), "--out", two.toString(), "--quiet", "--no-plots", "--threads", "2");
        assertEquals(0, a.exit(), a.err());
        assertEquals(0, b.exit(), b.err());
        String curves = Files.readString(one.resolve("curves.csv"));
        assertEquals(curves, Files.readString(two.resolve("curves.csv")));
        // the first episode enters new states, where glie's T is +inf: its mean temperature is +inf
        assertTrue(curves.contains("glie,temperature,1,Infinity"), curves);
        assertTrue(curves.contains("visit-exp,temperature,1,"), curves);
    }
}
