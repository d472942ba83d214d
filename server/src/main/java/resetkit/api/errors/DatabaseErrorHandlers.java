package resetkit.api.errors;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.transaction.exceptions.TransactionException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import resetkit.support.DatabaseOutage;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Database failures that reach a route. While the database is unreachable every request fails
 * alike and is answered 503 ({@link DialectErrorResponseProcessor}); unhandled, Micronaut logged
 * each at ERROR with its stack trace, thousands of lines a second under load, burying the one
 * that says what happened. Here an outage is logged at WARN at most once every
 * {@link #OUTAGE_LOG_INTERVAL_SECONDS} seconds, with how many requests it failed since; any other
 * database failure is the server's fault and is logged at ERROR and answered 500, as before.
 */
final class DatabaseErrorHandlers {
    static final long OUTAGE_LOG_INTERVAL_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseErrorHandlers.class);

    private DatabaseErrorHandlers() {
    }

    /** One per application: the handlers for both exception types share it. */
    @Singleton
    static class OutageLog {
        private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - TimeUnit.SECONDS.toNanos(OUTAGE_LOG_INTERVAL_SECONDS));
        private final AtomicLong unlogged = new AtomicLong();

        void failed(Throwable failure) {
            long now = System.nanoTime();
            long last = lastLogged.get();
            if (now - last >= TimeUnit.SECONDS.toNanos(OUTAGE_LOG_INTERVAL_SECONDS) && lastLogged.compareAndSet(last, now)) {
                LOG.warn("Database unreachable, answering 503 ({} more requests failed so since the last such line): {}",
                        unlogged.getAndSet(0), failure.getMessage());
                LOG.debug("Database outage", failure);
            } else {
                unlogged.incrementAndGet();
            }
        }
    }

    abstract static class Handler<T extends RuntimeException> implements ExceptionHandler<T, HttpResponse<?>> {
        private final DialectErrorResponseProcessor errors;
        private final OutageLog outages;

        Handler(DialectErrorResponseProcessor errors, OutageLog outages) {
            this.errors = errors;
            this.outages = outages;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, T exception) {
            if (DatabaseOutage.isCause(exception)) {
                outages.failed(exception);
            } else {
                LOG.error("Unexpected error occurred: {}", exception.getMessage(), exception);
            }
            return errors.processResponse(ErrorContext.builder(request).cause(exception).build(), HttpResponse.serverError());
        }
    }

    @Singleton
    @Produces
    static class Connection extends Handler<ConnectionException> {
        Connection(DialectErrorResponseProcessor errors, OutageLog outages) {
            super(errors, outages);
        }
    }

    @Singleton
    @Produces
    static class DataAccess extends Handler<DataAccessException> {
        DataAccess(DialectErrorResponseProcessor errors, OutageLog outages) {
            super(errors, outages);
        }
    }

    @Singleton
    @Produces
    static class NoConnection extends Handler<CannotGetJdbcConnectionException> {
        NoConnection(DialectErrorResponseProcessor errors, OutageLog outages) {
            super(errors, outages);
        }
    }

    @Singleton
    @Produces
    static class Transaction extends Handler<TransactionException> {
        Transaction(DialectErrorResponseProcessor errors, OutageLog outages) {
            super(errors, outages);
        }
    }
}
