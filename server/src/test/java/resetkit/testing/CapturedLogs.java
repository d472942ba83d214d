package resetkit.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Every event logged, by any logger, from its creation until it is closed. */
public final class CapturedLogs implements AutoCloseable {
    private final Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public CapturedLogs() {
        appender.start();
        root.addAppender(appender);
    }

    /** What was captured; read it after {@link #close()}, when nothing is added any more. */
    public List<ILoggingEvent> events() {
        return appender.list;
    }

    @Override
    public void close() {
        root.detachAppender(appender);
    }
}
