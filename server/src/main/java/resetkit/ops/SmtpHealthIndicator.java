package resetkit.ops;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import resetkit.mail.SmtpSettings;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Whether the SMTP relay answers: connect, expect the 220 greeting, say QUIT. No login, so no
 * credential is used or shown; a short timeout keeps /health fast when the relay is gone.
 * Only present while an SMTP host is configured.
 */
@Singleton
@Requires(property = "resetkit.smtp.host")
public class SmtpHealthIndicator extends ProbeHealthIndicator {
    private final SmtpSettings smtp;
    private final OperationsSettings settings;

    SmtpHealthIndicator(SmtpSettings smtp, OperationsSettings settings) {
        super("smtp", settings.getCacheFor());
        this.smtp = smtp;
        this.settings = settings;
    }

    @Override
    protected boolean probe(Map<String, Object> details) throws Exception {
        details.put("host", smtp.getHost());
        details.put("port", smtp.getPort());
        int timeout = (int) settings.getSmtpTimeout().toMillis();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(smtp.getHost(), smtp.getPort()), timeout);
            socket.setSoTimeout(timeout);
            String greeting = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            OutputStream out = socket.getOutputStream();
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return greeting != null && greeting.startsWith("220");
        }
    }
}
