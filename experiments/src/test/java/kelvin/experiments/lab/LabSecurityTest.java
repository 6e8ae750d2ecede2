package kelvin.experiments.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lab as an attacker meets it: without the token, with a wrong one, from another site, through
 * a DNS-rebinding name, reaching out of its folder, or sending a body too large. Requests whose
 * headers or path the JDK's client would rewrite are sent on a raw socket.
 */
class LabSecurityTest {

    /** A page of the test's own, for the API and a POST route. */
    private static final class ProbePage implements LabPage {
        @Override
        public String name() {
            return "probe";
        }

        @Override
        public void routes(LabRoutes routes) {
            routes.get("/hello", r -> Map.of("hello", "lab"));
            routes.post("/echo", r -> Map.of("size", r.json().toString().length()));
        }
    }

    @TempDir
    static Path tmp;

    private static Path dir;
    private static Path secret;
    private static LabClient lab;
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createDirectories(tmp.resolve("lab"));
        Files.writeString(dir.resolve("inside.txt"), "inside the lab\n");
        Files.createDirectories(dir.resolve("results/run-1"));
        Files.writeString(dir.resolve("results/run-1/report.html"), "<html>report</html>");
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        secret = Files.writeString(outside.resolve("secret.txt"), "not for the lab\n");
        Files.createSymbolicLink(dir.resolve("link.txt"), secret);
        Files.createSymbolicLink(dir.resolve("linkdir"), outside);
        lab = new LabClient(dir, c -> List.of(new ProbePage()));
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    /** A raw answer: status, headers (lower-case names, first value) and body. */
    record Raw(int status, Map<String, String> headers, String body) {
    }

