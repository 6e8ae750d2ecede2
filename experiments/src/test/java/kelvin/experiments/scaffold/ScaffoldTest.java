package kelvin.experiments.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The plan of a scaffold, before anything is written: the class name derived from NAME, the files
 * and the commands as the user will type them, relative to the folder {@code kelvin new} ran in.
 */
class ScaffoldTest {

    @ParameterizedTest
    @CsvSource({"my-cooling, MyCooling", "ucb-2, Ucb2", "a, A", "sqrt-cooling-v2, SqrtCoolingV2", "x1-y, X1Y"})
    void theClassIsNamedAfterTheComponent(String name, String className) {
        assertEquals(className, Scaffold.className(name));
    }

    @Test
    void withoutDirTheFilesAndCommandsAreRelativeToTheCurrentFolder() {
        Scaffold s = Scaffold.of(ScaffoldKind.SCHEDULE, "my-cooling", Path.of(""));
        assertEquals(List.of(Path.of("my-cooling/MyCooling.java"), Path.of("my-cooling/testbed.yaml"),
                Path.of("my-cooling/four-rooms.yaml"), Path.of("my-cooling/README.md")), List.copyOf(s.files().keySet()));
        assertEquals("./kelvin validate my-cooling/testbed.yaml my-cooling/four-rooms.yaml --plugin "
                + "my-cooling/MyCooling.java", s.validateCommand());
        assertEquals(List.of("./kelvin run my-cooling/testbed.yaml --plugin my-cooling/MyCooling.java",
                "./kelvin run my-cooling/four-rooms.yaml --plugin my-cooling/MyCooling.java"), s.runCommands());
        String readme = s.files().get(Path.of("my-cooling/README.md"));
        assertTrue(readme.contains("`results/my-cooling-testbed/` and `results/my-cooling-four-rooms/`"), readme);
    }

    @Test
    void aPathAShellWouldSplitIsQuoted() {
        Scaffold s = Scaffold.of(ScaffoldKind.METRIC, "arms-tried", Path.of("week 1/it's mine"));
        assertEquals("./kelvin run 'week 1/it'\\''s mine/arms-tried/testbed.yaml' --plugin "
                + "'week 1/it'\\''s mine/arms-tried/ArmsTried.java'", s.runCommands().get(0));
    }

    @Test
    void eachConfigNamesItsResultsFolderAfterTheComponent() {
        for (ScaffoldKind kind : ScaffoldKind.values()) {
            Scaffold s = Scaffold.of(kind, "zz-" + kind.word(), Path.of("d"));
            for (int i = 0; i < kind.configs().size(); i++) {
                String config = s.files().get(s.configs().get(i));
                assertTrue(config.contains("\nname: zz-" + kind.word() + "-" + kind.configs().get(i) + "\n"), config);
            }
        }
    }
}
