package kelvin.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kelvin lab} as a user starts it: run on a thread of the test, its printed address read
 * and called, stopped as Ctrl-C stops it (the command's thread is interrupted).
 */
class LabCommandTest {

    private static final Pattern URL = Pattern.compile("http://\\S+/\\?token=[0-9a-f]+");

    @TempDir
    Path tmp;

    /** {@code kelvin ARGS} running until {@link #stop}. */
    private static final class Running implements AutoCloseable {
        private final StringWriter out = new StringWriter();
        private final StringWriter err = new StringWriter();
        private final Thread thread;
        private volatile int exit = -1;

        Running(String... args) {
            thread = new Thread(() -> exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true)),
                    "kelvin-lab-under-test");
            thread.start();
        }

        /** The address it printed, once it printed it. */
        String url() throws InterruptedException {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < deadline) {
                Matcher m = URL.matcher(out.toString());
                if (m.find()) {
                    return m.group();
                }
                if (!thread.isAlive()) {
                    fail("kelvin lab ended (exit " + exit + ") without an address: " + out + err);
                }
                Thread.sleep(20);
            }
            return fail("kelvin lab printed no address within 30 s: " + out + err);
        }

        int stop() throws InterruptedException {
            thread.interrupt();
            thread.join(20_000);
            assertFalse(thread.isAlive(), "kelvin lab stopped when interrupted");
            return exit;
        }

        @Override
        public void close() throws InterruptedException {
            if (thread.isAlive()) {
                stop();
            }
        }
    }

    private static HttpResponse<String> get(String url, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The status of a GET / sent to 127.0.0.1 naming {@code host} in its Host header. */
    private static int statusAddressedTo(int port, String host, String cookie) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream o = s.getOutputStream();
            o.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nCookie: " + cookie + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            o.flush();
            InputStream in = s.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return Integer.parseInt(answer.split(" ", 3)[1]);
        }
    }

    private static Optional<String> anInterfaceAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                    return Optional.of(a.getHostAddress());
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void servesItsAddressAndStopsWhenInterrupted() throws Exception {
        String url;
        int port;
        try (Running lab = new Running("lab", tmp.toString(), "--no-browser", "--port", "0")) {
            url = lab.url();
            port = URI.create(url).getPort();
            assertTrue(url.startsWith("http://127.0.0.1:"), url);
            HttpResponse<String> first = get(url, null);
            assertEquals(303, first.statusCode());
            String cookie = first.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            HttpResponse<String> home = get(url.substring(0, url.indexOf("/?")) + "/", cookie);
            assertEquals(200, home.statusCode());
            assertTrue(home.body().contains("Kelvin lab"), home.body());
            assertEquals(403, get(url.substring(0, url.indexOf("?")), null).statusCode());
            assertEquals(0, lab.stop());
            assertEquals("", lab.err.toString(), "no warning on 127.0.0.1");
            assertTrue(lab.out.toString().contains("Kelvin lab, working in " + tmp.toRealPath()), lab.out.toString());
            assertTrue(lab.out.toString().strip().endsWith("kelvin lab: stopped"), lab.out.toString());
            Cli.assertNoInternals(new String[] {"lab"}, lab.out.toString(), lab.err.toString());
        }
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", port).close(), "the port is closed");
    }

    @Test
    void everyAddressWarnsAndAdmitsTheMachinesOwnAddressesButNoOtherName() throws Exception {
        try (Running lab = new Running("lab", tmp.toString(), "--no-browser", "--port", "0", "--host", "0.0.0.0")) {
            String url = lab.url();
            int port = URI.create(url).getPort();
            assertTrue(url.startsWith("http://127.0.0.1:" + port + "/?token="), "a browser opens 127.0.0.1: " + url);
            String err = lab.err.toString();
            assertTrue(err.startsWith("warning: the lab listens on 0.0.0.0, not only on this machine"), err);
            assertEquals(1, err.strip().lines().count(), err);
            String cookie = get(url, null).headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            assertEquals(200, statusAddressedTo(port, "127.0.0.1:" + port, cookie));
            Optional<String> own = anInterfaceAddress();
            if (own.isPresent()) {
                assertEquals(200, statusAddressedTo(port, own.get() + ":" + port, cookie),
                        "another machine names this one by its address " + own.get());
            }
            assertEquals(403, statusAddressedTo(port, "rebound.example:" + port, cookie));
            assertEquals(0, lab.stop());
        }
    }

    @Test
    void aMissingFolderOrAFileIsOneLineAndExit2() throws Exception {
        Path file = Files.writeString(tmp.resolve("file.txt"), "x");
        for (Path dir : new Path[] {tmp.resolve("missing"), file}) {
            Cli r = Cli.run("lab", dir.toString(), "--no-browser", "--port", "0");
            assertEquals(2, r.exit(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("DIR: " + dir + " is not a folder"), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void aTakenPortGivenWithPortIsOneLineAndExit2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            Cli r = Cli.run("lab", tmp.toString(), "--no-browser", "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(2, r.exit(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("--port: cannot listen on 127.0.0.1:" + taken.getLocalPort()), r.err());
            assertTrue(r.err().contains("--port 0"), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void withoutPortATakenDefaultMovesToTheNextFreePort() throws Exception {
        ServerSocket held = new ServerSocket();
        try {
            held.bind(new InetSocketAddress("127.0.0.1", LabCommand.DEFAULT_PORT));
        } catch (IOException takenAlready) {
            // another program holds it: the lab must move on all the same
            held.close();
        }
        try (held; Running lab = new Running("lab", tmp.toString(), "--no-browser")) {
            int port = URI.create(lab.url()).getPort();
            assertTrue(port > LabCommand.DEFAULT_PORT && port < LabCommand.DEFAULT_PORT + 20, "port " + port);
            assertEquals(0, lab.stop());
        }
    }
}
