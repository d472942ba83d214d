package resetkit;

import io.micronaut.context.ApplicationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGTERM is the normal way a deployment stops the server (docker stop, Kubernetes, systemd):
 * stop the context (graceful shutdown: in-flight requests finish, the outbox worker puts down its
 * work) and exit 0. The JVM's own handler would run the same shutdown hooks but exit 143, which
 * process supervisors report as a failure.
 */
final class TerminationSignal {
    private static final Logger LOG = LoggerFactory.getLogger(TerminationSignal.class);

    private TerminationSignal() {
    }

    static void stopGracefullyOn(ApplicationContext context) {
        try {
            Signal.handle(new Signal("TERM"), signal -> {
                LOG.info("SIGTERM: shutting down gracefully");
                // on a thread of its own: System.exit waits for shutdown hooks, which must not wait for this handler
                Thread stopper = new Thread(() -> {
                    if (context.isRunning()) {
                        context.stop();
                    }
                    System.exit(0);
                }, "sigterm-shutdown");
                stopper.start();
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.debug("SIGTERM handler not installed: {}", e.toString());
        }
    }
}
