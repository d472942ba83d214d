package resetkit.mail;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * resetkit_mail_send_seconds{kind, outcome}: how long each delivery attempt took, sent or
 * failed; resetkit_mail_failures_total{kind, parked}: failed attempts, and which of them gave up.
 */
@Singleton
public class DeliveryMetrics {
    private final MeterRegistry registry;

    DeliveryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void sent(String kind, Duration took) {
        timer(kind, "sent").record(took);
    }

    void failed(String kind, Duration took, boolean parked) {
        timer(kind, "failed").record(took);
        registry.counter("resetkit.mail.failures", "kind", kind, "parked", String.valueOf(parked)).increment();
    }

    private Timer timer(String kind, String outcome) {
        return Timer.builder("resetkit.mail.send")
                .description("Time to hand one mail to the transport")
                .tag("kind", kind)
                .tag("outcome", outcome)
                .register(registry);
    }
}
