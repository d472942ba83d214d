package resetkit.support;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/** Recognises failures that mean "the database is unreachable", which are answered 503, not 500. */
public final class DatabaseOutage {
    private DatabaseOutage() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof ConnectException
                    || t instanceof SocketTimeoutException
                    || t.getClass().getName().endsWith("CommunicationsException")
                    || t.getClass().getName().equals("io.micronaut.data.connection.exceptions.ConnectionException")) {
                return true;
            }
            // SQLState class 08: connection exception
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
