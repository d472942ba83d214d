import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares the latency of POST /v1/password-resets for identifiers that have an account and for
 * identifiers that do not, sent one at a time in random order against a running server, and
 * prints both distributions and the differences of their medians and p90s.
 * Usage: java bench/TimingBench.java BASE_URL ADMIN_TOKEN SAMPLES_PER_KIND
 */
public class TimingBench {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        String adminToken = args[1];
        int samples = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        String tenant = "timing-" + System.currentTimeMillis();
        String created = send(http, base + "/admin/v1/tenants", adminToken,
                "{\"id\":\"" + tenant + "\",\"name\":\"Timing\",\"allowed_redirect_urls\":[\"https://app.example/reset\"]}", 201);
        Matcher key = Pattern.compile("\"api_key\":\"([^\"]+)\"").matcher(created);
        if (!key.find()) {
            throw new IllegalStateException("no api_key in " + created);
        }
        String apiKey = key.group(1);
        for (int i = 0; i < samples; i++) {
            send(http, base + "/admin/v1/tenants/" + tenant + "/accounts", adminToken,
                    "{\"email\":\"known" + i + "@timing.example\"}", 201);
        }

        List<Boolean> order = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            order.add(true);
            order.add(false);
        }
        Collections.shuffle(order, new Random(42));
        int warmup = Math.min(200, samples);
        for (int i = 0; i < warmup; i++) {
            request(http, base, apiKey, "warmup" + i + "@timing.example");
        }
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        int k = 0;
        int u = 0;
        for (boolean isKnown : order) {
            String identifier = isKnown ? "known" + (k++) + "@timing.example" : "unknown" + (u++) + "@timing.example";
            long nanos = request(http, base, apiKey, identifier);
            (isKnown ? known : unknown).add(nanos);
        }
        Collections.sort(known);
        Collections.sort(unknown);
        System.out.printf("samples per kind: %d (sequential, random order, after %d warm-up requests)%n", samples, warmup);
        System.out.printf("%-8s %10s %10s %10s %10s%n", "", "p50 ms", "p90 ms", "p99 ms", "mean ms");
        print("known", known);
        print("unknown", unknown);
        System.out.printf("difference of medians (known - unknown): %+.3f ms%n", ms(pct(known, 50) - pct(unknown, 50)));
        System.out.printf("difference of p90s    (known - unknown): %+.3f ms%n", ms(pct(known, 90) - pct(unknown, 90)));
    }

    private static long request(HttpClient http, String base, String apiKey, String identifier) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/password-resets"))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"identifier\":\"" + identifier + "\"}")).build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long nanos = System.nanoTime() - start;
        if (response.statusCode() != 202) {
            throw new IllegalStateException("unexpected " + response.statusCode() + " " + response.body());
        }
        return nanos;
    }

    private static String send(HttpClient http, String url, String token, String body, int expected) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static long pct(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static void print(String label, List<Long> sorted) {
        double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(0) / 1_000_000.0;
        System.out.printf("%-8s %10.3f %10.3f %10.3f %10.3f%n", label, ms(pct(sorted, 50)), ms(pct(sorted, 90)), ms(pct(sorted, 99)), mean);
    }
}
