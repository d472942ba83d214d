package resetkit.api.errors;

import io.micronaut.core.reflect.exception.InstantiationException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JSON body of the wrong type where an object is expected ({@code 42}, {@code true}, or a
 * number for a text field of a one-field body) fails in Micronaut's bean-introspection
 * instantiator with one of these plain exceptions, not a Jackson one. Unhandled, Micronaut logs
 * every such request at ERROR with its stack trace before {@link DialectErrorResponseProcessor}
 * answers 400: a client's mistake would page operators, and could fill the log. Here a failure
 * thrown while reading a body is answered the same 400 without a log line; the same exceptions
 * from anywhere else are the server's fault and are logged and answered 500 as before.
 */
final class UnreadableBodyHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(UnreadableBodyHandlers.class);

    private UnreadableBodyHandlers() {
    }

    abstract static class Handler<T extends Throwable> implements ExceptionHandler<T, HttpResponse<?>> {
        private final DialectErrorResponseProcessor errors;

        Handler(DialectErrorResponseProcessor errors) {
            this.errors = errors;
        }

        @Override
        public HttpResponse<?> handle(HttpRequest request, T exception) {
            if (!DialectErrorResponseProcessor.isUnreadableBody(exception)) {
                LOG.error("Unexpected error occurred: {}", exception.getMessage(), exception);
            }
            return errors.processResponse(ErrorContext.builder(request).cause(exception).build(), HttpResponse.serverError());
        }
    }

    @Singleton
    @Produces
    static class Instantiation extends Handler<InstantiationException> {
        Instantiation(DialectErrorResponseProcessor errors) {
            super(errors);
        }
    }

    @Singleton
    @Produces
    static class IllegalArgument extends Handler<IllegalArgumentException> {
        IllegalArgument(DialectErrorResponseProcessor errors) {
            super(errors);
        }
    }

    @Singleton
    @Produces
    static class ClassCast extends Handler<ClassCastException> {
        ClassCast(DialectErrorResponseProcessor errors) {
            super(errors);
        }
    }
}
