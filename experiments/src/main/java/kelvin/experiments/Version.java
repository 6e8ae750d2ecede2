package kelvin.experiments;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Kelvin's version, as the build stamped it. */
public final class Version {
    private static final String VERSION = load();

    private Version() {
    }

    /**
     * The version of this build.
     *
     * @return the Maven project version, or "unknown" when the build's properties file is missing
     */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/kelvin-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}
