package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * What the browser test does when Chromium is missing: by default it skips without installing
 * anything; asked to require it (as CI does), it fails instead. The PATH is a folder of the test's
 * own, so the machine's browser and apt-get are out of the picture.
 */
class HeadlessChromiumTest {

    @TempDir
    Path tmp;

    @Test
    void byDefaultAMissingBrowserSkipsAndNothingIsInstalled() throws Exception {
        List<String> tried = new ArrayList<>();
        Path empty = Files.createDirectories(tmp.resolve("bin"));
        assertTrue(HeadlessChromium.find(HeadlessChromium.Mode.FIND, empty.toString(), tmp, tried).isEmpty());
        assertTrue(tried.stream().noneMatch(t -> t.startsWith("apt-get")), "nothing was run: " + tried);
        assertTrue(String.join("; ", tried).contains("KELVIN_BROWSER=install"), tried.toString());
        assertTrue(HeadlessChromium.open(HeadlessChromium.Mode.FIND, empty.toString(), tmp, new ArrayList<>())
                .isEmpty(), "a missing browser is not a failure by default");
    }

    @Test
    void requiredButImpossibleToInstallFails() {
        Path bogus = tmp.resolve("no-such-folder");
        AssertionFailedError failed = assertThrows(AssertionFailedError.class,
                () -> HeadlessChromium.open(HeadlessChromium.Mode.REQUIRE, bogus.toString(), tmp, new ArrayList<>()));
        assertTrue(failed.getMessage().contains("KELVIN_BROWSER=require") && failed.getMessage().contains("apt-get"),
                failed.getMessage());
    }

    @Test
    void aBrowserOnThePathIsUsedInEveryMode() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path chromium = Files.writeString(bin.resolve("chromium"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(chromium, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (HeadlessChromium.Mode mode : HeadlessChromium.Mode.values()) {
            assertTrue(HeadlessChromium.open(mode, bin.toString(), tmp, new ArrayList<>()).isPresent(), mode.name());
        }
    }

    @Test
    void seleniumNeedsTheDriverTooAndItsPackageIsNamed() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path chromium = Files.writeString(bin.resolve("chromium"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(chromium, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> tried = new ArrayList<>();
        assertTrue(HeadlessChromium.forSelenium(HeadlessChromium.Mode.FIND, bin.toString(), tried).isEmpty());
        assertTrue(String.join("; ", tried).contains("looked for chromedriver on the PATH"), tried.toString());
        assertTrue(String.join("; ", tried).contains("installing chromium-driver needs KELVIN_BROWSER=install"),
                tried.toString());
        assertTrue(tried.stream().noneMatch(t -> t.startsWith("apt-get")), "nothing was run: " + tried);
        AssertionFailedError failed = assertThrows(AssertionFailedError.class,
                () -> HeadlessChromium.forSelenium(HeadlessChromium.Mode.REQUIRE, bin.toString(), new ArrayList<>()));
        assertTrue(failed.getMessage().contains("KELVIN_BROWSER=require")
                && failed.getMessage().contains("chromedriver"), failed.getMessage());

        Path driver = Files.writeString(bin.resolve("chromedriver"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(driver, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (HeadlessChromium.Mode mode : HeadlessChromium.Mode.values()) {
            HeadlessChromium.Programs found = HeadlessChromium.forSelenium(mode, bin.toString(), new ArrayList<>())
                    .orElseThrow();
            assertEquals(chromium, found.browser(), mode.name());
            assertEquals(driver, found.driver(), mode.name());
        }
    }

    @Test
    void theModeIsReadFromItsValue() {
        assertEquals(HeadlessChromium.Mode.FIND, HeadlessChromium.Mode.of(null));
        assertEquals(HeadlessChromium.Mode.FIND, HeadlessChromium.Mode.of(""));
        assertEquals(HeadlessChromium.Mode.INSTALL, HeadlessChromium.Mode.of("install"));
        assertEquals(HeadlessChromium.Mode.REQUIRE, HeadlessChromium.Mode.of(" Require "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeadlessChromium.Mode.of("yes"));
        assertTrue(e.getMessage().contains("expected install, require"), e.getMessage());
        assertFalse(e.getMessage().isEmpty());
    }
}
