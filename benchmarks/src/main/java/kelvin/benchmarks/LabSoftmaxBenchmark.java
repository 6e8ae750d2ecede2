package kelvin.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import kelvin.experiments.config.Limits;
import kelvin.experiments.config.Registry;
import kelvin.experiments.lab.LabContext;
import kelvin.experiments.lab.LabFiles;
import kelvin.experiments.lab.LabServer;
import kelvin.experiments.lab.SoftmaxPage;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One update of the lab's softmax explorer as the page asks for it when the temperature slider
 * moves: a POST of K logits and a new temperature to a lab served on 127.0.0.1, the computation
 * (probabilities, log-probabilities, entropy, the entropy-against-T curve) and the JSON answer,
 * over a kept-alive connection. The budget is 50 ms per update for K up to 1000, drawing
 * included; the drawing is timed by the page itself (it shows the split). Run:
 * {@code java -jar benchmarks/target/benchmarks.jar LabSoftmaxBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class LabSoftmaxBenchmark {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef";

    @Param({"10", "1000"})
    public int arms;

    private LabServer server;
    private Path dir;
    private HttpClient http;
    private String logits;
    private int next;

    @Setup(Level.Trial)
    public void start() throws IOException {
        dir = Files.createTempDirectory("kelvin-lab-bench");
        LabContext context = new LabContext(Registry.builtIns(), new LabFiles(dir), Limits.Budget.DEFAULT);
        server = new LabServer("127.0.0.1", 0, TOKEN, context.files(), List.of(new SoftmaxPage()),
                new PrintWriter(new StringWriter()));
        server.start();
        http = HttpClient.newHttpClient();
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
        StringJoiner z = new StringJoiner(",");
        for (int i = 0; i < arms; i++) {
            z.add(String.format(Locale.ROOT, "%.4f", rng.nextDouble() * 4 - 2));
        }
        logits = z.toString();
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        server.stop();
        Files.deleteIfExists(dir);
    }

    @Benchmark
    public String update() throws IOException, InterruptedException {
        // the slider's log scale: 10^-3 to 10^3 in 600 steps
        double t = Math.pow(10, -3 + (next++ % 601) / 100.0);
        String body = "{\"logits\": \"" + logits + "\", \"temperature\": \"" + t + "\"}";
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/softmax/compute")).header("Cookie", "kelvin_lab_token=" + TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> a = http.send(r, HttpResponse.BodyHandlers.ofString());
        if (a.statusCode() != 200) {
            throw new IllegalStateException(a.body());
        }
        return a.body();
    }
}
