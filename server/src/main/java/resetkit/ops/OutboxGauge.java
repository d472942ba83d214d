package resetkit.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import resetkit.mail.Outbox;

/** resetkit_outbox_backlog: mails waiting for delivery, read from the database at each scrape. */
@Context
public class OutboxGauge {
    OutboxGauge(MeterRegistry registry, Outbox outbox) {
        Gauge.builder("resetkit.outbox.backlog", outbox, OutboxGauge::backlog)
                .description("Outbox messages waiting for delivery (status PENDING)")
                .register(registry);
    }

    private static double backlog(Outbox outbox) {
        try {
            return outbox.backlog();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
