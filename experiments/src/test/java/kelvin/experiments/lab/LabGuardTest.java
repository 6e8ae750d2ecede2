package kelvin.experiments.lab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which addresses listen on every interface of the machine, and so admit its own addresses as Host. */
class LabGuardTest {

    @Test
    void onlyTheWildcardAddressesListenEverywhere() {
        for (String host : new String[] {"0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0"}) {
            assertTrue(LabGuard.everyAddress(host), host);
        }
        for (String host : new String[] {"127.0.0.1", "localhost", "::1", "[::1]", "192.0.2.7", "0.example",
            "not:an:address", ""}) {
            assertFalse(LabGuard.everyAddress(host), host);
        }
    }
}