    /** Sends one request exactly as written, Host and path included. */
    private static Raw raw(String method, String path, String host, Map<String, String> headers, byte[] body)
            throws IOException {
        try (Socket s = new Socket("127.0.0.1", port())) {
            s.setSoTimeout(10_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            if (host != null) {
                head.append("Host: ").append(host).append("\r\n");
            }
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            OutputStream out = s.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            InputStream in = s.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] lines = text.substring(0, end).split("\r\n");
            Map<String, String> h = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                h.putIfAbsent(lines[i].substring(0, colon).toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            return new Raw(Integer.parseInt(lines[0].split(" ")[1]), h, text.substring(end + 4));
        }
    }

    private static Raw rawGet(String path) throws IOException {
        return raw("GET", path, "127.0.0.1:" + port(), cookie(), null);
    }

    private static Map<String, String> cookie() {
        return Map.of("Cookie", LabGuard.COOKIE + "=" + LabClient.TOKEN);
    }

    private static int port() {
        return URI.create(lab.base()).getPort();
    }

    private static HttpResponse<String> plain(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder anonymous(String path) {
        return HttpRequest.newBuilder(URI.create(lab.base() + path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/probe/hello", "/static/lab.css", "/vendor/uplot.js", "/files/inside.txt"})
    void withoutTheTokenEveryAddressIs403(String path) throws Exception {
        HttpResponse<String> r = plain(anonymous(path).build());
        assertEquals(403, r.statusCode(), path + ": " + r.body());
        assertTrue(r.body().contains("access token"), r.body());
        assertFalse(r.body().contains("inside the lab"), r.body());
        assertEquals(200, lab.get(path).status(), path + " with the token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/probe/hello", "/static/lab.css", "/files/inside.txt"})
    void aWrongTokenIs403InTheCookieAndInTheQuery(String path) throws Exception {
        String wrong = LabClient.TOKEN.substring(1) + "0";
        assertEquals(403, plain(anonymous(path).header("Cookie", LabGuard.COOKIE + "=" + wrong).build()).statusCode());
        assertEquals(403, plain(anonymous(path + "?token=" + wrong).build()).statusCode());
        assertEquals(403, plain(anonymous(path + "?token=").build()).statusCode());
        assertEquals(403, plain(anonymous(path).header("Cookie", "other=" + LabClient.TOKEN).build()).statusCode());
    }

    @Test
    void theFirstVisitSetsAStrictHttpOnlyCookieAndRedirectsWithoutTheToken() throws Exception {
        HttpResponse<String> first = plain(anonymous("/?token=" + LabClient.TOKEN).build());
        assertEquals(303, first.statusCode());
        String location = first.headers().firstValue("Location").orElseThrow();
        assertEquals("/", location);
        String setCookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.startsWith(LabGuard.COOKIE + "=" + LabClient.TOKEN + ";"), setCookie);
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertTrue(setCookie.contains("Path=/"), setCookie);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        HttpResponse<String> next = plain(anonymous(location).header("Cookie", cookie).build());
        assertEquals(200, next.statusCode());
        assertTrue(next.body().contains("<title>Kelvin lab</title>"), next.body());

        HttpResponse<String> page = plain(anonymous("/probe?token=" + LabClient.TOKEN).build());
        assertEquals(303, page.statusCode());
        assertEquals("/probe", page.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void theRedirectStaysOnTheLabAndCarriesNoInjectedHeader() throws IOException {
        // decoded, this path is "//evil.example/x": as a Location, an address on another site
        Raw twoSlashes = raw("GET", "/%2Fevil.example/x?token=" + LabClient.TOKEN, "127.0.0.1:" + port(), Map.of(),
                null);
        assertEquals(303, twoSlashes.status());
        assertEquals("/%2Fevil.example/x", twoSlashes.headers().get("location"));
        Raw lineBreak = raw("GET", "/a%0d%0aSet-Cookie:%20x=1?token=" + LabClient.TOKEN, "127.0.0.1:" + port(),
                Map.of(), null);
        assertEquals(303, lineBreak.status());
        assertEquals("/a%0d%0aSet-Cookie:%20x=1", lineBreak.headers().get("location"));
        assertTrue(lineBreak.headers().get("set-cookie").startsWith(LabGuard.COOKIE + "="),
                lineBreak.headers().toString());
        assertEquals("", lab.errors());
    }

    @Test
    void aDnsRebindingHostIsRefusedEvenWithTheCookie() throws Exception {
        for (String host : List.of("evil.example:" + port(), "evil.example", "127.0.0.1.evil.example:" + port(),
                "127.0.0.1:" + (port() + 1))) {
            Raw r = raw("GET", "/api/probe/hello", host, cookie(), null);
            assertEquals(403, r.status(), host + ": " + r.body());
            assertTrue(r.body().contains("addressed to"), r.body());
        }
        assertEquals(403, raw("GET", "/", null, cookie(), null).status(), "a request without Host");
        for (String host : List.of("127.0.0.1:" + port(), "localhost:" + port(), "LOCALHOST:" + port())) {
            assertEquals(200, raw("GET", "/api/probe/hello", host, cookie(), null).status(), host);
        }
    }

    @Test
    void aForeignOriginIsRefusedOnGetAndPost() {
        for (String origin : List.of("http://evil.example", "https://127.0.0.1:" + port(), "null",
                "http://127.0.0.1:" + (port() + 1))) {
            LabClient.Answer get = lab.send(lab.request("/api/probe/hello").header("Origin", origin).build());
            assertEquals(403, get.status(), origin);
            assertTrue(get.json().get("error").asText().contains("another site"), get.body());
            LabClient.Answer post = lab.send(lab.request("/api/probe/echo").header("Origin", origin)
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
            assertEquals(403, post.status(), origin);
        }
        LabClient.Answer own = lab.send(lab.request("/api/probe/echo").header("Origin", lab.base())
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build());
        assertEquals(200, own.status(), own.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/files/../outside/secret.txt", "/files/%2e%2e/outside/secret.txt",
        "/files/%2E%2E%2Foutside%2Fsecret.txt", "/files/results/../../outside/secret.txt", "/files//etc/passwd",
        "/files/%2Fetc%2Fpasswd", "/files/link.txt", "/files/linkdir/secret.txt", "/files/linkdir/"})
    void aPathOutOfTheFolderIsRefused(String path) throws IOException {
        Raw r = rawGet(path);
        assertEquals(403, r.status(), path + ": " + r.body());
        assertTrue(r.body().contains("outside the lab's folder"), r.body());
        assertFalse(r.body().contains("not for the lab") || r.body().contains("root:"), r.body());
    }

    @Test
    void aFileInsideTheFolderIsServed() throws IOException {
        Raw r = rawGet("/files/inside.txt");
        assertEquals(200, r.status());
        assertEquals("inside the lab\n", r.body());
        assertTrue(r.headers().get("content-type").startsWith("text/plain"), r.headers().toString());
        Raw report = rawGet("/files/results/run-1/");
        assertEquals(200, report.status());
        assertEquals("<html>report</html>", report.body());
        assertEquals(404, rawGet("/files/missing.txt").status());
    }

    @Test
    void aBodyOverOneMebibyteIs413AndOneAtTheLimitIsRead() throws IOException {
        StringBuilder json = new StringBuilder("{\"x\":\"");
        json.append("a".repeat(LabRequest.MAX_BODY - json.length() - 2)).append("\"}");
        byte[] atLimit = json.toString().getBytes(StandardCharsets.US_ASCII);
        assertEquals(LabRequest.MAX_BODY, atLimit.length);
        Map<String, String> headers = new LinkedHashMap<>(cookie());
        headers.put("Content-Type", "application/json");
        Raw ok = raw("POST", "/api/probe/echo", "127.0.0.1:" + port(), headers, atLimit);
        assertEquals(200, ok.status(), ok.body());

        byte[] over = new byte[LabRequest.MAX_BODY + 1];
        Arrays.fill(over, (byte) ' ');
        Raw tooLarge = raw("POST", "/api/probe/echo", "127.0.0.1:" + port(), headers, over);
        assertEquals(413, tooLarge.status(), tooLarge.body());
        assertTrue(tooLarge.body().contains("longer than 1024 KiB"), tooLarge.body());
        LabClient.Answer viaClient = lab.post("/api/probe/echo", " ".repeat(3 * LabRequest.MAX_BODY));
        assertEquals(413, viaClient.status(), viaClient.body());
    }

    @Test
    void everyAnswerCarriesTheContentSecurityPolicy() throws Exception {
        List<HttpResponse<String>> answers = new ArrayList<>();
        answers.add(plain(lab.request("/").build()));
        answers.add(plain(lab.request("/static/lab.js").build()));
        answers.add(plain(lab.request("/api/probe/hello").build()));
        answers.add(plain(lab.request("/files/inside.txt").build()));
        answers.add(plain(lab.request("/no-such-page").build()));
        answers.add(plain(lab.request("/files/../x").build()));
        answers.add(plain(anonymous("/").build()));
        answers.add(plain(anonymous("/?token=" + LabClient.TOKEN).build()));
        answers.add(plain(lab.request("/api/probe/echo").POST(HttpRequest.BodyPublishers.ofString("not json"))
                .build()));
        List<Integer> statuses = new ArrayList<>();
        for (HttpResponse<String> r : answers) {
            statuses.add(r.statusCode());
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("default-src 'self'") && csp.contains("script-src 'self'")
                    && csp.contains("frame-ancestors 'none'"), r.uri() + " " + r.statusCode() + ": " + csp);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), r.uri().toString());
        }
        assertEquals(List.of(200, 200, 200, 200, 404, 403, 403, 303, 400), statuses);
        Raw rebound = raw("GET", "/", "evil.example", cookie(), null);
        assertEquals(403, rebound.status());
        assertTrue(rebound.headers().get("content-security-policy").contains("default-src 'self'"));
        assertEquals("", lab.errors(), "no unexpected failure was told");
    }
}
