package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** q-learning's {@code backup}, {@code omega} and {@code tau} keys as a config writes them. */
class BackupConfigTest {

    @TempDir
    Path tmp;

    private Cli validate(String agent) throws IOException {
        Path config = tmp.resolve("c.yaml");
        Files.writeString(config, "name: b\nruns: 1\nepisodes: 2\nenv: {type: asadi-littman-2-state}\nagents:\n"
            + "  q:\n    type: q-learning\n    policy: {type: epsilon-greedy, epsilon: 0.1}\n" + agent);
        return Cli.run("validate", config.toString());
    }

    private static void assertOneLineError(Cli r, String... parts) {
        assertEquals(2, r.exit(), r.out() + r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        for (String part : parts) {
            assertTrue(err.contains(part), err + " lacks " + part);
        }
    }

    @Test
    void eachBackupWithItsParameterValidates() throws IOException {
        for (String ok : new String[] {"", "    backup: max\n", "    backup: mellowmax\n    omega: 16.55\n",
            "    backup: soft\n    tau: 0.5\n"}) {
            Cli r = validate(ok);
            assertEquals(0, r.exit(), ok + r.err());
        }
    }

    @Test
    void mellowmaxWithoutOmegaIsRefusedAtTheBackupKey() throws IOException {
        assertOneLineError(validate("    backup: mellowmax\n"), "agents.q.backup", "needs omega");
        assertOneLineError(validate("    backup: soft\n"), "agents.q.backup", "needs tau");
    }

    @Test
    void aParameterOfAnotherBackupIsRefused() throws IOException {
        assertOneLineError(validate("    omega: 2\n"), "agents.q.omega", "backup: mellowmax", "not backup: max");
        assertOneLineError(validate("    backup: soft\n    tau: 1\n    omega: 2\n"), "agents.q.omega");
        assertOneLineError(validate("    backup: mellowmax\n    omega: 2\n    tau: 1\n"), "agents.q.tau");
    }

    @Test
    void badValuesAreRefusedWithTheKey() throws IOException {
        assertOneLineError(validate("    backup: mellowmax\n    omega: 0\n"), "agents.q.omega");
        assertOneLineError(validate("    backup: softmax\n    tau: 1\n"), "agents.q.backup", "mellowmax");
    }

    @Test
    void sarsaHasNoBackupKey() throws IOException {
        Path config = tmp.resolve("s.yaml");
        Files.writeString(config, "name: b\nruns: 1\nepisodes: 2\nenv: {type: asadi-littman-2-state}\nagents:\n"
            + "  s:\n    type: sarsa\n    backup: mellowmax\n    policy: {type: epsilon-greedy, epsilon: 0.1}\n");
        assertOneLineError(Cli.run("validate", config.toString()), "agents.s.backup");
    }
}
